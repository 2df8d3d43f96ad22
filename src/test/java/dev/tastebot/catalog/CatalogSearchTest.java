package dev.tastebot.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tastebot.store.Database;
import dev.tastebot.store.Track;
import dev.tastebot.store.TrackStore;
import dev.tastebot.store.TrustedSource;
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

class CatalogSearchTest {
    @TempDir
    Path folder;
    Database database;
    CatalogSearch search;

    @BeforeEach
    void storeACatalogue() {
        database = Database.open(folder.resolve("tastebot.db"));
        search = new CatalogSearch(database);
        new TrackStore(database, Clock.systemUTC()).writeTrusted(TrustedSource.CATALOG, List.of(
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
        // SQLite narrows these by "r" and "beyonc" only; the rest of each word is checked in Java
        assertThat(ids("RÓS")).containsExactly("hoppipolla");
        assertThat(ids("BEYONCÉ")).containsExactly("halo");
    }

    @Test
    void likeWildcardsInTheTextAreOrdinaryCharacters() {
        assertThat(ids("t_o")).isEmpty();
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
