package dev.tastebot.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tastebot.catalog.TrackResolution.Choices;
import dev.tastebot.catalog.TrackResolution.Found;
import dev.tastebot.catalog.TrackResolution.Invalid;
import dev.tastebot.catalog.TrackResolution.NotATrack;
import dev.tastebot.catalog.TrackResolution.NotFound;
import dev.tastebot.MovableClock;
import dev.tastebot.fairuse.Limit;
import dev.tastebot.fairuse.RateLimiter;
import dev.tastebot.store.Database;
import dev.tastebot.store.FeatureStore;
import dev.tastebot.store.Track;
import dev.tastebot.store.TrackStore;
import dev.tastebot.store.TrustedSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrackFinderTest {
    private static final String MEMORIES_ID = "2b8fOow8UzyDFAE27YhOZM";
    private static final Match MEMORIES = new Match(MEMORIES_ID, "Memories", List.of("Maroon 5"));
    private static final Match ELSEWHERE = new Match("1rgnBhdG2JDFTbYkYRZAku", "Dance Monkey", List.of("Tones And I"));
    private static final String USER = "discord:1";

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-29T12:00:00Z"));
    /** More remote lookups than any test but the one about the limit asks for. */
    private final RateLimiter lookups = new RateLimiter(new Limit(100, Duration.ofMinutes(1)), clock);

    @TempDir
    Path folder;
    Database database;
    TrackStore tracks;
    TrackFinder finder;

    @BeforeEach
    void storeACatalogue() {
        database = Database.open(folder.resolve("tastebot.db"));
        tracks = new TrackStore(database, Clock.systemUTC());
        tracks.writeTrusted(TrustedSource.CATALOG, List.of(
                track(MEMORIES_ID, "Memories", 90, "Maroon 5"),
                track("0r7CVbZTWZgbTCYdfa2P31", "Memories - Dillon Francis Remix", 67, "Maroon 5"),
                track("3VRs5aBfUsAjOhXkYSuYE7", "Memories", 70, "Conan Gray"),
                track("6KfoDhO4XUWSbnyKjNp9c4", "Sweet Memories", 40, "Velvet Hour"),
                track("5nujrmhLynf4yMoMtj8AQF", "Levitating", 80, "Dua Lipa"),
                track("39LLxExYz6ewLAcYrzQQyP", "Levitating", 60, "Dua Lipa")));
        finder = new TrackFinder(new CatalogSearch(database), Optional.empty(), lookups);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static Track track(String id, String title, int popularity, String... artists) {
        return new Track(id, title, List.of(artists), Optional.empty(), OptionalInt.empty(), Optional.empty(),
                OptionalInt.of(popularity), OptionalLong.empty(), Optional.empty());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "https://open.spotify.com/track/2b8fOow8UzyDFAE27YhOZM?si=7f2a9c",
            "spotify:track:2b8fOow8UzyDFAE27YhOZM",
            "2b8fOow8UzyDFAE27YhOZM"})
    void aLinkToACatalogueTrackFindsIt(String typed) {
        assertThat(finder.resolve(USER, typed)).isEqualTo(new Found(MEMORIES));
    }

    @Test
    void aDemoIdFindsTheDemoTrack() {
        // GIVEN the demo catalogue beside the real one
        new DemoCatalog(Clock.systemUTC()).install(tracks, new FeatureStore(database));

        // WHEN / THEN
        assertThat(finder.resolve(USER, "demo-0001")).isInstanceOfSatisfying(Found.class, found -> {
            assertThat(found.match().trackId()).isEqualTo("demo-0001");
            assertThat(found.match().title()).endsWith("(demo)");
        });
    }

    @Test
    void aLinkToAnUnknownTrackSaysHowToMakeItKnown() {
        assertThat(finder.resolve(USER, "https://open.spotify.com/track/4cOdK2wGLETKBW3PvgPWqT")).isEqualTo(new NotFound(
                "I don't know that track yet: it isn't in this bot's catalogue, and Spotify lookups are not set up here."));
    }

    @Test
    void textThatMatchesNothingSaysHowToMakeItKnown() {
        assertThat(finder.resolve(USER, "Bohemian Rhapsody")).isEqualTo(new NotFound(
                "I don't know that track yet: it isn't in this bot's catalogue, and Spotify lookups are not set up here."));
    }

    @Test
    void textThatMatchesOneTrackFindsIt() {
        assertThat(finder.resolve(USER, "conan gray memories"))
                .isEqualTo(new Found(new Match("3VRs5aBfUsAjOhXkYSuYE7", "Memories", List.of("Conan Gray"))));
    }

    @Test
    void textThatMatchesSeveralTracksOffersThemBestFirst() {
        assertThat(finder.resolve(USER, "memories")).isInstanceOfSatisfying(Choices.class, choices ->
                assertThat(choices.matches()).extracting(Match::trackId).containsExactly(
                        MEMORIES_ID, "3VRs5aBfUsAjOhXkYSuYE7", "0r7CVbZTWZgbTCYdfa2P31", "6KfoDhO4XUWSbnyKjNp9c4"));
    }

    @Test
    void artistDashTitleNamingExactlyOneSongFindsItThoughRemixesAlsoMatch() {
        assertThat(finder.resolve(USER, "Maroon 5 - Memories")).isEqualTo(new Found(MEMORIES));
        assertThat(finder.resolve(USER, "memories - maroon 5")).isEqualTo(new Found(MEMORIES));
    }

    @Test
    void artistDashTitleIsTakenAtOnceWhateverTheCaseAndSpacing() {
        assertThat(finder.resolve(USER, "  MAROON 5   -   memories ")).isEqualTo(new Found(MEMORIES));
        assertThat(finder.resolve(USER, "maroon 5 \u2013 MEMORIES")).isEqualTo(new Found(MEMORIES));
    }

    @Test
    void allTheArtistsAsListedNameTheSongWhereOneArtistWouldNot() {
        // GIVEN "Get Lucky" and a longer title by the same two artists
        tracks.writeTrusted(TrustedSource.CATALOG, List.of(
                track("69kOkLUCkxIZYexIgSG8rq", "Get Lucky", 70, "Daft Punk", "Pharrell Williams"),
                track("2Foc5Q5nqNiosCNqttzHof", "Get Lucky - Radio Edit", 85, "Daft Punk", "Pharrell Williams", "Nile Rodgers")));

        // WHEN Ana types both artists as a list shows them, and the exact title
        TrackResolution resolution = finder.resolve(USER, "Daft Punk, Pharrell Williams - get lucky");

        // THEN that song is taken at once, not offered beside the radio edit
        assertThat(resolution).isEqualTo(new Found(new Match("69kOkLUCkxIZYexIgSG8rq", "Get Lucky",
                List.of("Daft Punk", "Pharrell Williams"))));
    }

    @Test
    void theIdOfACatalogueWithIdsOfItsOwnFindsItsTrack() {
        // GIVEN a catalogue keyed by ISRC, which is no Spotify id
        tracks.writeTrusted(TrustedSource.CATALOG, List.of(track("GBUM71029604", "Someone Like You", 80, "Adele")));

        // WHEN a choice or an autocompletion sends that id back / THEN it names the track, not a word to search for
        assertThat(finder.resolve(USER, "GBUM71029604"))
                .isEqualTo(new Found(new Match("GBUM71029604", "Someone Like You", List.of("Adele"))));
    }

    @Test
    void oneSongUnderTwoIdsIsOfferedOnceAndFoundAsTheMorePopular() {
        assertThat(finder.resolve(USER, "levitating"))
                .isEqualTo(new Found(new Match("5nujrmhLynf4yMoMtj8AQF", "Levitating", List.of("Dua Lipa"))));
    }

    @Test
    void offersAtMostFiveChoices() {
        // GIVEN eight different songs with "love" in the title
        List<Track> loveSongs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            loveSongs.add(track("love-" + i, "Love Song " + i, 50 + i, "Band " + i));
        }
        tracks.writeTrusted(TrustedSource.CATALOG, loveSongs);

        // WHEN / THEN the five most popular
        assertThat(finder.resolve(USER, "love song")).isInstanceOfSatisfying(Choices.class, choices ->
                assertThat(choices.matches()).extracting(Match::trackId)
                        .containsExactly("love-7", "love-6", "love-5", "love-4", "love-3"));
    }

    @Test
    void linksToOtherThingsAskForATrackLink() {
        assertThat(finder.resolve(USER, "https://open.spotify.com/album/2noRn2Aes5aoNVsU6iWThc?si=x"))
                .isEqualTo(new NotATrack("That's an album link; send a track link instead."));
        assertThat(finder.resolve(USER, "https://open.spotify.com/playlist/37i9dQZF1DXcBWIGoYBM5M"))
                .isEqualTo(new NotATrack("That's a playlist link; send a track link instead."));
        assertThat(finder.resolve(USER, "spotify:artist:0TnOYISbd1XYRBk9myaseg"))
                .isEqualTo(new NotATrack("That's an artist link; send a track link instead."));
    }

    @Test
    void brokenInputSaysWhatIsWrongAndWhatWorks() {
        assertThat(finder.resolve(USER, "https://open.spotify.com/track/2b8fOow8UzyDFAE27")).isEqualTo(new Invalid(
                "I can't read that: the track id in it should be 22 letters and digits;"
                        + " send a Spotify track link or type artist - title."));
        assertThat(finder.resolve(USER, "x".repeat(301))).isEqualTo(new Invalid(
                "I can't read that: too long; send a Spotify track link or type artist - title."));
        assertThat(finder.resolve(USER, "  ")).isEqualTo(new Invalid(
                "Which track? Send a Spotify track link or type artist - title."));
    }

    @Test
    void aRemoteLookupIsAskedOnlyWhenTheCatalogueHasNoAnswer() {
        // GIVEN a remote that knows one more track
        FakeRemote remote = new FakeRemote(ELSEWHERE);
        TrackFinder withRemote = new TrackFinder(new CatalogSearch(database), Optional.of(remote), lookups);

        // WHEN / THEN the catalogue answers what it knows, the remote the rest
        assertThat(withRemote.resolve(USER, MEMORIES_ID)).isEqualTo(new Found(MEMORIES));
        assertThat(withRemote.resolve(USER, "conan gray memories")).isInstanceOf(Found.class);
        assertThat(remote.questions).isEmpty();
        assertThat(withRemote.resolve(USER, ELSEWHERE.trackId())).isEqualTo(new Found(ELSEWHERE));
        assertThat(withRemote.resolve(USER, "tones and i - dance monkey")).isEqualTo(new Found(ELSEWHERE));
        assertThat(remote.questions).containsExactly("id " + ELSEWHERE.trackId(), "search tones and i - dance monkey");
        assertThat(withRemote.resolve(USER, "4cOdK2wGLETKBW3PvgPWqT"))
                .isEqualTo(new NotFound("I couldn't find that track, neither here nor on Spotify."));
    }

    @Test
    void remoteLookupsBeyondTheUsersLimitWaitWhileTheCatalogueStaysFree() {
        // GIVEN a remote lookup allowed twice a minute, and a user who has used both of this minute
        FakeRemote remote = new FakeRemote(ELSEWHERE);
        RateLimiter twiceAMinute = new RateLimiter(new Limit(2, Duration.ofMinutes(1)), clock);
        TrackFinder withRemote = new TrackFinder(new CatalogSearch(database), Optional.of(remote), twiceAMinute);
        withRemote.resolve(USER, ELSEWHERE.trackId());
        withRemote.resolve(USER, "tones and i - dance monkey");

        // WHEN they ask for more songs the catalogue lacks, by id and by words, 20 seconds later
        clock.advance(Duration.ofSeconds(20));
        TrackResolution byId = withRemote.resolve(USER, ELSEWHERE.trackId());
        TrackResolution byWords = withRemote.resolve(USER, "bohemian rhapsody");

        // THEN the remote is not asked, and they are told when it can be again
        String later = "That song isn't in my catalogue, and you can have me look songs up on Spotify again in 40 seconds. "
                + "Songs in the catalogue work meanwhile.";
        assertThat(byId).isEqualTo(new TrackResolution.Later(later));
        assertThat(byWords).isEqualTo(new TrackResolution.Later(later));
        assertThat(remote.questions).hasSize(2);
        // AND the catalogue still answers them, as often as they like
        for (int i = 0; i < 5; i++) {
            assertThat(withRemote.resolve(USER, MEMORIES_ID)).isEqualTo(new Found(MEMORIES));
        }
        // AND another user's lookups are their own
        assertThat(withRemote.resolve("discord:2", ELSEWHERE.trackId())).isEqualTo(new Found(ELSEWHERE));

        // WHEN the minute of the first lookup has passed
        clock.advance(Duration.ofSeconds(40));

        // THEN the remote is asked again
        assertThat(withRemote.resolve(USER, ELSEWHERE.trackId())).isEqualTo(new Found(ELSEWHERE));
        assertThat(remote.questions).hasSize(4);
    }

    /** Knows one track; records what it was asked. */
    private static final class FakeRemote implements RemoteTrackLookup {
        private final Match known;
        final List<String> questions = new ArrayList<>();

        FakeRemote(Match known) {
            this.known = known;
        }

        @Override
        public String name() {
            return "Spotify";
        }

        @Override
        public Optional<Match> byId(String id) {
            questions.add("id " + id);
            return Optional.of(known).filter(match -> match.trackId().equals(id));
        }

        @Override
        public List<Match> search(String text, int limit) {
            questions.add("search " + text);
            return text.contains("dance monkey") ? List.of(known) : List.of();
        }
    }
}
