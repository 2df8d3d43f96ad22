/**
 * The platform-neutral chat bot: commands, rating sessions, reactions and the replies they produce.
 * Knows nothing of JDA or terminals; depends on {@code training}, {@code store}, {@code taste},
 * {@code features}, {@code recommend} and {@code library}, and sees Spotify only through its own
 * {@code SpotifyAccounts} port.
 */
package dev.tastebot.chat;
