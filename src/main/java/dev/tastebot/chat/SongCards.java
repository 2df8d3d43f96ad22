package dev.tastebot.chat;

import dev.tastebot.features.FeatureValues;
import dev.tastebot.store.Track;
import dev.tastebot.text.Limit;
import dev.tastebot.text.RichText;

import java.util.regex.Pattern;

/**
 * Builds the song cards tastebot posts: what is known about the song (see {@link SongDetails}),
 * why it was picked, and a Spotify link wherever the id is a Spotify id.
 */
final class SongCards {
    private static final Pattern SPOTIFY_ID = Pattern.compile("[0-9A-Za-z]{22}");

    private SongCards() {
    }

    static Reply.SongCard of(Track track, FeatureValues features, RichText why, Reply.Purpose purpose) {
        return new Reply.SongCard(track.id(), track.title(), track.artists(), url(track.id()), why, purpose,
                SongDetails.of(track, features));
    }

    /** The song's page on Spotify, or empty for tracks that are not Spotify's (the demo catalogue). */
    static String url(String trackId) {
        return isSpotifyId(trackId) ? "https://open.spotify.com/track/" + trackId : "";
    }

    /** Whether the id is a Spotify track id, rather than one a catalogue made up (the demo's). */
    static boolean isSpotifyId(String trackId) {
        return SPOTIFY_ID.matcher(trackId).matches();
    }

    /** "**Title** by A, B and 2 more": the catalogue's words, shortened, never markup. */
    static RichText byline(Track track) {
        RichText.Builder byline = RichText.builder().strongOutside(track.title(), Limit.TITLE);
        if (!track.artists().isEmpty()) {
            byline.words(" by ").names(track.artists());
        }
        return byline.build();
    }
}
