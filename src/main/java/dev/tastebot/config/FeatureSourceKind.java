package dev.tastebot.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The audio-feature sources an operator can enable, by their name in {@code features.sources}. */
public enum FeatureSourceKind {
    CATALOG,
    RECCOBEATS,
    SPOTIFY;

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<FeatureSourceKind> byConfigName(String name) {
        return Arrays.stream(values()).filter(kind -> kind.configName().equalsIgnoreCase(name.strip())).findFirst();
    }
}
