package dev.tastebot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommunityStoreTest {
    private static final String ALICE = "discord:1001";
    private static final String BOB = "discord:2002";
    private static final Instant T1 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-03-02T10:00:00Z");

    @TempDir
    Path folder;
    Database database;
    UserStore users;
    CommunityStore communities;

    @BeforeEach
    void open() {
        database = Database.open(folder.resolve("tastebot.db"));
        users = new UserStore(database);
        communities = new CommunityStore(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aKnownUserIsRecordedOncePerCommunity() {
        users.ensure(ALICE, T1);

        assertThat(communities.seen(ALICE, "discord:A", T1)).isTrue();
        assertThat(communities.seen(ALICE, "discord:A", T2)).isTrue();
        assertThat(communities.seen(ALICE, "discord:B", T2)).isTrue();

        assertThat(communities.communitiesOf(ALICE)).containsExactly("discord:A", "discord:B");
        assertThat(TestData.rowsOf(database, "community_members", ALICE)).isEqualTo(2);
    }

    @Test
    void someoneTastebotKeepsNoDataAboutIsNotRecorded() {
        assertThat(communities.seen(BOB, "discord:A", T1)).isFalse();

        assertThat(communities.communitiesOf(BOB)).isEmpty();
        assertThat(users.exists(BOB)).isFalse();
    }

    @Test
    void forgettingAUserRemovesTheirMembershipsAndNobodyElses() {
        // GIVEN Alice and Bob in the same server, Alice in a second one
        users.ensure(ALICE, T1);
        users.ensure(BOB, T1);
        communities.seen(ALICE, "discord:A", T1);
        communities.seen(ALICE, "discord:B", T1);
        communities.seen(BOB, "discord:A", T1);

        // WHEN Alice is forgotten
        users.delete(ALICE);

        // THEN none of her memberships is left, and Bob's is
        assertThat(TestData.rowsOf(database, "community_members", ALICE)).isZero();
        assertThat(communities.communitiesOf(BOB)).containsExactly("discord:A");
        // AND she is not recorded again by a late event
        assertThat(communities.seen(ALICE, "discord:A", T2)).isFalse();
    }
}
