package dev.tastebot.features.sources;

/** A feature source could not answer; the message can be shown to users as it is. */
public final class FeatureSourceException extends RuntimeException {
    public FeatureSourceException(String message) {
        super(message);
    }

    public FeatureSourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
