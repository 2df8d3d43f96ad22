/**
 * Spotify authorisation: the app's client-credentials token (and, with account linking, the users'
 * tokens). Depends on the JDK's HTTP client and Jackson only.
 */
package dev.tastebot.spotify.auth;
