package dev.tastebot.config;

import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the merged raw values into a {@link TastebotConfig}. It reads every setting before failing
 * so that the operator sees all problems at once rather than one per attempt.
 */
final class TastebotConfigReader {
    static final int MAX_TRAINING_THREADS = 64;
    /** A model needs at least one like and one dislike. */
    static final int MIN_TRAINING_RATINGS = 2;
    static final int MAX_TRAINING_RATINGS = 100_000;
    /** More songs than this make a long message that few people read to the end. */
    static final int MAX_DAILY_SONGS = 10;
    static final int MAX_DAILY_CANDIDATES = 100_000;
    /** A 20 MB library export holds about 100,000 songs; a limit far above that limits nothing. */
    static final int MAX_IMPORT_SONGS = 1_000_000;

    private final Map<Setting, RawValue> values;
    private final List<String> problems;

    TastebotConfigReader(Map<Setting, RawValue> values, List<String> problemsSoFar) {
        this.values = Map.copyOf(values);
        this.problems = new ArrayList<>(problemsSoFar);
    }

    TastebotConfig read() {
        Path dbPath = required(Setting.DB_PATH, ValueParsers::filePath);
        DatabaseSync dbSync = required(Setting.DB_SYNCHRONOUS, ValueParsers.oneOf(DatabaseSync.class));

        Optional<Secret> discordToken = optional(Setting.DISCORD_TOKEN, Secret::new);
        List<Long> guildIds = optional(Setting.DISCORD_GUILD_IDS, ValueParsers.discordIds("server")).orElse(List.of());
        List<Long> adminIds = optional(Setting.DISCORD_ADMIN_IDS, ValueParsers.discordIds("user")).orElse(List.of());

        Optional<Secret> telegramToken = optional(Setting.TELEGRAM_TOKEN, Secret::new);
        URI telegramApi = required(Setting.TELEGRAM_API_BASE_URL, ValueParsers::telegramApiBaseUrl);
        List<Long> telegramAdminIds = optional(Setting.TELEGRAM_ADMIN_IDS, ValueParsers.telegramUserIds()).orElse(List.of());

        Optional<String> spotifyClientId = optional(Setting.SPOTIFY_CLIENT_ID, ValueParsers::singleWord);
        Optional<Secret> spotifyClientSecret = optional(Setting.SPOTIFY_CLIENT_SECRET, Secret::new);
        URI redirectUri = required(Setting.SPOTIFY_REDIRECT_URI, ValueParsers::spotifyRedirectUri);
        URI spotifyApi = required(Setting.SPOTIFY_API_BASE_URL, ValueParsers::baseUrl);
        URI spotifyAccounts = required(Setting.SPOTIFY_ACCOUNTS_BASE_URL, ValueParsers::baseUrl);
        Boolean playlists = required(Setting.SPOTIFY_PLAYLISTS, ValueParsers::trueOrFalse);
        if (spotifyClientSecret.isPresent() && isUnset(Setting.SPOTIFY_CLIENT_ID)) {
            problems.add(Setting.SPOTIFY_CLIENT_ID.key() + ": expected a value when "
                    + Setting.SPOTIFY_CLIENT_SECRET.environmentVariable() + " is set; a secret is useless without its client id");
        }

        InetAddress webBind = required(Setting.WEB_BIND, ValueParsers::ipAddress);
        Integer webPort = required(Setting.WEB_PORT, ValueParsers.wholeNumber(1, 65_535));
        Optional<URI> publicBaseUrl = optional(Setting.WEB_PUBLIC_BASE_URL, ValueParsers::baseUrl);

        Optional<TokenEncryptionKey> encryptionKey = optional(Setting.TOKEN_ENCRYPTION_KEY, ValueParsers::tokenEncryptionKey);

        Integer threads = required(Setting.TRAINING_THREADS, ValueParsers.wholeNumber(1, MAX_TRAINING_THREADS));
        LocalTime nightlyTime = required(Setting.TRAINING_NIGHTLY_TIME, ValueParsers::timeOfDay);
        Integer minRatings = required(Setting.TRAINING_MIN_RATINGS,
                ValueParsers.wholeNumber(MIN_TRAINING_RATINGS, MAX_TRAINING_RATINGS));

        Integer dailySongs = required(Setting.DAILY_SONGS, ValueParsers.wholeNumber(1, MAX_DAILY_SONGS));
        Integer dailyCandidates = required(Setting.DAILY_CANDIDATES, ValueParsers.wholeNumber(MAX_DAILY_SONGS, MAX_DAILY_CANDIDATES));

        List<FeatureSourceKind> sources = required(Setting.FEATURES_SOURCES, ValueParsers::featureSources);
        URI reccoBeats = required(Setting.RECCOBEATS_BASE_URL, ValueParsers::baseUrl);
        Boolean reccoBeatsSongs = required(Setting.RECCOBEATS_SONGS, ValueParsers::trueOrFalse);
        Integer importMaxSongs = required(Setting.IMPORT_MAX_SONGS, ValueParsers.wholeNumber(1, MAX_IMPORT_SONGS));
        TastebotConfig.Rate retrainLimit = required(Setting.LIMITS_RETRAIN, ValueParsers::rate);
        TastebotConfig.Rate playlistLimit = required(Setting.LIMITS_PLAYLIST, ValueParsers::rate);
        TastebotConfig.Rate importLimit = required(Setting.LIMITS_IMPORT, ValueParsers::rate);
        TastebotConfig.Rate lookupLimit = required(Setting.LIMITS_LOOKUPS, ValueParsers::rate);
        TastebotConfig.Rate eventLimit = required(Setting.LIMITS_EVENTS, ValueParsers::rate);
        LogLevel logLevel = required(Setting.LOG_LEVEL, ValueParsers.oneOf(LogLevel.class));

        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new TastebotConfig(
                new TastebotConfig.Database(dbPath, dbSync),
                new TastebotConfig.Discord(discordToken, guildIds, adminIds),
                new TastebotConfig.Telegram(telegramToken, telegramApi, telegramAdminIds),
                new TastebotConfig.Spotify(spotifyClientId, spotifyClientSecret, redirectUri, spotifyApi, spotifyAccounts,
                        playlists),
                new TastebotConfig.Web(webBind, webPort, publicBaseUrl),
                encryptionKey,
                new TastebotConfig.Training(threads, nightlyTime, minRatings),
                new TastebotConfig.Daily(dailySongs, dailyCandidates),
                new TastebotConfig.Features(sources),
                new TastebotConfig.ReccoBeats(reccoBeats, reccoBeatsSongs),
                new TastebotConfig.Imports(importMaxSongs),
                new TastebotConfig.Limits(retrainLimit, playlistLimit, importLimit, lookupLimit, eventLimit),
                logLevel);
    }

