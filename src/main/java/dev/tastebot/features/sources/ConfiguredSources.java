package dev.tastebot.features.sources;

import dev.tastebot.config.FeatureSourceKind;
import dev.tastebot.config.TastebotConfig;
import dev.tastebot.store.FeatureStore;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** The sources an operator listed in {@code features.sources}, in that order. */
public final class ConfiguredSources {
    private ConfiguredSources() {}

    /** @param spotifyAppToken a client-credentials token for Spotify, empty when there is none */
    public static List<FeatureSource> of(
            TastebotConfig config, FeatureStore store, Supplier<Optional<String>> spotifyAppToken) {
        return config.features().sources().stream()
                .map(kind -> source(kind, config, store, spotifyAppToken))
                .toList();
    }

    private static FeatureSource source(
            FeatureSourceKind kind, TastebotConfig config, FeatureStore store, Supplier<Optional<String>> spotifyAppToken) {
        return switch (kind) {
            case CATALOG -> new CatalogFeatureSource(store);
            case RECCOBEATS -> new ReccoBeatsFeatureSource(config.reccoBeats().baseUrl());
            case SPOTIFY -> new SpotifyAudioFeaturesSource(config.spotify().apiBaseUrl(), spotifyAppToken);
        };
    }
}
