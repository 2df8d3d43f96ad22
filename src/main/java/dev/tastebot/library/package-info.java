/**
 * A user's own Spotify library as likes: the privacy export ({@code YourLibrary.json}) parser and
 * importer. Depends on {@code store}.
 */
package dev.tastebot.library;
