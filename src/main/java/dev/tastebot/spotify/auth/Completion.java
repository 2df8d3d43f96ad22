package dev.tastebot.spotify.auth;

/** How the return from Spotify's consent page ended; {@link #message()} is a short chat answer. */
public sealed interface Completion {
    String message();

    /**
     * @param account the chat account now linked, in words (see {@link PendingLink#account()})
     * @param scope what the user actually granted
     */
    record Linked(String userId, String account, String scope) implements Completion {
        @Override
        public String message() {
            return "Your Spotify account is linked.";
        }
    }

    /** The state was never issued, already used, or older than ten minutes. */
    record StateUnknownOrExpired() implements Completion {
        @Override
        public String message() {
            return "That link has expired or was already used (links work once, for 10 minutes): use /link to get a new one.";
        }
    }

    /** Someone pasted the address of another user's link attempt; that attempt is left for its user. */
    record StateForAnotherUser() implements Completion {
        @Override
        public String message() {
            return "That address belongs to someone else's /link: use /link yourself to get your own.";
        }
    }

    /** The user declined on Spotify's consent page. */
    record Denied(String userId) implements Completion {
        @Override
        public String message() {
            return "Linking was cancelled on Spotify's page: nothing was linked. Use /link to try again.";
        }
    }

    record Failed(String message) implements Completion {
    }
}
