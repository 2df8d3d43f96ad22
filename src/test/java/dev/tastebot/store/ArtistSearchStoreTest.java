package dev.tastebot.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tastebot.store.ArtistSearchStore.ArtistToSearch;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtistSearchStoreTest {
    private static final String ALICE = "discord:1001";
    private static final String BOB = "discord:2002";
    private static final Instant T1 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-03-10T10:00:00Z");

    @TempDir
    Path folder;
    Database database;
    ArtistSearchStore searches;

    @BeforeEach
    void open() {
        database = Database.open(folder.resolve("tastebot.db"));
        searches = new ArtistSearchStore(database);
        // Alice likes three songs by Air, two by Björk, one by Cher and dislikes one by Dido
        TrackStore tracks = new TrackStore(database, Clock.systemUTC());
        RatingStore ratings = new RatingStore(database);
        String[][] songs = {{"a1", "Air"}, {"a2", "Air"}, {"a3", "Air"}, {"b1", "Björk"}, {"b2", "Björk"}, {"c1", "Cher"}};
        for (String[] song : songs) {
            tracks.writeTrusted(TrustedSource.CATALOG, List.of(Track.of(song[0], "Song " + song[0], List.of(song[1]))));
            ratings.rate(ALICE, song[0], true, "chat", T1);
        }
        tracks.writeTrusted(TrustedSource.CATALOG, List.of(Track.of("d1", "Song d1", List.of("Dido"))));
        ratings.rate(ALICE, "d1", false, "chat", T1);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void artistsNeverSearchedAreDueMostLikedFirstFromTheStart() {
        assertThat(searches.due(ALICE, T1, 10)).containsExactly(
                new ArtistToSearch("Air", 0), new ArtistToSearch("Björk", 0), new ArtistToSearch("Cher", 0));
        assertThat(searches.due(ALICE, T1, 2)).extracting(ArtistToSearch::artist).containsExactly("Air", "Björk");
    }

    @Test
    void anArtistSearchedSinceTheCutOffIsNotDueAndLaterContinuesWhereItStopped() {
        // GIVEN Air was searched at T1, the next search to start at 10
        searches.searched("Air", T1, 10);

        // WHEN asking at a cut-off before T1 (searched recently): Air is not due
        assertThat(searches.due(ALICE, T1.minusSeconds(1), 10)).extracting(ArtistToSearch::artist)
                .containsExactly("Björk", "Cher");
        // AND with a cut-off after T1: due again, from offset 10
        assertThat(searches.due(ALICE, T2, 10)).first().isEqualTo(new ArtistToSearch("Air", 10));
    }

    @Test
    void theMemoryIsSharedByAllUsersAndSearchingAgainReplacesIt() {
        searches.searched("Air", T1, 10);
        searches.searched("Air", T2, 0);

        assertThat(searches.due(ALICE, T2, 10)).extracting(ArtistToSearch::artist).containsExactly("Björk", "Cher");
        assertThat(searches.due(ALICE, T2.plusSeconds(1), 10)).first().isEqualTo(new ArtistToSearch("Air", 0));
        // Bob likes nothing: nothing is due for him
        assertThat(searches.due(BOB, T2, 10)).isEmpty();
    }
}
