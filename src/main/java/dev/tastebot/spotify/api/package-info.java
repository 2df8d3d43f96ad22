/**
 * Spotify's Web API as tastebot uses it in 2026: a user's saved tracks, single tracks and search,
 * politely (Retry-After, backoff). Depends on spotify-web-api-java only.
 */
package dev.tastebot.spotify.api;
