package dev.tastebot.features.sources;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends GET requests the way a free API deserves: a 429 waits as long as Retry-After asks (within a
 * bound, past which we give up rather than hold a user's request hostage), and a 5xx or a timeout is
 * retried a few times with exponential backoff and jitter so several bots do not retry in step.
 * Every other answer, good or bad, goes back to the caller to interpret.
 */
final class PoliteHttp {
    static final int MAX_RETRIES = 3;
    static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);
    static final Duration FIRST_BACKOFF = Duration.ofMillis(500);

    private static final Logger LOG = LoggerFactory.getLogger(PoliteHttp.class);

    private final HttpClient client;
    private final Sleeper sleeper;
    private final String serviceName;

    PoliteHttp(HttpClient client, Sleeper sleeper, String serviceName) {
        this.client = Objects.requireNonNull(client, "client");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.serviceName = Objects.requireNonNull(serviceName, "serviceName");
    }

    /**
     * @return the first answer that is neither a 429 nor a 5xx
     * @throws FeatureSourceException when the service stays unavailable, asks for too long a wait, or
     *     the thread is interrupted
     */
    HttpResponse<String> send(HttpRequest request) {
        return send(request, () -> { });
    }

    /** As {@link #send(HttpRequest)}, telling {@code eachAttempt} before every request sent, retries included. */
    HttpResponse<String> send(HttpRequest request, Runnable eachAttempt) {
        for (int retry = 0; ; retry++) {
            eachAttempt.run();
            Optional<HttpResponse<String>> response = attempt(request, retry);
            if (response.isEmpty()) {
                pause(backoff(retry));
                continue;
            }
            int status = response.get().statusCode();
            if (status == 429) {
                Duration wait = retryAfter(response.get()).orElse(backoff(retry));
                if (wait.compareTo(MAX_RETRY_AFTER) > 0) {
                    throw FeatureSourceException.askedToWait(
                            "%s asks us to wait %d s; try again later".formatted(serviceName, wait.toSeconds()), wait);
                }
                giveUpAfterLastRetry(retry, "keeps asking us to slow down");
                pause(wait);
            } else if (status >= 500) {
                giveUpAfterLastRetry(retry, "answers HTTP " + status);
                pause(backoff(retry));
            } else {
                return response.get();
            }
        }
    }

    /** Empty after a timeout or I/O failure that is worth another try. */
    private Optional<HttpResponse<String>> attempt(HttpRequest request, int retry) {
        try {
            return Optional.of(client.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            LOG.debug("{} request failed: {}", serviceName, e.toString());
            giveUpAfterLastRetry(retry, "does not answer (" + e.getClass().getSimpleName() + ")");
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FeatureSourceException("Stopped while waiting for " + serviceName, e);
        }
    }

    private void giveUpAfterLastRetry(int retry, String problem) {
        if (retry >= MAX_RETRIES) {
            throw new FeatureSourceException(
                    "%s %s after %d tries; try again later".formatted(serviceName, problem, retry + 1));
        }
    }

    private void pause(Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FeatureSourceException("Stopped while waiting for " + serviceName, e);
        }
    }

    /** 0.5 s, 1 s, 2 s, ... plus up to as much again at random. */
    static Duration backoff(int retry) {
        long base = FIRST_BACKOFF.toMillis() << retry;
        return Duration.ofMillis(base + ThreadLocalRandom.current().nextLong(base + 1));
    }

    /** Only the delta-seconds form; an HTTP date (rare for APIs) falls back to our own backoff. */
    private static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip()))));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }
}
