package dev.tastebot.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tastebot.store.Database;
import dev.tastebot.store.Track;
import dev.tastebot.store.TrackStore;
import dev.tastebot.store.TrustedSource;
import dev.tastebot.store.UserSource;
import java.nio.file.Path;
import java.time.Clock;
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

class CatalogSearchTest {
    @TempDir
    Path folder;
    Database database;
    TrackStore tracks;
    CatalogSearch search;

    @BeforeEach
    void storeACatalogue() {
        database = Database.open(folder.resolve("tastebot.db"));
        search = new CatalogSearch(database);
        tracks = new TrackStore(database, Clock.systemUTC());
        tracks.writeTrusted(TrustedSource.CATALOG, List.of(
                track("memories-maroon5", "Memories", 90, "Maroon 5"),
                track("memories-remix", "Memories - Dillon Francis Remix", 67, "Maroon 5", "Dillon Francis"),
                track("memories-conan", "Memories", 70, "Conan Gray"),
                track("memories-of-you", "Memories of You", null, "The Old Band"),
                track("sweet-memories", "Sweet Memories", 99, "Velvet Hour"),
                track("girls-like-you", "Girls Like You", 85, "Maroon 5", "Cardi B"),
                track("halo", "Halo", 80, "Beyoncé"),
                track("hoppipolla", "Hoppípolla", null, "Sigur Rós"),
                track("zvezda", "Звезда по имени Солнце", 60, "Кино"),
                track("two-hearts", "Two Hearts", 40, "Phil Collins"),
                Track.of("no-artist", "Untitled Memories", List.of())));
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static Track track(String id, String title, Integer popularity, String... artists) {
        return new Track(id, title, List.of(artists), Optional.empty(), OptionalInt.empty(), Optional.empty(),
                popularity == null ? OptionalInt.empty() : OptionalInt.of(popularity), OptionalLong.empty(), Optional.empty());
    }

    private List<String> ids(String text) {
        return search.search(text, 10).stream().map(Match::trackId).toList();
    }

    @Test
    void ranksExactTitlesFirstThenTitlesStartingWithTheWordsThenTheRestEachByPopularity() {
        assertThat(ids("memories")).containsExactly(
                "memories-maroon5", "memories-conan",              // exactly "Memories", 90 then 70
                "memories-remix", "memories-of-you",               // starting with it, 67 then unknown
                "sweet-memories", "no-artist");                    // containing it, 99 then unknown
    }

    @Test
    void everyWordMustOccurInTheTitleOrAnArtist() {
        assertThat(ids("maroon memories")).containsExactly("memories-maroon5", "memories-remix");
        assertThat(ids("MEMORIES dillon")).containsExactly("memories-remix");
        assertThat(ids("memories beatles")).isEmpty();
    }

    @Test
    void wordsMayBePartsOfWords() {
        assertThat(ids("memor maroo")).containsExactly("memories-maroon5", "memories-remix");
    }

    @Test
    void artistDashTitleLooksForTheArtistInTheArtistsAndTheTitleInTheTitle() {
        // Conan Gray's "Memories" is left out: its artist is not Maroon 5
        assertThat(ids("Maroon 5 - Memories")).containsExactly("memories-maroon5", "memories-remix");
    }

    @Test
    void titleDashArtistWorksToo() {
        assertThat(ids("Memories - Conan Gray")).containsExactly("memories-conan");
    }

    @Test
    void whenNeitherWayRoundMatchesEveryWordMayBeAnywhere() {
        // neither "Maroon 5" in the artists and "Cardi" in the title, nor the reverse; but all words occur
        assertThat(ids("Maroon 5 - Cardi")).containsExactly("girls-like-you");
    }

    @Test
    void ignoresCaseBeyondAsciiToo() {
        assertThat(ids("HALO beyoncé")).containsExactly("halo");
        assertThat(ids("SIGUR RÓS")).containsExactly("hoppipolla");
        assertThat(ids("кино звезда")).containsExactly("zvezda");
        assertThat(ids("RÓS")).containsExactly("hoppipolla");
        assertThat(ids("BEYONCÉ")).containsExactly("halo");
    }

    @Test
    void latinLettersMatchWithOrWithoutAccents() {
        assertThat(ids("beyonce")).containsExactly("halo");
        assertThat(ids("hoppipolla ros")).containsExactly("hoppipolla");
        assertThat(ids("Sigur Ros - Hoppípolla")).containsExactly("hoppipolla");
    }

    @Test
    void greekAndCyrillicMatchInEitherCase() {
        // GIVEN Greek songs besides the Cyrillic one
        tracks.writeTrusted(TrustedSource.CATALOG, List.of(
                track("greek-god", "Σαν Αρχαίος Θεός", 30, "Σωκράτης Μάλαμας"),
                track("greek-sea", "ΘΆΛΑΣΣΑ", 20, "Άλκηστις Πρωτοψάλτη")));

        // WHEN words are typed in the other case, or only parts of them
        // THEN they are found
        assertThat(ids("ΣΩΚΡΆΤΗΣ")).containsExactly("greek-god");
        assertThat(ids("θάλασσα")).containsExactly("greek-sea");
        assertThat(ids("αρχαίος μάλαμ")).containsExactly("greek-god");
        // Greek accents count: SQLite takes accents off Latin letters only
        assertThat(ids("μαλαμας")).isEmpty();
        assertThat(ids("ЗВЕЗДА солнц")).containsExactly("zvezda");
    }

    @Test
    void aTitleEqualToTheWordsComesFirstInEveryScript() {
        // GIVEN a song called "Кино", less popular than one whose title starts with it
        tracks.writeTrusted(TrustedSource.CATALOG, List.of(
                track("kino-song", "Кино", 10, "Some Band"),
                track("kinoplyonka", "Кинопленка", 90, "Other Band")));

        // WHEN "кино" is asked in lower case
        // THEN the title equal to it comes first, then the one starting with it, then the artist Кино's song
        assertThat(ids("кино")).containsExactly("kino-song", "kinoplyonka", "zvezda");
    }

    @Test
    void wordsOfOneOrTwoCharactersMustBeginAWord() {
        // GIVEN songs by U2 and AC/DC
        tracks.writeTrusted(TrustedSource.CATALOG, List.of(
                track("one", "One", 75, "U2"),
                track("thunder", "Thunderstruck", 88, "AC/DC")));

        // WHEN words too short for pieces are typed
        // THEN they find words beginning with them, not every title holding the letters somewhere
        assertThat(ids("u2")).containsExactly("one");
        assertThat(ids("ac dc")).containsExactly("thunder");
        assertThat(ids("ac dc thunder")).containsExactly("thunder");
        assertThat(ids("me")).containsExactly("memories-maroon5", "memories-conan", "memories-remix", "memories-of-you",
                "sweet-memories", "no-artist");
        assertThat(ids("em")).isEmpty();
        // a title starting with the letter comes before one merely holding a word that does
        assertThat(ids("h")).containsExactly("halo", "hoppipolla", "sweet-memories", "two-hearts");
    }

    @Test
    void theSearchFollowsEveryChangeToTitlesAndArtists() {
        // GIVEN a song renamed, one credited to other artists, one grown more popular, and a new one
        tracks.writeTrusted(TrustedSource.CATALOG, List.of(
                track("halo", "Crazy in Love", 80, "Beyoncé"),
                track("two-hearts", "Two Hearts", 40, "Genesis"),
                track("memories-conan", "Memories", 95, "Conan Gray"),
                track("new-song", "Brand New Memories", 5, "Fresh Face")));

        // WHEN searched for by the old and the new names
        // THEN only the new ones find them
        assertThat(ids("halo")).isEmpty();
        assertThat(ids("crazy love")).containsExactly("halo");
        assertThat(ids("phil collins")).isEmpty();
        assertThat(ids("genesis")).containsExactly("two-hearts");
        assertThat(ids("brand memories")).containsExactly("new-song");
        assertThat(ids("memories")).startsWith("memories-conan", "memories-maroon5");
    }

    @Test
    void aSongKnownOnlyFromSomeonesUploadedFileIsFoundByNobodyUntilATrustedSourceDescribesIt() {
        // GIVEN a song only a user's library export named, with a title written for others to see
        tracks.addUnknown(UserSource.LIBRARY_EXPORT, List.of(track("planted", "Memories of Mallory (click me)", 100, "Mallory")));

        // WHEN anyone searches for it
        // THEN nothing from that file is offered
        assertThat(ids("mallory")).isEmpty();
        assertThat(ids("memories")).doesNotContain("planted");
        assertThat(search.find("planted")).isEmpty();

        // AND once a trusted lookup described the song, it is found under the trusted title
        tracks.writeTrusted(TrustedSource.SPOTIFY, List.of(track("planted", "Real Title", 100, "Real Artist")));
        assertThat(ids("real title")).containsExactly("planted");
        assertThat(search.find("planted")).map(Match::title).contains("Real Title");
        assertThat(ids("mallory")).isEmpty();
    }

    @Test
    void tracksWrittenWithoutTheTrackStoreAreFoundToo() {
        // GIVEN a track written and one deleted by plain SQL, as the sqlite3 shell would
        database.inTransaction(c -> {
            try (var statement = c.createStatement()) {
                statement.executeUpdate("INSERT INTO tracks (id, title, updated_at) VALUES ('by-hand', 'Handmade Memories', 0)");
                statement.executeUpdate("INSERT INTO track_artists (track_id, position, name) VALUES ('by-hand', 0, 'Shell User')");
                statement.executeUpdate("DELETE FROM tracks WHERE id = 'no-artist'");
            }
            return null;
        });

        // WHEN searched for
        // THEN the search sees both changes
        assertThat(ids("handmade shell")).containsExactly("by-hand");
        assertThat(ids("untitled")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"memories", "MEMORIES", "memor", "me", "h", "memories of", "Maroon 5 - Memories", "кино",
            "КИНО", "beyonce", "hoppipolla", "s", "sweet memories"})
    void theIndexRanksManyMatchesAsFewAreRankedHere(String typed) {
        // GIVEN the songs above, and more whose titles equal or start with a word typed below
        tracks.writeTrusted(TrustedSource.CATALOG, List.of(
                track("kino-song", "Кино", 10, "Some Band"),
                track("kinoplyonka", "Кинопленка", 90, "Other Band"),
                track("hoppipolla-live", "Hoppipolla (Live)", 95, "Sigur Rós"),
                track("s-song", "S", 50, "Letters")));
        // AND a search that leaves all ranking to the index, as it does for more than a hundred matches
        CatalogSearch byTheIndex = new CatalogSearch(database, 0);

        // WHEN both search
        // THEN they answer alike
        List<Match> ranked = search.search(typed, 10);
        assertThat(ranked).isNotEmpty();
        assertThat(byTheIndex.search(typed, 10)).isEqualTo(ranked);
    }

    @Test
    void searchSyntaxInTheTextIsOrdinaryCharacters() {
        assertThat(ids("t_o")).isEmpty();
        assertThat(ids("two\" OR \"memories")).isEmpty();
        assertThat(ids("title : two*")).isEmpty();
        assertThat(ids("^two")).containsExactly("two-hearts");
        assertThat(ids("two")).containsExactly("two-hearts");
    }

    @Test
    void givesAtMostTheLimit() {
        assertThat(search.search("memories", 2)).extracting(Match::trackId).containsExactly("memories-maroon5", "memories-conan");
        assertThatThrownBy(() -> search.search("memories", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void textWithoutAWordFindsNothing() {
        assertThat(ids("!!! - ?")).isEmpty();
        assertThat(ids("   ")).isEmpty();
    }

    @Test
    void findsATrackByIdWithItsArtistsInCreditOrder() {
        assertThat(search.find("memories-remix"))
                .contains(new Match("memories-remix", "Memories - Dillon Francis Remix", List.of("Maroon 5", "Dillon Francis")));
        assertThat(search.find("no-artist")).contains(new Match("no-artist", "Untitled Memories", List.of()));
        assertThat(search.find("4cOdK2wGLETKBW3PvgPWqT")).isEmpty();
    }
}
