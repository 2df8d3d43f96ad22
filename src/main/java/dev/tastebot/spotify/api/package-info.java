/**
 * Spotify's Web API as tastebot uses it in 2026: a user's saved tracks, single tracks, search, and
 * the user's private playlist (our own requests on the 2026 paths), politely (Retry-After, backoff,
 * one token refresh). Depends on spotify-web-api-java and Jackson only.
 */
package dev.tastebot.spotify.api;
