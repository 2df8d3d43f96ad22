/**
 * SQLite persistence: the {@link dev.tastebot.store.Database} (connection, pragmas, versioned schema
 * migrations, transactions) and one small {@code *Store} per kind of data (users, tracks, audio
 * features, ratings, training data, models, encrypted Spotify links, daily deliveries). Depends only on
 * {@code dev.tastebot.features}, the JDK, the SQLite JDBC driver and SLF4J (a warning when another
 * program keeps the database busy).
 */
package dev.tastebot.store;