    /**
     * A setting that always has a value, from its default if nowhere else; an empty value is an
     * error rather than a way back to the default. Returns null after recording a problem, which
     * {@link #read()} turns into a {@link ConfigException} before any record is built.
     */
    private <T> T required(Setting setting, ValueParser<T> parser) {
        RawValue raw = values.get(setting);
        if (raw == null) {
            problems.add(setting.key() + ": expected a value; set it in the config file or in " + setting.environmentVariable());
            return null;
        }
        return parse(setting, raw, parser).orElse(null);
    }

    /** A setting that may be absent; an empty value also means absent, which lets the environment unset a file's value. */
    private <T> Optional<T> optional(Setting setting, ValueParser<T> parser) {
        RawValue raw = values.get(setting);
        if (raw == null || raw.text().isBlank()) {
            return Optional.empty();
        }
        return parse(setting, raw, parser);
    }

    private <T> Optional<T> parse(Setting setting, RawValue raw, ValueParser<T> parser) {
        try {
            return Optional.of(parser.parse(raw.text()));
        } catch (InvalidValue invalid) {
            problems.add(describe(setting, raw, invalid));
            return Optional.empty();
        }
    }

    private boolean isUnset(Setting setting) {
        RawValue raw = values.get(setting);
        return raw == null || raw.text().isBlank();
    }

    /** Never echoes a secret's value: error messages end up in terminals and logs. */
    private static String describe(Setting setting, RawValue raw, InvalidValue invalid) {
        String got = setting.isSecret() ? "" : ", got \"" + raw.text() + "\"";
        return setting.key() + ": " + invalid.reason() + got + " (from " + raw.origin() + ")";
    }
}
