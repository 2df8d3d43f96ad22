package dev.tastebot.store;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The chat communities (Discord servers) each user was seen acting in: whose likes may be offered
 * to whom as songs to rate. Deleting a user removes their memberships with them (foreign key).
 */
public final class CommunityStore {
    private final Database database;

    public CommunityStore(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /**
     * Records that the user acted in the community at {@code at}. Only users tastebot already keeps
     * data about are recorded: someone who merely reacts to a message in a busy server, or who has
     * just been forgotten, gets no row for it.
     *
     * @return whether the membership was recorded
     */
    public boolean seen(String userId, String community, Instant at) {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(community, "community");
        Objects.requireNonNull(at, "at");
        return database.withConnection(c -> {
            try (PreparedStatement upsert = c.prepareStatement("""
                    INSERT INTO community_members (community, user_id, seen_at)
                    SELECT ?, id, ? FROM users WHERE id = ?
                    ON CONFLICT (community, user_id) DO UPDATE SET seen_at = excluded.seen_at""")) {
                upsert.setString(1, community);
                upsert.setLong(2, at.toEpochMilli());
                upsert.setString(3, userId);
                return upsert.executeUpdate() == 1;
            }
        });
    }

    /** The communities the user was seen in, by id. */
    public List<String> communitiesOf(String userId) {
        Objects.requireNonNull(userId, "userId");
        return database.read(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT community FROM community_members WHERE user_id = ? ORDER BY community")) {
                select.setString(1, userId);
                return TextColumn.values(select);
            }
        });
    }
}
