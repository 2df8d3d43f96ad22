package dev.tastebot.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads queries that select one text column, such as track ids. */
final class TextColumn {
    private TextColumn() {
    }

    /** Runs the prepared query and returns its first column, row by row. */
    static List<String> values(PreparedStatement select) throws SQLException {
        try (ResultSet rows = select.executeQuery()) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
