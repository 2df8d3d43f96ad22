package dev.tastebot.features.sources;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Answers shaped like the real APIs'. ReccoBeats' items carry its own UUID as {@code id} and the
 * Spotify id only inside {@code href}; Spotify's carry the Spotify id and a null for unknown ids.
 */
final class ApiJson {
    private ApiJson() {}

    /** A ReccoBeats audio-features item whose energy is {@code energy} and the rest fixed. */
    static String reccoBeatsItem(String spotifyId, double energy) {
        return """
                {"id":"%s","href":"https://open.spotify.com/track/%s","acousticness":0.0122,"danceability":0.578,\
                "energy":%s,"instrumentalness":0.0,"key":1,"liveness":0.0973,"loudness":-4.522,"mode":1,\
                "speechiness":0.0534,"tempo":117.019,"valence":0.503}"""
                .formatted(UUID.nameUUIDFromBytes(spotifyId.getBytes()), spotifyId, energy);
    }

    static String reccoBeatsContent(List<String> items) {
        return "{\"content\":[" + String.join(",", items) + "]}";
    }

    /** ReccoBeats' answer knowing every id asked for except those starting with "unknown" or "spotifyOnly". */
    static String reccoBeatsKnowingAllBut(FakeApi.Request request) {
        return reccoBeatsContent(request.ids().stream()
                .filter(id -> !id.startsWith("unknown") && !id.startsWith("spotifyOnly"))
                .map(id -> reccoBeatsItem(id, 0.5))
                .toList());
    }

    /** Spotify's answer: an item per known id, null for ids starting with "unknown". */
    static String spotifyKnowingAllBut(FakeApi.Request request) {
        return request.ids().stream()
                .map(id -> id.startsWith("unknown") ? "null" : """
                        {"danceability":0.7,"energy":0.8,"key":5,"loudness":-6.1,"mode":0,"speechiness":0.04,\
                        "acousticness":0.1,"instrumentalness":0.002,"liveness":0.11,"valence":0.9,"tempo":128.0,\
                        "type":"audio_features","id":"%s","uri":"spotify:track:%s","duration_ms":201000,\
                        "time_signature":4}""".formatted(id, id))
                .collect(Collectors.joining(",", "{\"audio_features\":[", "]}"));
    }
}
