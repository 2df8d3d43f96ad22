package dev.tastebot.web;

/** Answers {@code GET /callback}, where Spotify sends a user back after the consent page. */
@FunctionalInterface
public interface CallbackHandler {
    /** @param rawQuery the request's query exactly as sent (still percent-encoded); empty when there is none */
    CallbackPage handle(String rawQuery);
}
