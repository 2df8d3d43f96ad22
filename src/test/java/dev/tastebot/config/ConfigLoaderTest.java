package dev.tastebot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigLoaderTest {
    private static final int CORES = 6;
    private static final String VALID_KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @TempDir
    Path workingDirectory;

    private TastebotConfig load(Map<String, String> environment) {
        return new ConfigLoader(environment, workingDirectory, CORES).load(Optional.empty());
    }

    private TastebotConfig loadWithFile(String fileContent, Map<String, String> environment) throws IOException {
        Files.writeString(workingDirectory.resolve("custom.properties"), fileContent, StandardCharsets.UTF_8);
        return new ConfigLoader(environment, workingDirectory, CORES).load(Optional.of("custom.properties"));
    }

    private ConfigException problemsLoading(Map<String, String> environment) {
        return catchThrowableOfType(ConfigException.class, () -> load(environment));
    }

    @Test
    void withNothingConfiguredEveryDefaultApplies() {
        // GIVEN no file and no TASTEBOT_ variables
        // WHEN loading
        TastebotConfig config = load(Map.of("PATH", "/usr/bin"));

        // THEN
        assertThat(config.database().path()).isEqualTo(Path.of("data/tastebot.db"));
        assertThat(config.database().sync()).isEqualTo(DatabaseSync.NORMAL);
        assertThat(config.discord().token()).isEmpty();
        assertThat(config.discord().guildIds()).isEmpty();
        assertThat(config.telegram().token()).isEmpty();
        assertThat(config.telegram().apiBaseUrl()).isEqualTo(URI.create("https://api.telegram.org"));
        assertThat(config.telegram().adminIds()).isEmpty();
        assertThat(config.discord().adminIds()).isEmpty();
        assertThat(config.spotify().clientId()).isEmpty();
        assertThat(config.spotify().clientSecret()).isEmpty();
        assertThat(config.spotify().redirectUri()).isEqualTo(URI.create("http://127.0.0.1:8080/callback"));
        assertThat(config.spotify().apiBaseUrl()).isEqualTo(URI.create("https://api.spotify.com"));
        assertThat(config.spotify().accountsBaseUrl()).isEqualTo(URI.create("https://accounts.spotify.com"));
        assertThat(config.spotify().playlists()).isFalse();
        assertThat(config.web().port()).isEqualTo(8080);
        assertThat(config.web().bind().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(config.web().publicBaseUrl()).isEmpty();
        assertThat(config.tokenEncryptionKey()).isEmpty();
        assertThat(config.training().threads()).isEqualTo(CORES);
        assertThat(config.training().nightlyTime()).isEqualTo(LocalTime.of(3, 30));
        assertThat(config.training().minRatings()).isEqualTo(20);
        assertThat(config.daily()).isEqualTo(new TastebotConfig.Daily(3, 300));
        assertThat(config.features().sources())
                .containsExactly(FeatureSourceKind.CATALOG, FeatureSourceKind.RECCOBEATS, FeatureSourceKind.SPOTIFY);
        assertThat(config.reccoBeats().baseUrl()).isEqualTo(URI.create("https://api.reccobeats.com"));
        assertThat(config.imports()).isEqualTo(new TastebotConfig.Imports(50_000));
        assertThat(config.limits()).isEqualTo(new TastebotConfig.Limits(
                new TastebotConfig.Rate(1, Duration.ofMinutes(10)), new TastebotConfig.Rate(3, Duration.ofMinutes(10)),
                new TastebotConfig.Rate(3, Duration.ofHours(1)), new TastebotConfig.Rate(10, Duration.ofMinutes(1)),
                new TastebotConfig.Rate(30, Duration.ofSeconds(10))));
        assertThat(config.logLevel()).isEqualTo(LogLevel.INFO);
    }

    @Test
    void theDefaultThreadCountStaysWithinTheAllowedRangeOnLargeMachines() {
        // GIVEN a machine with more processors than training.threads allows
        ConfigLoader loader = new ConfigLoader(Map.of(), workingDirectory, 128);

        // WHEN / THEN
        assertThat(loader.load(Optional.empty()).training().threads()).isEqualTo(64);
    }

    @Test
    void theFileOverridesTheDefaultAndTheEnvironmentOverridesTheFile() throws IOException {
        // GIVEN db.path and web.port in the file, and only web.port in the environment
        String file = """
                db.path=from-file.db
                web.port=9000
                """;

        // WHEN
        TastebotConfig config = loadWithFile(file, Map.of("TASTEBOT_WEB_PORT", "9100"));

        // THEN the file beats the default, the environment beats the file, untouched keys keep their default
        assertThat(config.database().path()).isEqualTo(Path.of("from-file.db"));
        assertThat(config.web().port()).isEqualTo(9100);
        assertThat(config.training().minRatings()).isEqualTo(20);
    }

    @Test
    void theConfigOptionWinsOverTheConfigVariableWhichWinsOverTheDefaultFile() throws IOException {
        // GIVEN three files, each setting a different db.path
        Files.createDirectories(workingDirectory.resolve("config"));
        Files.writeString(workingDirectory.resolve("config/tastebot.properties"), "db.path=default-file.db");
        Files.writeString(workingDirectory.resolve("from-variable.properties"), "db.path=variable-file.db");
        Files.writeString(workingDirectory.resolve("from-option.properties"), "db.path=option-file.db");
        Map<String, String> withVariable = Map.of("TASTEBOT_CONFIG", "from-variable.properties");

        // WHEN / THEN
        assertThat(new ConfigLoader(withVariable, workingDirectory, CORES).load(Optional.of("from-option.properties"))
                .database().path()).isEqualTo(Path.of("option-file.db"));
        assertThat(new ConfigLoader(withVariable, workingDirectory, CORES).load(Optional.empty())
                .database().path()).isEqualTo(Path.of("variable-file.db"));
        assertThat(new ConfigLoader(Map.of(), workingDirectory, CORES).load(Optional.empty())
                .database().path()).isEqualTo(Path.of("default-file.db"));
    }

    @Test
    void aNamedConfigFileThatDoesNotExistIsAnError() {
        // GIVEN --config names a missing file
        ConfigLoader loader = new ConfigLoader(Map.of(), workingDirectory, CORES);

        // WHEN / THEN
        assertThatThrownBy(() -> loader.load(Optional.of("missing.properties")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("missing.properties")
                .hasMessageContaining("--config")
                .hasMessageContaining("does not exist");
    }

    @ParameterizedTest
    @EnumSource(value = Setting.class, names = {"DISCORD_TOKEN", "TELEGRAM_TOKEN", "SPOTIFY_CLIENT_SECRET", "TOKEN_ENCRYPTION_KEY"})
    void aSecretInTheFileIsRefusedWithAPointerToItsEnvironmentVariable(Setting secret) {
        // GIVEN a file that holds a secret
        String file = secret.key() + "=" + VALID_KEY + "\n";

        // WHEN
        ConfigException problem = catchThrowableOfType(ConfigException.class, () -> loadWithFile(file, Map.of()));

        // THEN it names the key and the variable to use instead, and does not repeat the secret
        assertThat(problem.problems()).singleElement().asString()
                .startsWith(secret.key() + ":")
                .contains(secret.environmentVariable())
                .doesNotContain(VALID_KEY);
    }

    @Test
    void secretsFromTheEnvironmentAreAcceptedAndNeverPrinted() {
        // GIVEN every secret in the environment
        Map<String, String> environment = Map.of(
                "TASTEBOT_DISCORD_TOKEN", "discord-token-value",
                "TASTEBOT_TELEGRAM_TOKEN", "123:telegram-token-value",
                "TASTEBOT_SPOTIFY_CLIENT_ID", "abc123",
                "TASTEBOT_SPOTIFY_CLIENT_SECRET", "spotify-secret-value",
                "TASTEBOT_TOKEN_ENCRYPTION_KEY", VALID_KEY);

        // WHEN
        TastebotConfig config = load(environment);

        // THEN they are available to the code but not to a log line
        assertThat(config.discord().token()).map(Secret::value).contains("discord-token-value");
        assertThat(config.telegram().token()).map(Secret::value).contains("123:telegram-token-value");
        assertThat(config.spotify().clientSecret()).map(Secret::value).contains("spotify-secret-value");
        assertThat(config.tokenEncryptionKey()).map(key -> key.aesKey().getEncoded()).contains(new byte[32]);
        assertThat(config.toString()).doesNotContain("discord-token-value", "telegram-token-value", "spotify-secret-value",
                VALID_KEY);
    }

    @Test
    void anUnknownKeyInTheFileIsRefused() {
        // GIVEN a misspelt key
        String file = "db.pth=x.db\n";

        // WHEN / THEN
        assertThatThrownBy(() -> loadWithFile(file, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("db.pth: not a tastebot setting");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            db.path                   | ''                    | expected a file path, got ""
            discord.guild-ids         | 12,abc                | expected a comma-separated list of Discord server ids
            discord.admin-ids         | 12,@me                | expected a comma-separated list of Discord user ids
            discord.admin-ids         | 0                     | expected a comma-separated list of Discord user ids
            telegram.admin-ids        | 12,@me                | expected a comma-separated list of Telegram user ids
            telegram.api-base-url     | http://127.0.0.1:8081/bot | expected an http or https URL without a path
            telegram.api-base-url     | api.telegram.org      | expected an http or https URL without a path
            spotify.client-id         | has space             | expected a single word without spaces
            spotify.redirect-uri      | http://example.org/cb | expected an https URL, or an http URL on the loopback IP
            spotify.redirect-uri      | not a url             | expected an https URL
            spotify.api-base-url      | ftp://example.org     | expected an http or https URL
            spotify.accounts-base-url | example.org           | expected an http or https URL
            spotify.playlists         | yes                   | expected true or false, got "yes"
            spotify.playlists         | ''                    | expected true or false
            web.bind                  | localhost             | expected an IP address such as 127.0.0.1
            web.bind                  | 0.0.0.0.0             | expected an IP address
            web.bind                  | ''                    | expected an IP address
            web.port                  | 0                     | expected a whole number from 1 to 65535, got "0"
            web.port                  | 65536                 | expected a whole number from 1 to 65535
            web.public-base-url       | /relative             | expected an http or https URL
            training.threads          | abc                   | expected a whole number from 1 to 64, got "abc"
            training.threads          | 65                    | expected a whole number from 1 to 64
            training.nightly-time     | 24:00                 | expected a time of day as HH:mm
            training.nightly-time     | 3:30                  | expected a time of day as HH:mm
            training.min-ratings      | 1                     | expected a whole number from 2 to 100000
            daily.songs               | 0                     | expected a whole number from 1 to 10, got "0"
            daily.songs               | 11                    | expected a whole number from 1 to 10
            daily.songs               | three                 | expected a whole number from 1 to 10
            daily.candidates          | 9                     | expected a whole number from 10 to 100000
            daily.candidates          | 1e6                   | expected a whole number from 10 to 100000
            features.sources          | catalog,lastfm        | expected a comma-separated list of catalog, reccobeats, spotify
            features.sources          | catalog,catalog       | each at most once
            features.sources          | ''                    | expected a comma-separated list
            reccobeats.base-url       | ''                    | expected an http or https URL
            import.max-songs          | 0                     | expected a whole number from 1 to 1000000, got "0"
            import.max-songs          | 50k                   | expected a whole number from 1 to 1000000
            log.level                 | LOUD                  | expected one of TRACE, DEBUG, INFO, WARN, ERROR
            limits.retrain            | 1 per 10m             | expected COUNT/DURATION such as 3/1h: at most COUNT (1 to 10000) times in any DURATION (a whole number of s, m or h, up to 24h), got "1 per 10m"
            limits.retrain            | 0/10m                 | expected COUNT/DURATION such as 3/1h
            limits.playlist           | 3/0s                  | expected COUNT/DURATION such as 3/1h
            limits.import             | 3/25h                 | expected COUNT/DURATION such as 3/1h
            limits.import             | 3/1d                  | expected COUNT/DURATION such as 3/1h
            limits.lookups            | 10001/1m              | expected COUNT/DURATION such as 3/1h
            limits.lookups            | ''                    | expected COUNT/DURATION such as 3/1h
            """)
    void anInvalidValueIsReportedWithItsKeyWhatWasExpectedAndWhereItCameFrom(String key, String value, String expected) {
        // GIVEN the value in the environment
        String variable = Setting.byKey(key).orElseThrow().environmentVariable();

        // WHEN
        ConfigException problem = problemsLoading(Map.of(variable, value));

        // THEN
        assertThat(problem.problems()).singleElement().asString()
                .startsWith(key + ": ")
                .contains(expected)
                .endsWith("(from environment variable " + variable + ")");
    }

    @Test
    void anInvalidValueFromTheFileNamesTheFile() {
        // WHEN
        ConfigException problem = catchThrowableOfType(ConfigException.class,
                () -> loadWithFile("training.threads=abc\n", Map.of()));

        // THEN
        assertThat(problem).hasMessage("training.threads: expected a whole number from 1 to 64, got \"abc\" (from custom.properties)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"c2hvcnQ=", "not base64!"})
    void anInvalidEncryptionKeyIsReportedWithoutShowingIt(String key) {
        // WHEN
        ConfigException problem = problemsLoading(Map.of("TASTEBOT_TOKEN_ENCRYPTION_KEY", key));

        // THEN
        assertThat(problem.problems()).singleElement().asString()
                .startsWith("token-encryption.key: expected the base64 encoding of 32 random bytes")
                .doesNotContain(key);
    }

    @Test
    void aLocalhostRedirectUriIsRefusedBecauseSpotifyRefusesIt() {
        // GIVEN the redirect URI most tutorials show
        Map<String, String> environment = Map.of("TASTEBOT_SPOTIFY_REDIRECT_URI", "http://localhost:8080/callback");

        // WHEN
        ConfigException problem = problemsLoading(environment);

        // THEN the message explains why and offers the loopback IP form
        assertThat(problem.problems()).singleElement().asString()
                .startsWith("spotify.redirect-uri: Spotify refuses \"localhost\"")
                .contains("http://127.0.0.1:8080/callback");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://tastebot.example.org/callback", "http://127.0.0.1:9000/callback", "http://[::1]:8080/callback"})
    void httpsAndLoopbackIpRedirectUrisAreAccepted(String redirectUri) {
        // WHEN
        TastebotConfig config = load(Map.of("TASTEBOT_SPOTIFY_REDIRECT_URI", redirectUri));

        // THEN it is kept exactly, as Spotify compares it character by character
        assertThat(config.spotify().redirectUri()).hasToString(redirectUri);
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        // GIVEN two invalid values
        Map<String, String> environment = Map.of("TASTEBOT_WEB_PORT", "x", "TASTEBOT_LOG_LEVEL", "LOUD");

        // WHEN
        ConfigException problem = problemsLoading(environment);

        // THEN
        assertThat(problem.problems()).hasSize(2)
                .anySatisfy(line -> assertThat(line).startsWith("web.port:"))
                .anySatisfy(line -> assertThat(line).startsWith("log.level:"));
    }

    @Test
    void valuesAreParsedIntoTheirTypes() {
        // GIVEN values with surrounding blanks and mixed case
        Map<String, String> environment = Map.ofEntries(
                Map.entry("TASTEBOT_DISCORD_GUILD_IDS", " 81384788765712384, 1234567890123456789 ,"),
                Map.entry("TASTEBOT_DISCORD_ADMIN_IDS", "80351110224678912"),
                Map.entry("TASTEBOT_FEATURES_SOURCES", "Spotify, catalog"),
                Map.entry("TASTEBOT_TRAINING_NIGHTLY_TIME", "23:05"),
                Map.entry("TASTEBOT_DAILY_SONGS", " 5 "),
                Map.entry("TASTEBOT_DAILY_CANDIDATES", "2000"),
                Map.entry("TASTEBOT_WEB_PUBLIC_BASE_URL", "https://tastebot.example.org/"),
                Map.entry("TASTEBOT_WEB_BIND", " 0.0.0.0 "),
                Map.entry("TASTEBOT_LOG_LEVEL", "debug"),
                Map.entry("TASTEBOT_DB_SYNCHRONOUS", "Full"),
                Map.entry("TASTEBOT_SPOTIFY_PLAYLISTS", " TRUE "));

        // WHEN
        TastebotConfig config = load(environment);

        // THEN
        assertThat(config.discord().guildIds()).containsExactly(81384788765712384L, 1234567890123456789L);
        assertThat(config.discord().adminIds()).containsExactly(80351110224678912L);
        assertThat(config.features().sources()).containsExactly(FeatureSourceKind.SPOTIFY, FeatureSourceKind.CATALOG);
        assertThat(config.training().nightlyTime()).isEqualTo(LocalTime.of(23, 5));
        assertThat(config.daily()).isEqualTo(new TastebotConfig.Daily(5, 2000));
        assertThat(config.web().publicBaseUrl()).contains(URI.create("https://tastebot.example.org"));
        assertThat(config.web().bind().isAnyLocalAddress()).isTrue();
        assertThat(config.logLevel()).isEqualTo(LogLevel.DEBUG);
        assertThat(config.database().sync()).isEqualTo(DatabaseSync.FULL);
        assertThat(config.spotify().playlists()).isTrue();
    }

    @Test
    void limitsAreACountPerDurationInSecondsMinutesOrHours() {
        TastebotConfig config = load(Map.of("TASTEBOT_LIMITS_RETRAIN", "2/30m", "TASTEBOT_LIMITS_PLAYLIST", "1/1h",
                "TASTEBOT_LIMITS_IMPORT", " 5/24h ", "TASTEBOT_LIMITS_LOOKUPS", "30/45s",
                "TASTEBOT_LIMITS_EVENTS", "100/1m"));

        assertThat(config.limits()).isEqualTo(new TastebotConfig.Limits(
                new TastebotConfig.Rate(2, Duration.ofMinutes(30)), new TastebotConfig.Rate(1, Duration.ofHours(1)),
                new TastebotConfig.Rate(5, Duration.ofHours(24)), new TastebotConfig.Rate(30, Duration.ofSeconds(45)),
                new TastebotConfig.Rate(100, Duration.ofMinutes(1))));
    }

    @Test
    void anEmptyVariableUnsetsAnOptionalValueFromTheFile() throws IOException {
        // GIVEN a public URL in the file and an empty variable for it
        String file = "web.public-base-url=https://tastebot.example.org\n";

        // WHEN
        TastebotConfig config = loadWithFile(file, Map.of("TASTEBOT_WEB_PUBLIC_BASE_URL", ""));

        // THEN
        assertThat(config.web().publicBaseUrl()).isEmpty();
    }

    @Test
    void aSpotifySecretWithoutAClientIdIsRefused() {
        // WHEN
        ConfigException problem = problemsLoading(Map.of("TASTEBOT_SPOTIFY_CLIENT_SECRET", "spotify-secret-value"));

        // THEN
        assertThat(problem.problems()).singleElement().asString()
                .startsWith("spotify.client-id: expected a value when TASTEBOT_SPOTIFY_CLIENT_SECRET is set");
    }

    @Test
    void theExampleFileDocumentsEveryKey() throws IOException {
        // GIVEN the example shipped with the project (surefire runs in the project directory)
        String example = Files.readString(Path.of(ConfigLoader.EXAMPLE_FILE));

        // THEN
        for (Setting setting : Setting.values()) {
            assertThat(example).as("documents %s", setting.key()).contains(setting.key());
        }
    }

    @Test
    void theExampleFileUsedAsItIsGivesTheDefaults() throws IOException {
        // GIVEN the example copied as the operator's config file
        Files.createDirectories(workingDirectory.resolve("config"));
        Files.copy(Path.of(ConfigLoader.EXAMPLE_FILE), workingDirectory.resolve(ConfigLoader.DEFAULT_CONFIG_FILE));

        // WHEN / THEN the values it shows are the defaults
        assertThat(load(Map.of())).isEqualTo(new ConfigLoader(Map.of(), Files.createTempDirectory(workingDirectory, "empty"), CORES)
                .load(Optional.empty()));
    }

    @Test
    void environmentVariableNamesFollowTheKeys() {
        assertThat(Setting.DB_PATH.environmentVariable()).isEqualTo("TASTEBOT_DB_PATH");
        assertThat(Setting.SPOTIFY_CLIENT_SECRET.environmentVariable()).isEqualTo("TASTEBOT_SPOTIFY_CLIENT_SECRET");
        assertThat(Setting.TOKEN_ENCRYPTION_KEY.environmentVariable()).isEqualTo("TASTEBOT_TOKEN_ENCRYPTION_KEY");
        assertThat(List.of(Setting.values())).extracting(Setting::environmentVariable).doesNotHaveDuplicates();
    }
}
