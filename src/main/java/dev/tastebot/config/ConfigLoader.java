package dev.tastebot.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * Builds the {@link TastebotConfig} from three layers, each overriding the one before: the
 * embedded defaults, an optional properties file, and {@code TASTEBOT_*} environment variables.
 * Secrets are taken only from the environment.
 */
public final class ConfigLoader {
    /** Names the properties file when no {@code --config} option is given. */
    public static final String CONFIG_FILE_VARIABLE = "TASTEBOT_CONFIG";
    /** Read when it exists and no other file is named; relative to the working directory. */
    public static final Path DEFAULT_CONFIG_FILE = Path.of("config", "tastebot.properties");
    static final String EXAMPLE_FILE = "config/tastebot.example.properties";

    private final Map<String, String> environment;
    private final Path workingDirectory;
    private final int availableProcessors;

    /**
     * @param environment the process environment (passed in so that tests can control it)
     * @param workingDirectory what relative config file paths resolve against
     * @param availableProcessors the default of {@code training.threads}
     */
    public ConfigLoader(Map<String, String> environment, Path workingDirectory, int availableProcessors) {
        this.environment = Map.copyOf(environment);
        this.workingDirectory = Objects.requireNonNull(workingDirectory, "workingDirectory");
        this.availableProcessors = availableProcessors;
    }

    /**
     * @param configFileOption the value of {@code --config}, when given; it wins over
     *     {@code TASTEBOT_CONFIG}, which wins over the default file
     * @throws ConfigException naming every setting that is missing or invalid
     */
    public TastebotConfig load(Optional<String> configFileOption) {
        Map<Setting, RawValue> values = new EnumMap<>(Setting.class);
        List<String> problems = new ArrayList<>();
        putDefaults(values);
        configFile(configFileOption).ifPresent(file -> putFileValues(file, values, problems));
        putEnvironmentValues(values);
        return new TastebotConfigReader(values, problems).read();
    }

    private void putDefaults(Map<Setting, RawValue> values) {
        for (Setting setting : Setting.values()) {
            setting.defaultValue().ifPresent(value -> values.put(setting, new RawValue(value, "the default")));
        }
        int threads = Math.clamp(availableProcessors, 1, TastebotConfigReader.MAX_TRAINING_THREADS);
        values.put(Setting.TRAINING_THREADS, new RawValue(Integer.toString(threads), "the default, the number of processors"));
    }

    /** The file to read, if any: an explicitly named file must exist, the default one may be missing. */
    private Optional<ConfigFile> configFile(Optional<String> configFileOption) {
        Optional<ConfigFile> named = configFileOption.map(path -> new ConfigFile(path, "--config"))
                .or(() -> Optional.ofNullable(environment.get(CONFIG_FILE_VARIABLE))
                        .filter(path -> !path.isBlank())
                        .map(path -> new ConfigFile(path, "environment variable " + CONFIG_FILE_VARIABLE)));
        if (named.isEmpty()) {
            Path defaultFile = workingDirectory.resolve(DEFAULT_CONFIG_FILE);
            return Files.isRegularFile(defaultFile)
                    ? Optional.of(new ConfigFile(DEFAULT_CONFIG_FILE.toString(), "the default location"))
                    : Optional.empty();
        }
        ConfigFile file = named.get();
        if (!Files.isRegularFile(file.resolveAgainst(workingDirectory))) {
            throw new ConfigException("config file \"" + file.pathAsGiven() + "\" (from " + file.namedBy() + ") does not exist or is not a file");
        }
        return named;
    }

    private void putFileValues(ConfigFile file, Map<Setting, RawValue> values, List<String> problems) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file.resolveAgainst(workingDirectory), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (CharacterCodingException e) {
            throw new ConfigException("config file \"" + file.pathAsGiven() + "\": expected UTF-8 text");
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("config file \"" + file.pathAsGiven() + "\" cannot be read: " + e.getMessage());
        }
        for (String key : properties.stringPropertyNames().stream().sorted().toList()) {
            Optional<Setting> setting = Setting.byKey(key);
            if (setting.isEmpty()) {
                problems.add(key + ": not a tastebot setting (in " + file.pathAsGiven() + "); " + EXAMPLE_FILE + " lists them all");
            } else if (setting.get().isSecret()) {
                problems.add(key + ": secrets are not read from config files; remove it from " + file.pathAsGiven()
                        + " and set the environment variable " + setting.get().environmentVariable() + " instead");
            } else {
                values.put(setting.get(), new RawValue(properties.getProperty(key).strip(), file.pathAsGiven()));
            }
        }
    }

    private void putEnvironmentValues(Map<Setting, RawValue> values) {
        for (Setting setting : Setting.values()) {
            String variable = setting.environmentVariable();
            String value = environment.get(variable);
            if (value != null) {
                values.put(setting, new RawValue(value.strip(), "environment variable " + variable));
            }
        }
    }

    /** A config file path as the operator wrote it, kept for messages, and who named it. */
    private record ConfigFile(String pathAsGiven, String namedBy) {
        Path resolveAgainst(Path directory) {
            try {
                return directory.resolve(pathAsGiven);
            } catch (InvalidPathException e) {
                throw new ConfigException("config file \"" + pathAsGiven + "\" (from " + namedBy + ") is not a valid path");
            }
        }
    }
}
