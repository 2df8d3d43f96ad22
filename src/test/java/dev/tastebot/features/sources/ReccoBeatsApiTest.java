package dev.tastebot.features.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tastebot.features.sources.FakeApi.Reply;
import dev.tastebot.features.sources.FakeReccoBeats.Song;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** ReccoBeats' track endpoints against a local ReccoBeats speaking its documented JSON. */
class ReccoBeatsApiTest {
    private static final String MEMORIES = "4cOdK2wGLETKBW3PvgPWqT";
    private static final String DANCE_MONKEY = "2XU0oxnq2qxCpomAAuJY8K";
    private static final String BLINDING = "0VjIjW4GlUZAMYd2vXMi3b";
    private static final String UNKNOWN = "7qiZfU4dY1lWllzX7mPBI3";

    private final RecordingSleeper sleeper = new RecordingSleeper();
    private FakeReccoBeats reccoBeats;

    @AfterEach
    void stop() {
        if (reccoBeats != null) {
            reccoBeats.close();
        }
    }

    private ReccoBeatsApi api() {
        return new ReccoBeatsApi(reccoBeats.baseUrl(), HttpClient.newHttpClient(), sleeper, Duration.ofSeconds(5));
    }

    private static Song song(String id, String title, String artist, int popularity) {
        return new Song(id, title, List.of(artist), popularity);
    }

    @Test
    void aTrackIsReadFromItsItemAndKeyedByTheSpotifyIdInItsHref() throws IOException {
        // GIVEN ReccoBeats knows Memories
        reccoBeats = new FakeReccoBeats(new Song(MEMORIES, "Memories", List.of("Maroon 5", "Guest"), 83));

        // WHEN Memories and an id it does not know are asked for
        Map<String, ReccoBeatsTrack> found = api().tracks(List.of(MEMORIES, UNKNOWN));

        // THEN Memories comes with title, artists in order, duration, ISRC and popularity; the unknown id is simply absent
        assertThat(found).containsOnlyKeys(MEMORIES);
        ReccoBeatsTrack memories = found.get(MEMORIES);
        assertThat(memories.title()).isEqualTo("Memories");
        assertThat(memories.artists()).containsExactly("Maroon 5", "Guest");
        assertThat(memories.durationMs()).isEqualTo(OptionalLong.of(215_000));
        assertThat(memories.isrc()).get().asString().startsWith("USUM7210");
        assertThat(memories.popularity()).isEqualTo(OptionalInt.of(83));
        assertThat(memories.reccoBeatsId()).isNotEqualTo(MEMORIES).hasSize(36);
        assertThat(reccoBeats.requests()).singleElement().satisfies(request -> {
            assertThat(request.path()).isEqualTo("/v1/track");
            assertThat(request.query()).isEqualTo("ids=" + MEMORIES + "," + UNKNOWN);
        });
    }

    @Test
    void aTrackAskedAgainComesFromTheCacheKnownOrNot() throws IOException {
        reccoBeats = new FakeReccoBeats(song(MEMORIES, "Memories", "Maroon 5", 83));
        ReccoBeatsApi api = api();
        api.tracks(List.of(MEMORIES, UNKNOWN));

        // WHEN both are asked for again, with one more
        Map<String, ReccoBeatsTrack> again = api.tracks(List.of(UNKNOWN, MEMORIES, DANCE_MONKEY));

        // THEN only the new id is sent, and the answers are the same
        assertThat(again).containsOnlyKeys(MEMORIES);
        assertThat(reccoBeats.requests()).extracting(FakeApi.Request::query)
                .containsExactly("ids=" + MEMORIES + "," + UNKNOWN, "ids=" + DANCE_MONKEY);
        assertThat(api.requestCounts()).isEqualTo(Map.of("track", 2L));
    }

    @Test
    void moreThanFortyIdsGoInRequestsOfFortyAndWhatIsNotASpotifyIdIsNeverSent() throws IOException {
        // GIVEN 90 ids ReccoBeats knows
        List<String> ids = IntStream.range(0, 90).mapToObj(i -> String.format("%022d", i)).toList();
        reccoBeats = new FakeReccoBeats(ids.stream().map(id -> song(id, "Song " + id, "Artist", 50)).toArray(Song[]::new));

        // WHEN they are asked for, with a demo id and an attempt at another path
        Map<String, ReccoBeatsTrack> found = api().tracks(
                Stream.concat(ids.stream(), Stream.of("demo-0001", "../admin")).toList());

        // THEN all 90 are found in three requests the fake (which refuses more than 40) accepted
        assertThat(found).hasSize(90);
        assertThat(reccoBeats.requests()).hasSize(3)
                .allSatisfy(request -> assertThat(request.ids()).hasSizeLessThanOrEqualTo(40).doesNotContain("demo-0001", "../admin"));
    }

