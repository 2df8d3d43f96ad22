package dev.tastebot.telegram;

import java.io.Serializable;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Bot API calls through TelegramBots' client, honouring Telegram's flood control: a 429 carries
 * {@code parameters.retry_after}, the seconds to wait; the client reports it and never retries, so
 * this waits that long on the caller's thread and tries again, a few times, and never longer than
 * {@link #LONGEST_WAIT} at once. Callers are each user's lane, so a user whose messages are held back
 * waits in order, and the others go on.
 */
final class TelegramApi {
    static final int ATTEMPTS = 3;
    /** Longer waits are not worth a user's attention: the call fails and says so. */
    static final Duration LONGEST_WAIT = Duration.ofSeconds(60);
    private static final Logger log = LoggerFactory.getLogger(TelegramApi.class);

    /** Waits between attempts; tests pass one that only records the waits asked for. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final TelegramClient client;
    private final Sleeper sleeper;

    TelegramApi(TelegramClient client, Sleeper sleeper) {
        this.client = client;
        this.sleeper = sleeper;
    }

    <T extends Serializable> T call(BotApiMethod<T> method) throws TelegramFailure {
        for (int attempt = 1; ; attempt++) {
            try {
                return client.execute(method);
            } catch (TelegramApiException e) {
                if (e.getCause() instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                Optional<Duration> wait = retryAfter(e);
                if (wait.isEmpty() || attempt == ATTEMPTS || wait.get().compareTo(LONGEST_WAIT) > 0) {
                    throw TelegramFailure.of(method.getMethod(), e);
                }
                log.info("Telegram asks to wait {} s before {} (flood control)", wait.get().toSeconds(), method.getMethod());
                try {
                    sleeper.sleep(wait.get());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw TelegramFailure.of(method.getMethod(), e);
                }
            }
        }
    }

    /** The wait a 429 asks for; empty for every other failure. */
    static Optional<Duration> retryAfter(TelegramApiException failure) {
        if (failure instanceof TelegramApiRequestException request && request.getErrorCode() != null
                && request.getErrorCode() == 429) {
            int seconds = request.getParameters() != null && request.getParameters().getRetryAfter() != null
                    ? request.getParameters().getRetryAfter() : 1;
            return Optional.of(Duration.ofSeconds(Math.max(1, seconds)));
        }
        return Optional.empty();
    }
}
