package dev.tastebot.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Work against the open connection. It may throw {@link SQLException} so that store code stays free
 * of try/catch noise; {@link Database} turns it into a {@link StoreException}. The work must neither
 * close the connection nor keep it after returning.
 */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
