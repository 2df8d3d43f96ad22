package dev.tastebot.chat;

import dev.tastebot.text.RichText;

import java.util.List;
import java.util.Optional;

/**
 * A user's Spotify account, as the chat sees it: linking, and the private playlist of songs to
 * rate. Each call answers with what to tell the user, anything from outside in it (Spotify's
 * errors, what the user pasted) marked as such.
 */
public interface SpotifyAccounts {

    /**
     * Starts linking, or completes it from {@code pastedUrl}; when already linked, brings in new saved
     * songs. The user's name goes with the attempt: the page after Spotify's consent shows whose it is.
     */
    RichText link(ChatUser user, Optional<String> pastedUrl);

    RichText unlink(String userId);

    /** Why the user's playlist of songs to rate cannot be written now, in words for them; empty when it can. */
    Optional<RichText> playlistUnavailable(String userId);

    /** Replaces the songs in the user's private playlist of songs to rate (created on first use) with these. */
    PlaylistWrite writePlaylist(String userId, List<String> spotifyTrackIds);

    /** For bots whose operator has not set Spotify up: the honest answer, and the way that works without it. */
    SpotifyAccounts NOT_CONFIGURED = new SpotifyAccounts() {
        private static final RichText ANSWER = RichText.of("This bot isn't set up for Spotify linking (its operator has not set "
                + "spotify.client-id). You can still bring in your saved songs: send your Spotify privacy export "
                + "(YourLibrary.json) with /import.");

        @Override
        public RichText link(ChatUser user, Optional<String> pastedUrl) {
            return ANSWER;
        }

        @Override
        public RichText unlink(String userId) {
            return RichText.of("There is no Spotify link to remove: this bot isn't set up for Spotify linking.");
        }

        @Override
        public Optional<RichText> playlistUnavailable(String userId) {
            return Optional.of(RichText.of("This bot isn't set up for Spotify (its operator has not set spotify.client-id), "
                    + "so it can't keep a playlist for you. Rate songs right here with /rate."));
        }

        @Override
        public PlaylistWrite writePlaylist(String userId, List<String> spotifyTrackIds) {
            return new PlaylistWrite.Refused(playlistUnavailable(userId).orElseThrow());
        }
    };
}
