package dev.tastebot.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Moves optional values in and out of nullable columns. JDBC's getInt and getDouble answer 0 for
 * NULL, which would turn "unknown" into a plausible value; everything here checks for NULL.
 */
final class NullableColumns {
    private NullableColumns() {
    }

    static void setText(PreparedStatement statement, int index, Optional<String> value) throws SQLException {
        statement.setString(index, value.orElse(null));
    }

    static void setInt(PreparedStatement statement, int index, OptionalInt value) throws SQLException {
        if (value.isPresent()) {
            statement.setInt(index, value.getAsInt());
        } else {
            statement.setNull(index, Types.INTEGER);
        }
    }

    static void setLong(PreparedStatement statement, int index, OptionalLong value) throws SQLException {
        if (value.isPresent()) {
            statement.setLong(index, value.getAsLong());
        } else {
            statement.setNull(index, Types.INTEGER);
        }
    }

    static void setBoolean(PreparedStatement statement, int index, Optional<Boolean> value) throws SQLException {
        if (value.isPresent()) {
            statement.setInt(index, value.get() ? 1 : 0);
        } else {
            statement.setNull(index, Types.INTEGER);
        }
    }

    /** NaN, the features package's "unknown", becomes NULL. */
    static void setDouble(PreparedStatement statement, int index, double value) throws SQLException {
        if (Double.isNaN(value)) {
            statement.setNull(index, Types.REAL);
        } else {
            statement.setDouble(index, value);
        }
    }

    static void setReal(PreparedStatement statement, int index, OptionalDouble value) throws SQLException {
        setDouble(statement, index, value.orElse(Double.NaN));
    }

    static Optional<String> text(ResultSet row, String column) throws SQLException {
        return Optional.ofNullable(row.getString(column));
    }

    static OptionalInt integer(ResultSet row, String column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? OptionalInt.empty() : OptionalInt.of(value);
    }

    static OptionalLong longInteger(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? OptionalLong.empty() : OptionalLong.of(value);
    }

    static Optional<Boolean> bool(ResultSet row, String column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? Optional.empty() : Optional.of(value != 0);
    }

    static OptionalDouble optionalReal(ResultSet row, String column) throws SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    /** NULL becomes NaN, the features package's "unknown". */
    static double real(ResultSet row, String column) throws SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? Double.NaN : value;
    }
}
