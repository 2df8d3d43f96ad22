package dev.tastebot.chat;

import dev.tastebot.features.FeatureValues;
import dev.tastebot.features.TrackData;
import dev.tastebot.store.Track;
import dev.tastebot.store.TrainingDataStore;
import dev.tastebot.text.Limit;
import dev.tastebot.text.RichText;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Builds the song cards tastebot posts: what is known about the song (see {@link SongDetails}),
 * why it was picked, and a Spotify link wherever the id is a Spotify id.
 */
final class SongCards {
    private static final Pattern SPOTIFY_ID = Pattern.compile("[0-9A-Za-z]{22}");

    private final TrainingDataStore trainingData;
    private final List<String> featureSources;

    /** @param featureSources the order in which stored audio features are trusted, as the taste model reads them */
    SongCards(TrainingDataStore trainingData, List<String> featureSources) {
        this.trainingData = trainingData;
        this.featureSources = List.copyOf(featureSources);
    }

    Reply.SongCard of(Track track, RichText why, Reply.Purpose purpose) {
        return of(track, features(List.of(track.id())).getOrDefault(track.id(), FeatureValues.none()), why, purpose);
    }

    static Reply.SongCard of(Track track, FeatureValues features, RichText why, Reply.Purpose purpose) {
        return new Reply.SongCard(track.id(), track.title(), track.artists(), url(track.id()), why, purpose,
                SongDetails.of(track, features));
    }

    /** The stored audio features of these tracks, read together; a track with none is left out. */
    Map<String, FeatureValues> features(Collection<String> trackIds) {
        return trainingData.tracks(trackIds, featureSources).values().stream()
                .collect(Collectors.toMap(TrackData::trackId, TrackData::features));
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
