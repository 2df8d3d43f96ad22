/**
 * The local track catalogue: importing catalogue CSV files (track ids, metadata and audio features)
 * into the store, the generated demo catalogue for newcomers without data, reading what users type to
 * name a track, searching the catalogue, resolving typed text to a track for the chat, asking
 * ReccoBeats and Spotify for tracks the catalogue lacks, growing it around the artists users like,
 * and keeping the songs ReccoBeats recommends from each user's likes. Depends on
 * {@code store}, {@code features}, {@code features.sources} (ReccoBeats' track endpoints),
 * {@code evaluation} (its CSV reading pieces), {@code spotify.api},
 * {@code cli}, {@code text} (messages for the chat), {@code fairuse} (each user's limit on remote lookups)
 * and Caffeine.
 */
package dev.tastebot.catalog;
