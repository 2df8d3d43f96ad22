package dev.tastebot;

import dev.tastebot.config.FeatureSourceKind;
import dev.tastebot.config.TastebotConfig;
import dev.tastebot.measure.LoadTarget;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The bot {@code bench-load} puts under load: the whole application as {@code run} builds it, with the
 * configured limits, over the benchmark's database, but with nothing that would leave this machine
 * (no Spotify app, no ReccoBeats, audio features from the catalogue only), so the figures are the bot's own.
 */
final class BenchLoadBot {
    private BenchLoadBot() {
    }

    static LoadTarget open(TastebotConfig config, Path database) {
        TastebotConfig.Spotify spotify = config.spotify();
        TastebotConfig offline = new TastebotConfig(new TastebotConfig.Database(database, config.database().sync()), config.discord(),
                config.telegram(),
                new TastebotConfig.Spotify(Optional.empty(), Optional.empty(), spotify.redirectUri(), spotify.apiBaseUrl(),
                        spotify.accountsBaseUrl(), false),
                config.web(), config.tokenEncryptionKey(), config.training(), config.daily(),
                new TastebotConfig.Features(List.of(FeatureSourceKind.CATALOG)),
                new TastebotConfig.ReccoBeats(config.reccoBeats().baseUrl(), false), config.imports(),
                config.limits(), config.logLevel());
        Application app = new Application(offline, Clock.systemUTC());
        return new LoadTarget(app.chat, app.lanes, app::close);
    }
}
