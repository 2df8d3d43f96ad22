package dev.tastebot.config;

import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The validated settings tastebot runs with, grouped by area. Immutable; built by
 * {@link ConfigLoader}. Secrets print as redacted, so the whole record is safe to log.
 */
public record TastebotConfig(
        Database database,
        Discord discord,
        Telegram telegram,
        Spotify spotify,
        Web web,
        Optional<TokenEncryptionKey> tokenEncryptionKey,
        Training training,
        Daily daily,
        Features features,
        ReccoBeats reccoBeats,
        Imports imports,
        Limits limits,
        LogLevel logLevel) {

    public TastebotConfig {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(discord, "discord");
        Objects.requireNonNull(telegram, "telegram");
        Objects.requireNonNull(spotify, "spotify");
        Objects.requireNonNull(web, "web");
        Objects.requireNonNull(tokenEncryptionKey, "tokenEncryptionKey");
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(daily, "daily");
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(reccoBeats, "reccoBeats");
        Objects.requireNonNull(imports, "imports");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(logLevel, "logLevel");
    }

    /**
     * @param path the SQLite file; relative paths resolve against the working directory
     * @param sync how hard each commit is held on to
     */
    public record Database(Path path, DatabaseSync sync) {
        public Database {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(sync, "sync");
        }
    }

    /**
     * @param token absent means no Discord connection: the bot runs the console adapter instead
     * @param guildIds servers to register slash commands in directly, which takes effect at once
     *     (global registration can take up to an hour); empty in production
     * @param adminIds Discord users who may act for others, such as retraining another user's model
     */
    public record Discord(Optional<Secret> token, List<Long> guildIds, List<Long> adminIds) {
        public Discord {
            Objects.requireNonNull(token, "token");
            guildIds = List.copyOf(guildIds);
            adminIds = List.copyOf(adminIds);
        }
    }

    /**
     * @param token absent means no Telegram connection; with neither this nor Discord's, the console runs
     * @param apiBaseUrl the Bot API server: Telegram's, or a self-hosted one (scheme, host and port only)
     * @param adminIds Telegram users who may act for others, such as retraining another user's model
     */
    public record Telegram(Optional<Secret> token, URI apiBaseUrl, List<Long> adminIds) {
        public Telegram {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(apiBaseUrl, "apiBaseUrl");
            adminIds = List.copyOf(adminIds);
        }
    }

    /**
     * @param clientId absent means Spotify linking is switched off
     * @param clientSecret absent means the PKCE flow, which needs no secret
     * @param playlists whether /playlist writes the songs to rate into a private playlist; linking
     *     then also asks for the scope that allows it
     */
    public record Spotify(
            Optional<String> clientId,
            Optional<Secret> clientSecret,
            URI redirectUri,
            URI apiBaseUrl,
            URI accountsBaseUrl,
            boolean playlists) {
        public Spotify {
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(clientSecret, "clientSecret");
            Objects.requireNonNull(redirectUri, "redirectUri");
            Objects.requireNonNull(apiBaseUrl, "apiBaseUrl");
            Objects.requireNonNull(accountsBaseUrl, "accountsBaseUrl");
        }

        /** Without playlists, the default. */
        public Spotify(Optional<String> clientId, Optional<Secret> clientSecret, URI redirectUri, URI apiBaseUrl,
                       URI accountsBaseUrl) {
            this(clientId, clientSecret, redirectUri, apiBaseUrl, accountsBaseUrl, false);
        }
    }

    /**
     * @param bind the address the web server listens on: 127.0.0.1 (this machine only) unless the
     *     operator opens it, e.g. 0.0.0.0 in a container
     * @param port the port of the OAuth callback and health endpoint
     * @param publicBaseUrl how users reach the web server when it is behind a proxy, without a
     *     trailing slash
     */
    public record Web(InetAddress bind, int port, Optional<URI> publicBaseUrl) {
        public Web {
            Objects.requireNonNull(bind, "bind");
            Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
        }
    }

    /**
     * @param threads how many users' models train in parallel
     * @param nightlyTime local time of the nightly retraining
     * @param minRatings ratings a user needs before a model is trained for them
     */
    public record Training(int threads, LocalTime nightlyTime, int minRatings) {
        public Training {
            Objects.requireNonNull(nightlyTime, "nightlyTime");
        }
    }

    /**
     * @param songs songs in each daily recommendation message
     * @param candidates songs drawn from the catalogue for each round of daily messages, among which
     *     every user's picks are chosen: more finds better songs, and costs time for every user
     */
    public record Daily(int songs, int candidates) {
    }

    /** @param sources the audio-feature sources to ask, in the order they are asked */
    public record Features(List<FeatureSourceKind> sources) {
        public Features {
            sources = List.copyOf(sources);
        }
    }

    /**
     * @param songs whether songs the catalogue lacks are looked up on ReccoBeats, and songs to rate
     *     recommended by it; its audio features are asked for as {@code features.sources} says
     */
    public record ReccoBeats(URI baseUrl, boolean songs) {
        public ReccoBeats {
            Objects.requireNonNull(baseUrl, "baseUrl");
        }
    }

    /**
     * @param maxSongs the most songs one import of a user's library takes ({@code /import},
     *     {@code import-library}, the Spotify sync); the rest are left out and the user is told
     */
    public record Imports(int maxSongs) {
    }

    /**
     * How often each user may start expensive work.
     *
     * @param retrain {@code /retrain}, counted against whoever asks
     * @param playlist {@code /playlist}, which writes to Spotify
     * @param imports {@code /import} of a library export
     * @param lookups lookups on ReccoBeats and Spotify of songs the catalogue lacks
     * @param events commands and reactions of one user on a chat platform, whatever they are
     */
    public record Limits(Rate retrain, Rate playlist, Rate imports, Rate lookups, Rate events) {
        public Limits {
            Objects.requireNonNull(retrain, "retrain");
            Objects.requireNonNull(playlist, "playlist");
            Objects.requireNonNull(imports, "imports");
            Objects.requireNonNull(lookups, "lookups");
            Objects.requireNonNull(events, "events");
        }
    }

    /** At most {@code times} in any {@code per}. */
    public record Rate(int times, Duration per) {
        public Rate {
            Objects.requireNonNull(per, "per");
        }
    }
}
