/**
 * A user's own Spotify library as likes: the privacy export ({@code YourLibrary.json}) parser and
 * importer, and the sync of a linked account's saved songs. Depends on {@code store},
 * {@code spotify.api} and {@code text} (its messages name the uploaded file as outside text).
 */
package dev.tastebot.library;