    @Test
    void a429IsWaitedOutAsRetryAfterSaysAndCounted() throws IOException {
        // GIVEN ReccoBeats first asks to wait 3 seconds
        reccoBeats = new FakeReccoBeats(song(MEMORIES, "Memories", "Maroon 5", 83));
        reccoBeats.script(Reply.status(429).withHeader("Retry-After", "3"));
        ReccoBeatsApi api = api();

        // WHEN a track is asked for
        Map<String, ReccoBeatsTrack> found = api.tracks(List.of(MEMORIES));

        // THEN it is found after waiting 3 seconds, and both requests are counted
        assertThat(found).containsOnlyKeys(MEMORIES);
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(3));
        assertThat(api.requestCounts()).isEqualTo(Map.of("track", 2L));
    }

    @Test
    void a404FromAnyEndpointMeansNothingFoundNotAFailure() throws IOException {
        // GIVEN ReccoBeats answers 404 to a track lookup, a recommendation and an artist search
        reccoBeats = new FakeReccoBeats(song(MEMORIES, "Memories", "Maroon 5", 83));
        reccoBeats.script(Reply.status(404), Reply.status(404), Reply.status(404));
        ReccoBeatsApi api = api();

        // WHEN / THEN each is an empty answer, as a lookup of something unknown is
        assertThat(api.tracks(List.of(MEMORIES))).isEmpty();
        assertThat(api.recommendations(List.of(MEMORIES), List.of(), 10)).isEmpty();
        assertThat(api.searchArtists("maroon", 5)).isEmpty();
    }

    @Test
    void aServiceThatStaysDownIsAFailureWithAMessageNotAnEmptyAnswerThatWouldBeCached() throws IOException {
        // GIVEN ReccoBeats answers 503 four times, then would know the track
        reccoBeats = new FakeReccoBeats(song(MEMORIES, "Memories", "Maroon 5", 83));
        reccoBeats.script(Reply.status(503), Reply.status(503), Reply.status(503), Reply.status(503));
        ReccoBeatsApi api = api();

        // WHEN / THEN the first ask fails with a message fit for users
        assertThatThrownBy(() -> api.tracks(List.of(MEMORIES)))
                .isInstanceOf(FeatureSourceException.class).hasMessageContaining("ReccoBeats answers HTTP 503");
        // AND the next one asks again and finds it
        assertThat(api.tracks(List.of(MEMORIES))).containsOnlyKeys(MEMORIES);
    }

    @Test
    void recommendationsSendSeedsAndNegativeSeedsAtMostFiveEachAndTheSize() throws IOException {
        // GIVEN ReccoBeats knows three songs
        reccoBeats = new FakeReccoBeats(song(MEMORIES, "Memories", "Maroon 5", 83),
                song(DANCE_MONKEY, "Dance Monkey", "Tones and I", 90), song(BLINDING, "Blinding Lights", "The Weeknd", 95));
        List<String> sevenSeeds = IntStream.range(0, 7).mapToObj(i -> String.format("%022d", i)).toList();

        // WHEN recommendations are asked from seven seeds, with Blinding Lights to steer away from
        List<ReccoBeatsTrack> recommended = api().recommendations(sevenSeeds, List.of(BLINDING), 20);

        // THEN the request the fake accepted had five seeds, the negative seed and the size
        assertThat(recommended).extracting(ReccoBeatsTrack::spotifyId).containsExactly(DANCE_MONKEY, MEMORIES);
        FakeApi.Request request = reccoBeats.requests().getFirst();
        assertThat(request.path()).isEqualTo("/v1/track/recommendation");
        Map<String, List<String>> sent = FakeReccoBeats.parameters(request.query());
        assertThat(sent.get("seeds")).isEqualTo(sevenSeeds.subList(0, 5));
        assertThat(sent.get("negativeSeeds")).containsExactly(BLINDING);
        assertThat(sent.get("size")).containsExactly("20");
    }

    @Test
    void recommendationsWithoutDislikesSendNoNegativeSeeds() throws IOException {
        reccoBeats = new FakeReccoBeats(song(MEMORIES, "Memories", "Maroon 5", 83), song(DANCE_MONKEY, "Dance Monkey", "Tones and I", 90));

        List<ReccoBeatsTrack> recommended = api().recommendations(List.of(MEMORIES), List.of(), 5);

        assertThat(recommended).extracting(ReccoBeatsTrack::title).containsExactly("Dance Monkey");
        assertThat(reccoBeats.requests().getFirst().query()).isEqualTo("seeds=" + MEMORIES + "&size=5");
    }

    @Test
    void anArtistIsSearchedByNameAndTheirTracksReadByReccoBeatsId() throws IOException {
        // GIVEN ReccoBeats knows songs by Tones and I and by Maroon 5
        reccoBeats = new FakeReccoBeats(song(DANCE_MONKEY, "Dance Monkey", "Tones and I", 90),
                song(BLINDING, "Never Seen the Rain", "Tones and I", 60), song(MEMORIES, "Memories", "Maroon 5", 83));
        ReccoBeatsApi api = api();

        // WHEN the artist is searched for in lower case, then their tracks read
        List<ReccoBeatsArtist> artists = api.searchArtists("tones and i", 5);
        List<ReccoBeatsTrack> tracks = api.artistTracks(artists.getFirst().reccoBeatsId(), 0, 50);

        // THEN the artist is found by ReccoBeats id, and both their songs come back
        assertThat(artists).containsExactly(new ReccoBeatsArtist(FakeReccoBeats.artistId("Tones and I"), "Tones and I"));
        assertThat(tracks).extracting(ReccoBeatsTrack::spotifyId).containsExactlyInAnyOrder(DANCE_MONKEY, BLINDING);
        assertThat(reccoBeats.requests()).extracting(FakeApi.Request::path)
                .containsExactly("/v1/artist/search", "/v1/artist/" + FakeReccoBeats.artistId("Tones and I") + "/track");
        assertThat(FakeReccoBeats.parameters(reccoBeats.requests().getFirst().query()).get("searchText"))
                .containsExactly("tones and i");
        // AND asking again costs nothing
        api.searchArtists("Tones And I", 5);
        api.artistTracks(artists.getFirst().reccoBeatsId(), 0, 50);
        assertThat(api.requestCounts()).isEqualTo(Map.of("artist/search", 1L, "artist/track", 1L));
    }

    @Test
    void anUnknownArtistHasNoTracksAndAnIdThatIsNoIdIsNeverPutInAPath() throws IOException {
        reccoBeats = new FakeReccoBeats(song(MEMORIES, "Memories", "Maroon 5", 83));
        ReccoBeatsApi api = api();

        assertThat(api.artistTracks(FakeReccoBeats.artistId("Nobody"), 0, 50)).isEmpty();
        assertThat(api.artistTracks("../../v1/track?ids=x", 0, 50)).isEmpty();
        assertThat(reccoBeats.requests()).hasSize(1);
        assertThat(api.searchArtists("   ", 5)).isEmpty();
        assertThat(reccoBeats.requests()).hasSize(1);
    }

    @Test
    void itemsWithoutASpotifyLinkAreLeftOut() {
        // GIVEN an answer with an item lacking href, one linking an album, and a good one
        String body = """
                {"content":[{"id":"a","trackTitle":"No link","artists":[]},
                {"id":"b","trackTitle":"Album","href":"https://open.spotify.com/album/%s","artists":[]},
                {"id":"c","trackTitle":"Good","href":"https://open.spotify.com/track/%s?si=x","artists":[{"name":"A"}]}]}"""
                .formatted(MEMORIES, MEMORIES);

        List<ReccoBeatsTrack> items = ReccoBeatsApi.items(readTree(body));

        assertThat(items).singleElement().satisfies(track -> {
            assertThat(track.spotifyId()).isEqualTo(MEMORIES);
            assertThat(track.durationMs()).isEmpty();
            assertThat(track.popularity()).isEmpty();
            assertThat(track.isrc()).isEqualTo(Optional.empty());
        });
    }

    private static JsonNode readTree(String body) {
        try {
            return AudioFeatureJson.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
