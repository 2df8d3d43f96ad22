/**
 * Spotify's Web API as tastebot uses it in 2026: a user's saved tracks, single tracks, search, and
 * the user's private playlist (our own requests on the 2026 paths), politely (Retry-After, backoff,
 * one token refresh). Track answers are checked as they are read: ids must be Spotify's, numbers
 * within {@link dev.tastebot.features.NumericFeature}'s valid ranges. Depends on spotify-web-api-java,
 * Jackson and {@code dev.tastebot.features} only.
 */
package dev.tastebot.spotify.api;
