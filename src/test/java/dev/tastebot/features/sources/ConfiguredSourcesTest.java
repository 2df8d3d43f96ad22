package dev.tastebot.features.sources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tastebot.config.ConfigLoader;
import dev.tastebot.config.TastebotConfig;
import dev.tastebot.store.Database;
import dev.tastebot.store.FeatureStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfiguredSourcesTest {
    @TempDir
    Path folder;

    @Test
    void theSourcesComeInTheOrderTheOperatorListedThem() {
        // GIVEN an operator preferring Spotify, then the catalogue
        TastebotConfig config = new ConfigLoader(Map.of("TASTEBOT_FEATURES_SOURCES", "spotify,catalog"), folder, 2)
                .load(Optional.empty());

        try (Database database = Database.open(folder.resolve("tastebot.db"))) {
            // WHEN the sources are built
            List<FeatureSource> sources = ConfiguredSources.of(config, new FeatureStore(database), Optional::empty);

            // THEN they follow that order and ReccoBeats is left out
            assertThat(sources).extracting(FeatureSource::name).containsExactly("spotify", "catalog");
        }
    }
}
