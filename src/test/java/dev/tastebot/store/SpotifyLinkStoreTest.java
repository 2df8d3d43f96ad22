package dev.tastebot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpotifyLinkStoreTest {
    private static final String ALICE = "discord:1001";
    private static final String BOB = "discord:2002";
    private static final Instant T1 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-03-02T10:00:00Z");
    private static final byte[] SEALED_1 = {1, 2, 3};
    private static final byte[] SEALED_2 = {4, 5, 6, 7};

    @TempDir
    Path folder;
    Database database;
    SpotifyLinkStore links;

    @BeforeEach
    void open() {
        database = Database.open(folder.resolve("tastebot.db"));
        links = new SpotifyLinkStore(database);
        links.ensureUser(ALICE, T1);
        links.ensureUser(BOB, T1);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aSavedLinkIsFoundActive() {
        // WHEN a user links
        assertThat(links.save(ALICE, SEALED_1, "user-library-read", T1)).isTrue();

        // THEN the link is stored as given, active and never refreshed
        SpotifyLink link = links.find(ALICE).orElseThrow();
        assertThat(link.encryptedRefreshToken()).containsExactly(SEALED_1);
        assertThat(link.scope()).isEqualTo("user-library-read");
        assertThat(link.status()).isEqualTo(SpotifyLink.Status.ACTIVE);
        assertThat(link.linkedAt()).isEqualTo(T1);
        assertThat(link.refreshedAt()).isEmpty();
        assertThat(links.find(BOB)).isEmpty();
    }

    @Test
    void aLinkOfAUserWhoWasForgottenIsNotSavedAndDoesNotBringThemBack() {
        // GIVEN Alice started linking, then asked to be forgotten
        new UserStore(database).delete(ALICE);

        // WHEN Spotify's answer arrives and the link is saved
        boolean saved = links.save(ALICE, SEALED_1, "user-library-read", T1);

        // THEN nothing is stored, and Alice does not exist again
        assertThat(saved).isFalse();
        assertThat(links.find(ALICE)).isEmpty();
        assertThat(new UserStore(database).exists(ALICE)).isFalse();
    }

    @Test
    void aRefreshReplacesTheTokenAndLinkingAgainRevivesAnExpiredLink() {
        // GIVEN a link that was refreshed once
        links.save(ALICE, SEALED_1, "user-library-read", T1);
        assertThat(links.refreshed(ALICE, SEALED_2, "user-library-read", T2)).isTrue();
        assertThat(links.find(ALICE).orElseThrow().encryptedRefreshToken()).containsExactly(SEALED_2);
        assertThat(links.find(ALICE).orElseThrow().refreshedAt()).contains(T2);

        // WHEN it expires
        assertThat(links.markExpired(ALICE)).isTrue();
        // THEN it is expired and no longer takes refreshed tokens
        assertThat(links.find(ALICE).orElseThrow().status()).isEqualTo(SpotifyLink.Status.EXPIRED);
        assertThat(links.refreshed(ALICE, SEALED_1, "x", T2)).isFalse();

        // WHEN the user links again
        links.save(ALICE, SEALED_1, "user-library-read playlist-modify-private", T2);
        // THEN the link is active again with the new token and scope
        SpotifyLink relinked = links.find(ALICE).orElseThrow();
        assertThat(relinked.status()).isEqualTo(SpotifyLink.Status.ACTIVE);
        assertThat(relinked.encryptedRefreshToken()).containsExactly(SEALED_1);
        assertThat(relinked.scope()).isEqualTo("user-library-read playlist-modify-private");
        assertThat(relinked.refreshedAt()).isEqualTo(Optional.empty());
    }

    @Test
    void deletingALinkLeavesTheUserAndOtherLinks() {
        links.save(ALICE, SEALED_1, "user-library-read", T1);
        links.save(BOB, SEALED_2, "user-library-read", T1);

        assertThat(links.delete(ALICE)).isTrue();
        assertThat(links.delete(ALICE)).isFalse();

        assertThat(links.find(ALICE)).isEmpty();
        assertThat(links.find(BOB)).isPresent();
        assertThat(new UserStore(database).exists(ALICE)).isTrue();
    }

    @Test
    void forgettingAUserRemovesTheirLinkAndLibrarySync() {
        // GIVEN two linked users, one with a library sync record
        links.save(ALICE, SEALED_1, "user-library-read", T1);
        links.save(BOB, SEALED_2, "user-library-read", T1);
        database.withConnection(c -> {
            try (var insert = c.prepareStatement("INSERT INTO library_syncs(user_id, last_added_at, synced_at) VALUES (?, ?, ?)")) {
                insert.setString(1, ALICE);
                insert.setString(2, "2026-02-01T00:00:00Z");
                insert.setLong(3, T1.toEpochMilli());
                return insert.executeUpdate();
            }
        });

        // WHEN one of them asks to be forgotten
        new UserStore(database).delete(ALICE);

        // THEN their link and sync record are gone, the other user's link is not
        assertThat(TestData.rowsOf(database, "spotify_links", ALICE)).isZero();
        assertThat(TestData.rowsOf(database, "library_syncs", ALICE)).isZero();
        assertThat(links.find(BOB)).isPresent();
    }
}
