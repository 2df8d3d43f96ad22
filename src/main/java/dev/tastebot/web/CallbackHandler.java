package dev.tastebot.web;

/**
 * Answers {@code /callback}, where Spotify sends a user back after the consent page. The redirect
 * ({@code GET}) only shows whose link it is and asks to confirm; the page's button ({@code POST} to
 * the same address) completes it. A GET never links anything, so a preview bot or a person tricked
 * into opening someone else's link cannot complete it without seeing whose it is.
 */
public interface CallbackHandler {
    /** @param rawQuery the request's query exactly as sent (still percent-encoded); empty when there is none */
    CallbackPage arrive(String rawQuery);

    /** The confirmation: the same query, posted by the page {@link #arrive} showed. */
    CallbackPage confirm(String rawQuery);
}
