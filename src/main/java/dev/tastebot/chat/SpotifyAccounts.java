package dev.tastebot.chat;

import java.util.Optional;

/** Linking a user's Spotify account, as the chat sees it: each call answers with what to tell the user. */
public interface SpotifyAccounts {

    /** Starts linking, or completes it from {@code pastedUrl}; when already linked, brings in new saved songs. */
    String link(String userId, Optional<String> pastedUrl);

    String unlink(String userId);

    /** For bots whose operator has not set Spotify up: the honest answer, and the way that works without it. */
    SpotifyAccounts NOT_CONFIGURED = new SpotifyAccounts() {
        private static final String ANSWER = "This bot isn't set up for Spotify linking (its operator has not set "
                + "spotify.client-id). You can still bring in your saved songs: upload your Spotify privacy export "
                + "(YourLibrary.json) with /import.";

        @Override
        public String link(String userId, Optional<String> pastedUrl) {
            return ANSWER;
        }

        @Override
        public String unlink(String userId) {
            return "There is no Spotify link to remove: this bot isn't set up for Spotify linking.";
        }
    };
}
