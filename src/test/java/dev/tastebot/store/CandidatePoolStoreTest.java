package dev.tastebot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CandidatePoolStoreTest {
    private static final String ALICE = "discord:1001";
    private static final String BOB = "discord:2002";
    private static final String CAROL = "discord:3003";
    private static final String DAVE = "discord:4004";
    private static final Instant T1 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-03-02T10:00:00Z");
    private static final int ALL = 1000;

    @TempDir
    Path folder;
    Database database;
    RatingStore ratings;
    CommunityStore communities;
    CandidatePoolStore pool;

    @BeforeEach
    void open() {
        database = Database.open(folder.resolve("tastebot.db"));
        ratings = new RatingStore(database);
        communities = new CommunityStore(database);
        pool = new CandidatePoolStore(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private void storeTrack(String id, String... artists) {
        new TrackStore(database, Clock.systemUTC())
                .writeTrusted(TrustedSource.CATALOG, List.of(Track.of(id, "Title of " + id, List.of(artists))));
    }

    /** Alice liked, disliked, saved and withdrew one song each; four more she never rated. */
    private void aliceHasRatedSomeSongs() {
        for (String id : List.of("liked", "disliked", "saved", "withdrawn", "new-1", "new-2", "new-3", "new-4")) {
            storeTrack(id, "Artist of " + id);
        }
        ratings.rate(ALICE, "liked", true, "chat", T1);
        ratings.rate(ALICE, "disliked", false, "chat", T1);
        ratings.likeAllUnrated(ALICE, List.of("saved"), "spotify-library", T1);
        ratings.rate(ALICE, "withdrawn", true, "chat", T1);
        ratings.withdraw(ALICE, "withdrawn", true, T2);
    }

    // --- the whole catalogue ---

    @Test
    void theCatalogueDrawHoldsOnlySongsNeverRated() {
        aliceHasRatedSomeSongs();

        assertThat(pool.randomUnrated(ALICE, ALL)).containsExactlyInAnyOrder("new-1", "new-2", "new-3", "new-4");
    }

    @Test
    void theCatalogueDrawTakesNoMoreThanAskedAndIgnoresOtherUsersRatings() {
        aliceHasRatedSomeSongs();
        ratings.rate(BOB, "new-1", false, "chat", T1);

        assertThat(pool.randomUnrated(ALICE, 2)).hasSize(2).isSubsetOf("new-1", "new-2", "new-3", "new-4");
        assertThat(pool.randomUnrated(BOB, ALL)).hasSize(7).doesNotContain("new-1");
    }

    @Test
    void aBigCatalogueIsDrawnFromByRowidNeverARatedSongAndEveryDrawDiffers() {
        // GIVEN 3,000 songs, of which Alice rated every odd one (or took the rating back)
        List<Track> songs = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            songs.add(Track.of("song-" + i, "Song " + i, List.of("Artist " + i % 40)));
        }
        new TrackStore(database, Clock.systemUTC()).writeTrusted(TrustedSource.CATALOG, songs);
        Map<String, Boolean> odd = new LinkedHashMap<>();
        for (int i = 1; i < 3_000; i += 2) {
            odd.put("song-" + i, i % 4 == 1);
        }
        ratings.rateAll(ALICE, odd, "chat", T1);
        ratings.withdraw(ALICE, "song-1", true, T2);

        // WHEN she draws 60 twice
        List<String> first = pool.randomUnrated(ALICE, 60);
        List<String> second = pool.randomUnrated(ALICE, 60);

        // THEN each is 60 different songs she never rated, and the draws are not the same songs
        assertThat(first).hasSize(60).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(Integer.parseInt(id.substring("song-".length())) % 2).isZero());
        assertThat(second).hasSize(60).doesNotHaveDuplicates().isNotEqualTo(first);
    }

    @Test
    void aSongKnownOnlyFromSomeonesUploadedFileIsOfferedToNobody() {
        // GIVEN Bob's library export brought in a song nobody else knew, and Bob and Alice share a server
        new TrackStore(database, Clock.systemUTC()).addUnknown(UserSource.LIBRARY_EXPORT,
                List.of(Track.of("planted", "Look at me", List.of("Mallory"))));
        storeTrack("catalogue-song", "Someone");
        ratings.likeAllUnrated(BOB, List.of("planted"), "library-export", T1);
        communities.seen(ALICE, "discord:guild-1", T1);
        communities.seen(BOB, "discord:guild-1", T1);

        // WHEN Alice draws songs to rate, from the catalogue and from what her server likes, and a daily sample is drawn
        // THEN the song with Bob's title is in none of them; the catalogue's song is
        assertThat(pool.randomUnrated(ALICE, ALL)).containsExactly("catalogue-song");
        assertThat(pool.randomLikedInCommunities(ALICE, ALL)).isEmpty();
        assertThat(pool.randomSample(ALL)).containsExactly("catalogue-song");
    }

    // --- songs by liked artists ---

    @Test
    void theLikedArtistDrawHoldsUnratedSongsByArtistsTheUserLikes() {
        // GIVEN Alice likes two songs by Air, one by Björk (a duet with Air), and dislikes one by Cher
        storeTrack("air-1", "Air");
        storeTrack("air-2", "Air");
        storeTrack("duet", "Björk", "Air");
        storeTrack("cher-1", "Cher");
        ratings.rate(ALICE, "air-1", true, "chat", T1);
        ratings.likeAllUnrated(ALICE, List.of("air-2", "duet"), "library-export", T1);
        ratings.rate(ALICE, "cher-1", false, "chat", T1);
        // AND more songs by each, one of Air's rated and one withdrawn, and Bob's favourite Dido
        storeTrack("air-3", "Air");
        storeTrack("air-rated", "Air");
        storeTrack("air-withdrawn", "Air");
        storeTrack("bjork-2", "Björk");
        storeTrack("cher-2", "Cher");
        storeTrack("dido-1", "Dido");
        storeTrack("dido-2", "Dido");
        ratings.rate(ALICE, "air-rated", false, "chat", T1);
        ratings.rate(ALICE, "air-withdrawn", true, "chat", T1);
        ratings.withdraw(ALICE, "air-withdrawn", true, T2);
        ratings.rate(BOB, "dido-1", true, "chat", T1);

        // WHEN songs by her liked artists are drawn
        List<String> drawn = pool.randomByLikedArtists(ALICE, 50, ALL);

        // THEN they are the unrated songs of Air and Björk: not Cher's (disliked), not Dido's (Bob's taste)
        assertThat(drawn).containsExactlyInAnyOrder("air-3", "bjork-2");
    }

    @Test
    void theLikedArtistDrawLooksOnlyAtTheMostLikedArtists() {
        // GIVEN Alice likes three songs by Air and one by Björk, and more of both are unrated
        for (String id : List.of("air-1", "air-2", "air-3", "air-4")) {
            storeTrack(id, "Air");
        }
        storeTrack("bjork-1", "Björk");
        storeTrack("bjork-2", "Björk");
        ratings.likeAllUnrated(ALICE, List.of("air-1", "air-2", "air-3", "bjork-1"), "chat", T1);

        // WHEN songs by her one most-liked artist are drawn, at most one
        // THEN only Air's remaining song qualifies
        assertThat(pool.randomByLikedArtists(ALICE, 1, ALL)).containsExactly("air-4");
        assertThat(pool.randomByLikedArtists(ALICE, 2, 1)).hasSize(1);
    }

    @Test
    void aUserWithoutLikesHasNoLikedArtistSongs() {
        aliceHasRatedSomeSongs();

        assertThat(pool.randomByLikedArtists(DAVE, 50, ALL)).isEmpty();
    }

    // --- songs liked in the user's communities ---

    /** Alice and Bob share server A, Carol is in server B only; each likes a song of their own. */
    private void twoServers() {
        for (String id : List.of("bob-likes", "bob-dislikes", "bob-withdrew", "carol-likes", "alice-likes", "both-like")) {
            storeTrack(id, "Artist of " + id);
        }
        ratings.rate(ALICE, "alice-likes", true, "chat", T1);
        ratings.rate(BOB, "bob-likes", true, "chat", T1);
        ratings.likeAllUnrated(BOB, List.of("both-like"), "spotify-library", T1);
        ratings.rate(ALICE, "both-like", true, "chat", T1);
        ratings.rate(BOB, "bob-dislikes", false, "chat", T1);
        ratings.rate(BOB, "bob-withdrew", true, "chat", T1);
        ratings.withdraw(BOB, "bob-withdrew", true, T2);
        ratings.rate(CAROL, "carol-likes", true, "chat", T1);
        communities.seen(ALICE, "discord:A", T1);
        communities.seen(BOB, "discord:A", T1);
        communities.seen(CAROL, "discord:B", T1);
    }

    @Test
    void theCommunityDrawHoldsWhatOtherMembersCurrentlyLikeAndTheUserNeverRated() {
        twoServers();

        // Alice: Bob's like; not his dislike or withdrawn like, not the song she liked too, not her own
        assertThat(pool.randomLikedInCommunities(ALICE, ALL)).containsExactly("bob-likes");
        // Bob: Alice's like
        assertThat(pool.randomLikedInCommunities(BOB, ALL)).containsExactly("alice-likes");
    }

    @Test
    void membersOfOtherServersNeverLeakIn() {
        twoServers();

        // Carol is alone in server B: nothing from Alice or Bob
        assertThat(pool.randomLikedInCommunities(CAROL, ALL)).isEmpty();
        // and Carol's like reaches neither Alice nor Bob
        assertThat(pool.randomLikedInCommunities(ALICE, ALL)).doesNotContain("carol-likes");
        assertThat(pool.randomLikedInCommunities(BOB, ALL)).doesNotContain("carol-likes");
    }

    @Test
    void joiningAServerBringsItsLikesAndAUserInNoServerGetsNone() {
        twoServers();
        new UserStore(database).ensure(DAVE, T1);
        assertThat(pool.randomLikedInCommunities(DAVE, ALL)).isEmpty();

        communities.seen(DAVE, "discord:B", T2);

        assertThat(pool.randomLikedInCommunities(DAVE, ALL)).containsExactly("carol-likes");
    }

    @Test
    void aSongLikedInTwoSharedServersIsDrawnOnce() {
        twoServers();
        communities.seen(ALICE, "discord:C", T1);
        communities.seen(BOB, "discord:C", T1);

        assertThat(pool.randomLikedInCommunities(ALICE, ALL)).containsExactly("bob-likes");
    }

    @Test
    void demoSongsAreOfferedUntilTheOperatorImportsARealCatalogueAndNeverAfter() {
        // GIVEN the demo catalogue a new bot starts with, and a song Alice liked by one of its artists
        TrackStore tracks = new TrackStore(database, Clock.systemUTC());
        tracks.writeTrusted(TrustedSource.DEMO, List.of(Track.of("demo-0001", "Amber Skyline", List.of("Otto")),
                Track.of("demo-0002", "Amber Rain", List.of("Otto")), Track.of("demo-0003", "Glass", List.of("Otto"))));
        ratings.rate(ALICE, "demo-0003", true, "chat", T1);
        TrackSearchIndex index = new TrackSearchIndex(database);
        index.catchUp();
        assertThat(pool.randomUnrated(ALICE, ALL)).containsExactlyInAnyOrder("demo-0001", "demo-0002");
        assertThat(searchTitles("amber")).containsExactlyInAnyOrder("Amber Skyline", "Amber Rain");

        // WHEN the operator imports a catalogue
        tracks.writeTrusted(TrustedSource.CATALOG, List.of(Track.of("real-1", "Amber Waves", List.of("Otto")),
                Track.of("real-2", "Blue", List.of("Mia"))));
        index.retireDemoSongs();
        index.catchUp();

        // THEN no draw offers a demo song again, and search finds only the real songs
        assertThat(pool.randomUnrated(ALICE, ALL)).containsExactlyInAnyOrder("real-1", "real-2");
        assertThat(pool.randomByLikedArtists(ALICE, 5, ALL)).containsExactly("real-1");
        assertThat(pool.randomSample(ALL)).containsExactlyInAnyOrder("real-1", "real-2");
        assertThat(searchTitles("amber")).containsExactly("Amber Waves");
        // AND Alice's demo rating is kept
        assertThat(ratings.current(ALICE, "demo-0003")).isPresent();
    }

    private List<String> searchTitles(String word) {
        return new dev.tastebot.catalog.CatalogSearch(database).search(word, 10).stream().map(m -> m.title()).toList();
    }
}
