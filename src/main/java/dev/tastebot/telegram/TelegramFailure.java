package dev.tastebot.telegram;

import java.io.IOException;
import java.util.Locale;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiValidationException;

/** A Bot API call that failed, and what that means for what to do next. */
final class TelegramFailure extends Exception {
    private static final long serialVersionUID = 1L;

    enum Kind {
        /** 403: the user blocked the bot or never started it, or the bot is no longer in the group. Nothing was sent. */
        FORBIDDEN,
        /** 400 "message is not modified": an edit that changes nothing, as good as done. */
        NOT_MODIFIED,
        /** 400 about a callback query that is too old or unknown: nobody waits for its answer any more. */
        EXPIRED,
        /** 429 beyond what tastebot waits for: nothing was sent. */
        FLOOD,
        /** Telegram answered with another error: nothing was sent. */
        REFUSED,
        /** No answer (network, timeout): the request may have been carried out. */
        UNCERTAIN
    }

    private final Kind kind;

    TelegramFailure(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    Kind kind() {
        return kind;
    }

    /** Whether Telegram may have carried the call out: only when it did not answer. */
    boolean maybeDone() {
        return kind == Kind.UNCERTAIN;
    }

    /** What the library reported, read. A 429 is only one when tastebot gave up waiting for it. */
    static TelegramFailure of(String method, TelegramApiException failure) {
        if (failure instanceof TelegramApiRequestException request && request.getErrorCode() != null
                && request.getErrorCode() != 0) {
            String description = String.valueOf(request.getApiResponse());
            String lower = description.toLowerCase(Locale.ROOT);
            Kind kind = switch (request.getErrorCode()) {
                case 403 -> Kind.FORBIDDEN;
                case 429 -> Kind.FLOOD;
                case 400 -> lower.contains("message is not modified") ? Kind.NOT_MODIFIED
                        : lower.contains("query is too old") || lower.contains("query id is invalid") ? Kind.EXPIRED
                        : Kind.REFUSED;
                default -> Kind.REFUSED;
            };
            return new TelegramFailure(kind, method + ": [" + request.getErrorCode() + "] " + description, failure);
        }
        if (failure instanceof TelegramApiValidationException) {
            return new TelegramFailure(Kind.REFUSED, method + ": " + failure.getMessage(), failure);
        }
        if (failure instanceof TelegramApiRequestException) {
            // The answer came but could not be read: Telegram did answer, so the call was carried out or refused.
            return new TelegramFailure(Kind.REFUSED, method + ": " + failure.getMessage(), failure);
        }
        boolean unanswered = failure.getCause() instanceof IOException || failure.getCause() instanceof InterruptedException;
        return new TelegramFailure(unanswered ? Kind.UNCERTAIN : Kind.REFUSED,
                method + ": " + (failure.getCause() != null ? failure.getCause().toString() : failure.getMessage()), failure);
    }
}
