package dev.tastebot.catalog;

import dev.tastebot.MovableClock;
import dev.tastebot.features.sources.FakeApi;
import dev.tastebot.features.sources.FakeReccoBeats;
import dev.tastebot.features.sources.FakeReccoBeats.Song;
import dev.tastebot.features.sources.ReccoBeatsApi;
import dev.tastebot.store.Database;
import dev.tastebot.store.RatingStore;
import dev.tastebot.store.RecommendedSongStore;
import dev.tastebot.store.Track;
import dev.tastebot.store.TrackStore;
import dev.tastebot.store.TrustedSource;
import dev.tastebot.store.UserStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Songs to rate recommended by a local ReccoBeats from a user's likes, within a budget of requests. */
class ReccoBeatsRecommendationsTest {
    private static final String ANA = "discord:1";
    private static final Instant T0 = Instant.parse("2026-11-01T12:00:00Z");
    /** Songs ReccoBeats can recommend, most popular first. */
    private static final List<String> RECOMMENDABLE = IntStream.range(0, 30).mapToObj(i -> String.format("rec%019d", i)).toList();

    @TempDir
    Path folder;
    private Database database;
    private TrackStore tracks;
    private RatingStore ratings;
    private RecommendedSongStore recommended;
    private FakeReccoBeats reccoBeats;
    private final MovableClock clock = new MovableClock(T0);
    private final List<List<String>> featuresWanted = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        database = Database.open(folder.resolve("tastebot.db"));
        tracks = new TrackStore(database, clock);
        ratings = new RatingStore(database);
        recommended = new RecommendedSongStore(database);
        reccoBeats = new FakeReccoBeats(IntStream.range(0, RECOMMENDABLE.size())
                .mapToObj(i -> new Song(RECOMMENDABLE.get(i), "Recommended " + i, List.of("Artist " + i), 99 - i))
                .toArray(Song[]::new));
    }

    @AfterEach
    void tearDown() {
        reccoBeats.close();
        database.close();
    }

    private ReccoBeatsRecommendations recommendations() {
        return new ReccoBeatsRecommendations(new ReccoBeatsApi(reccoBeats.baseUrl()), recommended, tracks,
                featuresWanted::add, Runnable::run, clock);
    }

    private static String spotifyId(String name) {
        return (name + "x".repeat(22)).substring(0, 22);
    }

    private void rate(String id, String artist, boolean liked) {
        tracks.writeTrusted(TrustedSource.CATALOG, List.of(Track.of(id, "Title " + id, List.of(artist))));
        ratings.rate(ANA, id, liked, "chat", clock.instant());
        clock.advance(Duration.ofSeconds(1));
    }

    private Map<String, List<String>> sent(FakeApi.Request request) {
        return FakeReccoBeats.parameters(request.query());
    }

    @Test
    void aRefillSeedsFromTheUsersLikesSteersAwayFromDislikesAndKeepsTheSongsForThem() {
        // GIVEN Ana liked three songs, the first two by the artist she likes most, disliked two, and liked a demo song
        rate(spotifyId("likeAir1"), "Air", true);
        rate(spotifyId("likeAir2"), "Air", true);
        rate(spotifyId("likeCher"), "Cher", true);
        rate(spotifyId("hateDido"), "Dido", false);
        rate(spotifyId("hateEno"), "Eno", false);
        rate("demo-0001", "Demo", true);

        // WHEN her recommendations are refilled
        int added = recommendations().refill(ANA);

        // THEN ReccoBeats was asked once with her Spotify likes as seeds, her dislikes as negative seeds
        assertThat(reccoBeats.requests()).singleElement().satisfies(request -> {
            assertThat(request.path()).isEqualTo("/v1/track/recommendation");
            assertThat(sent(request).get("seeds"))
                    .containsExactlyInAnyOrder(spotifyId("likeAir1"), spotifyId("likeAir2"), spotifyId("likeCher"));
            assertThat(sent(request).get("negativeSeeds")).containsExactly(spotifyId("hateEno"), spotifyId("hateDido"));
            assertThat(sent(request).get("size")).containsExactly(String.valueOf(ReccoBeatsRecommendations.SONGS_PER_REFILL));
        });
        // AND the songs are hers to rate, stored as ReccoBeats described them, their features wanted
        assertThat(added).isEqualTo(ReccoBeatsRecommendations.SONGS_PER_REFILL);
        List<RecommendedSongStore.Recommended> hers = recommended.randomUnrated(ANA, 100);
        assertThat(hers).extracting(RecommendedSongStore.Recommended::trackId)
                .containsExactlyInAnyOrderElementsOf(RECOMMENDABLE.subList(0, ReccoBeatsRecommendations.SONGS_PER_REFILL));
        assertThat(hers.getFirst().seedTitles()).hasSize(3).allSatisfy(title -> assertThat(title).startsWith("Title like"));
        assertThat(tracks.metadataSource(RECOMMENDABLE.getFirst())).contains(TrustedSource.RECCOBEATS.storedName());
        assertThat(featuresWanted).singleElement().asList().hasSize(ReccoBeatsRecommendations.SONGS_PER_REFILL);
    }

    @Test
    void theSeedsAreTheSongsByTheArtistsTheUserLikesMost() {
        // GIVEN Ana liked six songs by Air, then one each by five others
        for (int i = 0; i < 6; i++) {
            rate(spotifyId("air" + i), "Air", true);
        }
        for (int i = 0; i < 5; i++) {
            rate(spotifyId("other" + i), "Other " + i, true);
        }

        // WHEN seeds are drawn among her five most-liked songs
        List<String> seeds = recommended.seeds(ANA, 5, 5);

        // THEN they are songs by Air, the latest first among equals
        assertThat(seeds).hasSize(5).allSatisfy(id -> assertThat(id).startsWith("air"));
    }

    @Test
    void aUserWhoLikedNoSpotifySongCostsNoRequest() {
        rate("demo-0001", "Demo", true);
        rate("demo-0002", "Demo", false);

        assertThat(recommendations().refill(ANA)).isZero();
        assertThat(reccoBeats.requests()).isEmpty();
    }

    @Test
    void oneRefillPerUserInTheIntervalHoweverOftenMoreAreAskedFor() {
        rate(spotifyId("likeAir1"), "Air", true);
        ReccoBeatsRecommendations recommendations = recommendations();

        // WHEN more are asked for three times within the interval, and once after it
        recommendations.requestRefill(ANA);
        recommendations.requestRefill(ANA);
        clock.advance(ReccoBeatsRecommendations.REFILL_INTERVAL.minusSeconds(5));
        recommendations.requestRefill(ANA);
        assertThat(reccoBeats.requests()).hasSize(1);
        clock.advance(Duration.ofSeconds(10));
        recommendations.requestRefill(ANA);

        // THEN ReccoBeats was asked twice
        assertThat(reccoBeats.requests()).hasSize(2);
    }

    @Test
    void afterReccoBeatsAsksToWaitAnHourNoRequestIsSentForThatHour() {
        // GIVEN ReccoBeats answers the first request with a 429 asking to wait an hour
        rate(spotifyId("likeAir1"), "Air", true);
        reccoBeats.script(FakeApi.Reply.status(429).withHeader("Retry-After", "3600"));
        ReccoBeatsRecommendations recommendations = recommendations();

        // WHEN refills are tried at once, past our own 15-minute pause, within the hour, and after it
        assertThat(recommendations.refill(ANA)).isZero();
        clock.advance(ReccoBeatsRecommendations.PAUSE_AFTER_FAILURE.plusMinutes(1));
        assertThat(recommendations.refill(ANA)).isZero();
        clock.advance(Duration.ofMinutes(43));
        assertThat(recommendations.refill(ANA)).isZero();
        assertThat(reccoBeats.requests()).hasSize(1);
        clock.advance(Duration.ofMinutes(2));

        // THEN only the one after the hour is sent, and brings songs
        assertThat(recommendations.refill(ANA)).isPositive();
        assertThat(reccoBeats.requests()).hasSize(2);
    }

    @Test
    void afterReccoBeatsAnswersGarbageNoRequestIsSentForFifteenMinutes() {
        // GIVEN ReccoBeats answers the first request with an HTML error page (a broken service, not a bad request)
        rate(spotifyId("likeAir1"), "Air", true);
        reccoBeats.script(FakeApi.Reply.ok("<html><body>Bad gateway</body></html>"));
        ReccoBeatsRecommendations recommendations = recommendations();

        // WHEN refills are tried at once, within the pause and after it
        assertThat(recommendations.refill(ANA)).isZero();
        int triedFirst = reccoBeats.requests().size();
        clock.advance(ReccoBeatsRecommendations.PAUSE_AFTER_FAILURE.minusMinutes(1));
        assertThat(recommendations.refill(ANA)).isZero();
        assertThat(reccoBeats.requests()).hasSize(triedFirst);
        clock.advance(Duration.ofMinutes(2));

        // THEN only the one after the pause is sent, and brings songs
        assertThat(recommendations.refill(ANA)).isPositive();
        assertThat(reccoBeats.requests()).hasSize(triedFirst + 1);
    }

    @Test
    void aRequestReccoBeatsRefusesForOneUserDoesNotPauseTheOthers() {
        // GIVEN Ana and Ben like songs, and ReccoBeats refuses the first request (Ana's) with a 400
        rate(spotifyId("likeAir1"), "Air", true);
        String ben = "discord:2";
        String bensLike = spotifyId("likeCher");
        tracks.writeTrusted(TrustedSource.CATALOG, List.of(Track.of(bensLike, "Believe", List.of("Cher"))));
        ratings.rate(ben, bensLike, true, "chat", clock.instant());
        reccoBeats.script(FakeApi.Reply.status(400));
        ReccoBeatsRecommendations recommendations = recommendations();

        // WHEN Ana's refill is refused and Ben's is asked for right after
        assertThat(recommendations.refill(ANA)).isZero();
        int bensNew = recommendations.refill(ben);

        // THEN Ben's request was sent and brought him songs
        assertThat(reccoBeats.requests()).hasSize(2);
        assertThat(bensNew).isPositive();
        assertThat(recommended.randomUnrated(ben, 100)).isNotEmpty();
    }

    @Test
    void forgettingAUserForgetsTheirRecommendationsAndWhenTheyWereAsked() {
        // GIVEN Ana has recommendations
        rate(spotifyId("likeAir1"), "Air", true);
        ReccoBeatsRecommendations recommendations = recommendations();
        recommendations.requestRefill(ANA);
        assertThat(recommended.randomUnrated(ANA, 100)).isNotEmpty();

        // WHEN she is forgotten
        new UserStore(database).delete(ANA);
        recommendations.forget(ANA);

        // THEN her recommendations are gone, the songs stay in the catalogue, and a refill may run at once
        assertThat(recommended.randomUnrated(ANA, 100)).isEmpty();
        assertThat(tracks.find(RECOMMENDABLE.getFirst())).isPresent();
        rate(spotifyId("likeAir1"), "Air", true);
        recommendations.requestRefill(ANA);
        assertThat(reccoBeats.requests()).hasSize(2);
    }
}
