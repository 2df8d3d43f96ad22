package dev.tastebot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpotifyPlaylistStoreTest {
    private static final String ALICE = "discord:1001";
    private static final String BOB = "discord:2002";
    private static final Instant T1 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-03-02T10:00:00Z");

    @TempDir
    Path folder;
    Database database;
    SpotifyPlaylistStore playlists;

    @BeforeEach
    void open() {
        database = Database.open(folder.resolve("tastebot.db"));
        playlists = new SpotifyPlaylistStore(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aSavedPlaylistIsFoundForItsUserOnlyAndALostOneIsReplaced() {
        assertThat(playlists.find(ALICE)).isEmpty();

        playlists.save(ALICE, "3cEYpjA9oz9GiPac4AsH4n", T1);
        playlists.save(BOB, "37i9dQZF1DXcBWIGoYBM5M", T1);
        playlists.save(ALICE, "5ht7ItJgpBH7W6vJ5BqpPr", T2);

        assertThat(playlists.find(ALICE)).contains("5ht7ItJgpBH7W6vJ5BqpPr");
        assertThat(playlists.find(BOB)).contains("37i9dQZF1DXcBWIGoYBM5M");
        assertThat(new UserStore(database).exists(ALICE)).isTrue();
    }

    @Test
    void forgettingTheUserRemovesTheirPlaylistIdAndNoOneElses() {
        playlists.save(ALICE, "3cEYpjA9oz9GiPac4AsH4n", T1);
        playlists.save(BOB, "37i9dQZF1DXcBWIGoYBM5M", T1);

        new UserStore(database).delete(ALICE);

        assertThat(playlists.find(ALICE)).isEmpty();
        assertThat(TestData.rowsOf(database, "spotify_playlists", ALICE)).isZero();
        assertThat(playlists.find(BOB)).contains("37i9dQZF1DXcBWIGoYBM5M");
    }
}
