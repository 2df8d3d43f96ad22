/**
 * The platform-neutral chat bot: commands, rating sessions, reactions and the replies they produce,
 * daily messages prepared for an {@link dev.tastebot.chat.Outbox} (the port adapters implement to
 * speak first), and the {@link dev.tastebot.chat.UserLanes} through which every adapter hands it a
 * user's events one at a time, in the platform's order. Knows nothing of JDA or terminals; depends
 * on {@code recommend}, {@code training}, {@code library}, {@code store}, {@code taste} and
 * {@code features}, and sees Spotify only through its own {@code SpotifyAccounts} port; logs
 * through SLF4J.
 */
package dev.tastebot.chat;
