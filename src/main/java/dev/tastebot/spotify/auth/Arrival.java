package dev.tastebot.spotify.auth;

/**
 * What the browser's return from Spotify's consent page shows first, before any code is exchanged.
 */
public sealed interface Arrival {
    /**
     * The attempt is open: the page names the chat account it would link and asks to confirm, so
     * someone tricked into approving another user's /link sees whose it is before anything happens.
     *
     * @param account e.g. "Discord user Alice (discord:123)"
     */
    record AwaitingConfirmation(String account) implements Arrival {
    }

    /** Nothing to confirm: an unknown or expired state, a declined consent, or an address that is not Spotify's return. */
    record Ended(Completion completion) implements Arrival {
    }
}
