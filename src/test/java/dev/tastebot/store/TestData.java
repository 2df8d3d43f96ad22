package dev.tastebot.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/** Small helpers shared by the store tests. */
final class TestData {
    static final Instant STORED_AT = Instant.parse("2026-01-01T00:00:00Z");

    private TestData() {
    }

    /** Stores bare tracks with these ids, so ratings and features may refer to them. */
    static void storeTracks(Database database, String... ids) {
        new TrackStore(database, Clock.fixed(STORED_AT, ZoneOffset.UTC)).writeTrusted(TrustedSource.CATALOG,
                Arrays.stream(ids).map(id -> Track.of(id, "Title of " + id, List.of("Artist of " + id))).toList());
    }

    /** Counts rows straight from a table, bypassing the stores under test. */
    static int rowsOf(Database database, String table, String userId) {
        // the table name comes from the test itself; the value is bound
        String column = table.equals("users") ? "id" : "user_id";
        return database.withConnection(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT COUNT(*) FROM " + table + " WHERE " + column + " = ?")) {
                select.setString(1, userId);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getInt(1);
                }
            }
        });
    }
}
