package dev.tastebot.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Every setting tastebot reads, with its default. Adding a setting means adding a constant here,
 * reading it in {@link TastebotConfigReader} and documenting it in
 * {@code config/tastebot.example.properties} (a test checks that the example names every key).
 */
public enum Setting {
    DB_PATH("db.path", "data/tastebot.db"),
    DB_SYNCHRONOUS("db.synchronous", "normal"),
    DISCORD_TOKEN("discord.token", Visibility.SECRET),
    DISCORD_GUILD_IDS("discord.guild-ids"),
    DISCORD_ADMIN_IDS("discord.admin-ids"),
    TELEGRAM_TOKEN("telegram.token", Visibility.SECRET),
    TELEGRAM_API_BASE_URL("telegram.api-base-url", "https://api.telegram.org"),
    TELEGRAM_ADMIN_IDS("telegram.admin-ids"),
    SPOTIFY_CLIENT_ID("spotify.client-id"),
    SPOTIFY_CLIENT_SECRET("spotify.client-secret", Visibility.SECRET),
    SPOTIFY_REDIRECT_URI("spotify.redirect-uri", "http://127.0.0.1:8080/callback"),
    SPOTIFY_API_BASE_URL("spotify.api-base-url", "https://api.spotify.com"),
    SPOTIFY_ACCOUNTS_BASE_URL("spotify.accounts-base-url", "https://accounts.spotify.com"),
    SPOTIFY_PLAYLISTS("spotify.playlists", "false"),
    WEB_BIND("web.bind", "127.0.0.1"),
    WEB_PORT("web.port", "8080"),
    WEB_PUBLIC_BASE_URL("web.public-base-url"),
    TOKEN_ENCRYPTION_KEY("token-encryption.key", Visibility.SECRET),
    /** Its default, the number of processors, depends on the machine; the loader supplies it. */
    TRAINING_THREADS("training.threads"),
    TRAINING_NIGHTLY_TIME("training.nightly-time", "03:30"),
    TRAINING_MIN_RATINGS("training.min-ratings", "20"),
    DAILY_SONGS("daily.songs", "3"),
    DAILY_CANDIDATES("daily.candidates", "300"),
    FEATURES_SOURCES("features.sources", "catalog,reccobeats,spotify"),
    RECCOBEATS_BASE_URL("reccobeats.base-url", "https://api.reccobeats.com"),
    RECCOBEATS_SONGS("reccobeats.songs", "true"),
    IMPORT_MAX_SONGS("import.max-songs", "50000"),
    LIMITS_RETRAIN("limits.retrain", "1/10m"),
    LIMITS_PLAYLIST("limits.playlist", "3/10m"),
    LIMITS_IMPORT("limits.import", "3/1h"),
    LIMITS_LOOKUPS("limits.lookups", "10/1m"),
    LIMITS_EVENTS("limits.events", "30/10s"),
    LOG_LEVEL("log.level", "INFO");

    /** The environment variable names are the keys with this prefix, see {@link #environmentVariable()}. */
    public static final String ENVIRONMENT_PREFIX = "TASTEBOT_";

    /**
     * Secrets are accepted only from the environment, so that a properties file, which is easy to
     * commit or share by mistake, never holds one.
     */
    public enum Visibility { PLAIN, SECRET }

    private final String key;
    private final Optional<String> defaultValue;
    private final Visibility visibility;

    Setting(String key, String defaultValue) {
        this(key, Optional.of(defaultValue), Visibility.PLAIN);
    }

    Setting(String key) {
        this(key, Optional.empty(), Visibility.PLAIN);
    }

    Setting(String key, Visibility visibility) {
        this(key, Optional.empty(), visibility);
    }

    Setting(String key, Optional<String> defaultValue, Visibility visibility) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.visibility = visibility;
    }

    /** The name used in properties files and error messages, e.g. {@code db.path}. */
    public String key() {
        return key;
    }

    public Optional<String> defaultValue() {
        return defaultValue;
    }

    public boolean isSecret() {
        return visibility == Visibility.SECRET;
    }

    /** {@code db.path} → {@code TASTEBOT_DB_PATH}: upper case, dots and dashes become underscores. */
    public String environmentVariable() {
        return ENVIRONMENT_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public static Optional<Setting> byKey(String key) {
        return Arrays.stream(values()).filter(setting -> setting.key.equals(key)).findFirst();
    }
}
