package dev.tastebot.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tastebot.MovableClock;
import dev.tastebot.catalog.LikedArtistSearch;
import dev.tastebot.catalog.SpotifyRemoteLookup;
import dev.tastebot.spotify.api.FakeSpotifyApi;
import dev.tastebot.spotify.api.SpotifyWeb;
import dev.tastebot.store.ArtistSearchStore;
import dev.tastebot.store.CandidatePoolStore;
import dev.tastebot.store.CommunityStore;
import dev.tastebot.store.Database;
import dev.tastebot.store.ModelStore;
import dev.tastebot.store.PostedSong;
import dev.tastebot.store.PostedSongStore;
import dev.tastebot.store.RatingStore;
import dev.tastebot.store.RecommendedSongStore;
import dev.tastebot.store.Track;
import dev.tastebot.store.TrackStore;
import dev.tastebot.store.TrainingDataStore;
import dev.tastebot.store.TrustedSource;
import dev.tastebot.taste.ModelCodec;
import dev.tastebot.taste.TasteTrainer;
import dev.tastebot.training.UserModels;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The merged draw on a real database: whatever source a song comes from, it is one the user never
 * rated or saved and was not shown lately, and its reason says where it came from without naming
 * anybody.
 */
class CatalogCandidatesTest {
    private static final String ALICE = "discord:1001";
    private static final String BOB = "discord:2002";
    private static final String CAROL = "discord:3003";
    private static final Instant T0 = Instant.parse("2026-11-01T12:00:00Z");
    private static final List<String> SOURCES = List.of("catalog");
    private static final String COMMUNITY_REASON = "liked by someone in your server";

    @TempDir
    Path folder;
    private Database database;
    private final MovableClock clock = new MovableClock(T0);
    private TrackStore tracks;
    private RatingStore ratings;
    private CommunityStore communities;
    private PostedSongStore posted;
    private final List<String> runningLow = new ArrayList<>();
    private final List<String> recommendationsLow = new ArrayList<>();
    private RecommendedSongStore recommended;

