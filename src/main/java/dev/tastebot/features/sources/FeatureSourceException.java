package dev.tastebot.features.sources;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A feature source could not answer; the message can be shown to users as it is. Whether the
 * service itself is in trouble (down, overloaded, answering garbage) or only refused this one
 * request decides whether callers should leave it alone for a while.
 */
public final class FeatureSourceException extends RuntimeException {
    private final boolean refusedRequest;
    private final Optional<Duration> waitAsked;

    private FeatureSourceException(String message, Throwable cause, boolean refusedRequest, Optional<Duration> waitAsked) {
        super(message, cause);
        this.refusedRequest = refusedRequest;
        this.waitAsked = Objects.requireNonNull(waitAsked, "waitAsked");
    }

    /** The service does not answer, answers 5xx or 429, or answers something unreadable. */
    public FeatureSourceException(String message) {
        this(message, null, false, Optional.empty());
    }

    /** As {@link #FeatureSourceException(String)}, for a failure with a cause. */
    public FeatureSourceException(String message, Throwable cause) {
        this(message, cause, false, Optional.empty());
    }

    /** The service asked us to wait longer than we are willing to wait inside one request. */
    public static FeatureSourceException askedToWait(String message, Duration wait) {
        return new FeatureSourceException(message, null, false, Optional.of(wait));
    }

    /** The service answered, and refused this request (a 4xx other than 429): another may do fine. */
    public static FeatureSourceException refused(String message) {
        return new FeatureSourceException(message, null, true, Optional.empty());
    }

    /** Whether the service refused this request rather than failing as a whole. */
    public boolean refusedRequest() {
        return refusedRequest;
    }

    /** How long the service asked us to wait (its {@code Retry-After}), when it asked for more than we waited. */
    public Optional<Duration> waitAsked() {
        return waitAsked;
    }
}
