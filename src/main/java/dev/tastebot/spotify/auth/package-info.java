/**
 * Spotify authorisation. Linking a chat user's account with the Authorization Code flow and PKCE:
 * the verifier and challenge, the pending link states (random, single-use, ten minutes), the
 * authorize URL, a small client of the accounts service's token endpoint (the Spotify library
 * hard-codes that host, and tests and proxies need it configurable), the AES-GCM cipher that keeps
 * refresh tokens encrypted at rest, and {@link dev.tastebot.spotify.auth.SpotifyLinking}, the service
 * the chat and the web callback call. Also the app's own client-credentials token
 * ({@link dev.tastebot.spotify.auth.AppTokens}) for lookups that need no user. Depends on
 * {@code config}, {@code store}, {@code web} (to answer its callback), Caffeine, Jackson and the JDK.
 */
package dev.tastebot.spotify.auth;
