/**
 * A user's own Spotify library as likes: the privacy export ({@code YourLibrary.json}) parser and
 * importer, and the sync of a linked account's saved songs. Depends on {@code store} and
 * {@code spotify.api}.
 */
package dev.tastebot.library;
