/**
 * SQLite persistence: the {@link dev.tastebot.store.Database} (connection, pragmas, versioned schema
 * migrations, transactions) and one small {@code *Store} per kind of data (users, tracks, audio
 * features, ratings, training data, models, encrypted Spotify links, daily deliveries). Tracks are
 * shared by every user: only a {@link dev.tastebot.store.TrustedSource} may change what is known about
 * one, and every outside text is made fit to share in {@link dev.tastebot.store.Track}. Depends only on
 * {@code dev.tastebot.features}, the JDK, the SQLite JDBC driver and SLF4J (a warning when another
 * program keeps the database busy).
 */
package dev.tastebot.store;