    @BeforeEach
    void open() {
        database = Database.open(folder.resolve("tastebot.db"));
        tracks = new TrackStore(database, clock);
        ratings = new RatingStore(database);
        communities = new CommunityStore(database);
        posted = new PostedSongStore(database);
        recommended = new RecommendedSongStore(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private CatalogCandidates candidates(Consumer<String> likedArtistsRunningLow) {
        TrainingDataStore trainingData = new TrainingDataStore(database);
        UserModels userModels = new UserModels(trainingData, ratings, new ModelStore(database),
                new TasteTrainer(TasteTrainer.Options.defaults()), new ModelCodec(), SOURCES, clock);
        return new CatalogCandidates(new CandidatePoolStore(database), posted, trainingData, userModels, SOURCES,
                likedArtistsRunningLow, recommended, recommendationsLow::add, 7);
    }

    private CatalogCandidates candidates() {
        return candidates(runningLow::add);
    }

    private void song(String id, String... artists) {
        tracks.writeTrusted(TrustedSource.CATALOG, List.of(Track.of(id, "Title of " + id, List.of(artists))));
    }

    /**
     * Alice likes two songs by Air (one rated, one saved), dislikes one by Cher and withdrew a like;
     * Bob, in her server, likes all of those and one by Dido; Carol, in another server, likes one by
     * Eno. Alice and Bob share server A, Carol is alone in server B.
     */
    private void aliceBobAndCarol() {
        song("air-1", "Air");
        song("air-2", "Air");
        song("air-3", "Air");
        song("cher-1", "Cher");
        song("dido-1", "Dido");
        song("eno-1", "Eno");
        ratings.rate(ALICE, "air-1", true, "chat", T0);
        ratings.likeAllUnrated(ALICE, List.of("air-2"), "spotify-library", T0);
        ratings.rate(ALICE, "cher-1", false, "chat", T0);
        ratings.rate(ALICE, "air-3", true, "chat", T0);
        ratings.withdraw(ALICE, "air-3", true, T0);
        ratings.likeAllUnrated(BOB, List.of("air-1", "air-2", "air-3", "cher-1", "dido-1"), "chat", T0);
        ratings.rate(CAROL, "eno-1", true, "chat", T0);
        communities.seen(ALICE, "discord:A", T0);
        communities.seen(BOB, "discord:A", T0);
        communities.seen(CAROL, "discord:B", T0);
    }

    private void aliceRates(String... ids) {
        ratings.likeAllUnrated(ALICE, List.of(ids), "chat", T0);
    }

    private Set<String> picks(CatalogCandidates candidates, int times) {
        Set<String> picked = new HashSet<>();
        for (int i = 0; i < times; i++) {
            candidates.next(ALICE).ifPresent(c -> picked.add(c.trackId()));
        }
        return picked;
    }

    @Test
    void aSongLikedInTheUsersServerSaysSoAndNeverWho() {
        // GIVEN Alice has rated Eno's song too: Dido's, liked by Bob, is all that is left
        aliceBobAndCarol();
        aliceRates("eno-1");

        // WHEN the next song is picked
        Candidate next = candidates().next(ALICE).orElseThrow();

        // THEN it is Dido's, liked by someone in her server, with no name or id
        assertThat(next.trackId()).isEqualTo("dido-1");
        assertThat(next.why().plain()).isEqualTo(COMMUNITY_REASON).doesNotContain("Bob").doesNotContain("2002");
    }

    @Test
    void aSongLikedInAnotherServerIsOnlyEverACatalogueSong() {
        // GIVEN Alice has rated Dido's song: Eno's, liked by Carol in another server, is all that is left
        aliceBobAndCarol();
        aliceRates("dido-1");

        Candidate next = candidates().next(ALICE).orElseThrow();

        // THEN it comes as any catalogue song: nothing says anybody liked it
        assertThat(next.trackId()).isEqualTo("eno-1");
        assertThat(next.why().plain()).isEqualTo("new ground: nothing by Eno rated yet, to find the edges of your taste");
    }

    @Test
    void aSongByALikedArtistSaysWhoseSongsTheUserLikes() {
        // GIVEN one more song by Air, and everything else rated
        aliceBobAndCarol();
        song("air-4", "Air");
        aliceRates("dido-1", "eno-1");

        Candidate next = candidates().next(ALICE).orElseThrow();

        assertThat(next.trackId()).isEqualTo("air-4");
        assertThat(next.why().plain()).isEqualTo("by Air, whose songs you like (you liked 2 of 2)");
    }

    @Test
    void noSourceOffersASongTheUserRatedSavedOrWithdrewOrWasShownLately() {
        // GIVEN songs of every source: one more by Air (liked artist), Dido's (server), Eno's and Fay's (catalogue)
        aliceBobAndCarol();
        song("air-4", "Air");
        song("fay-1", "Fay");
        // AND Fay's song, and one more by Air, were posted for Alice lately without being rated
        song("air-5", "Air");
        posted.save(new PostedSong("discord:m1", ALICE, "fay-1", PostedSong.SESSION, T0));
        posted.save(new PostedSong("discord:m2", ALICE, "air-5", PostedSong.SESSION, T0));

        // WHEN many songs are picked
        Set<String> picked = picks(candidates(), 60);

        // THEN they are only songs she never rated, saved, withdrew or was just shown
        assertThat(picked).isNotEmpty().isSubsetOf("air-4", "dido-1", "eno-1")
                .doesNotContain("air-1", "air-2", "air-3", "cher-1", "fay-1", "air-5");
    }

    @Test
    void aRecommendedSongSaysWhichLikedSongsItCameFrom() {
        // GIVEN a song recommended to Alice from two songs she liked, and everything else rated
        aliceBobAndCarol();
        song("gus-1", "Gus");
        recommended.add(ALICE, List.of("gus-1"), List.of("air-1", "air-2", "cher-1"), T0);
        aliceRates("dido-1", "eno-1");

        Candidate next = candidates().next(ALICE).orElseThrow();

        // THEN it is that song, and the reason names two of the songs it came from
        assertThat(next.trackId()).isEqualTo("gus-1");
        assertThat(next.why().plain()).isEqualTo("recommended from songs you liked: Title of air-1, Title of air-2");
    }

    @Test
    void aRecommendedSongTheUserRatedSavedOrWithdrewIsNeverOffered() {
        // GIVEN songs recommended to Alice that she liked, saved, disliked and withdrew, and one she never rated
        aliceBobAndCarol();
        song("gus-1", "Gus");
        recommended.add(ALICE, List.of("air-1", "air-2", "cher-1", "air-3", "gus-1"), List.of("air-1"), T0);

        // WHEN many songs are picked
        Set<String> picked = picks(candidates(), 60);

        // THEN the recommended songs she rated in any way are never among them
        assertThat(picked).contains("gus-1").doesNotContain("air-1", "air-2", "cher-1", "air-3");
    }

    @Test
    void fewRecommendedSongsLeftAskForMoreAndPlentyDoNot() {
        aliceBobAndCarol();

        candidates().next(ALICE);
        assertThat(recommendationsLow).containsExactly(ALICE);

        recommendationsLow.clear();
        List<String> more = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            song("rec-" + i, "Rec");
            more.add("rec-" + i);
        }
        recommended.add(ALICE, more, List.of("air-1"), T0);
        candidates().next(ALICE);
        assertThat(recommendationsLow).isEmpty();
    }

    @Test
    void whenOnlySongsShownLatelyAreLeftNothingIsOffered() {
        aliceBobAndCarol();
        aliceRates("dido-1");
        posted.save(new PostedSong("discord:m1", ALICE, "eno-1", PostedSong.SESSION, T0));

        assertThat(candidates().next(ALICE)).isEmpty();
    }

    @Test
    void fewSongsByLikedArtistsLeftAskForMoreAndPlentyDoNot() {
        aliceBobAndCarol();

        candidates().next(ALICE);
        assertThat(runningLow).containsExactly(ALICE);

        runningLow.clear();
        for (int i = 0; i < 30; i++) {
            song("air-more-" + i, "Air");
        }
        candidates().next(ALICE);
        assertThat(runningLow).isEmpty();
    }

    @Test
    void whenSpotifyRefusesToSearchTheCatalogueStillServes() throws IOException {
        // GIVEN Spotify answers every search with a 429 and a long Retry-After, and refills run at once
        aliceBobAndCarol();
        try (FakeSpotifyApi spotify = new FakeSpotifyApi()) {
            spotify.answer(new FakeSpotifyApi.Answer(429, "{\"error\": {\"status\": 429, \"message\": \"rate limit\"}}",
                    Map.of("Retry-After", "3600")));
            SpotifyRemoteLookup lookup = new SpotifyRemoteLookup(new SpotifyWeb(spotify.baseUrl(), wait -> { },
                    Duration.ofSeconds(5)), () -> Optional.of("app-token"), tracks, ids -> { });
            LikedArtistSearch search = new LikedArtistSearch(lookup, new ArtistSearchStore(database), Runnable::run, clock);

            // WHEN Alice asks for songs to rate
            Optional<Candidate> next = candidates(search::requestRefill).next(ALICE);

            // THEN Spotify was asked once, and she still gets a song from what is stored
            assertThat(spotify.requests).hasSize(1);
            assertThat(next).map(Candidate::trackId).get().isIn("dido-1", "eno-1");
        }
    }
}
