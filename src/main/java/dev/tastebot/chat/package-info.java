/**
 * The platform-neutral chat bot: commands, rating sessions, reactions and the replies they produce,
 * daily messages prepared for an {@link dev.tastebot.chat.Outbox} (the port adapters implement to
 * speak first), and the {@link dev.tastebot.chat.UserForgetting} port through which /forget-me
 * reaches what other parts keep about a user in memory. Knows nothing of JDA or terminals; depends on {@code recommend}, {@code training},
 * {@code library}, {@code store}, {@code taste} and {@code features}, and sees Spotify only through
 * its own {@code SpotifyAccounts} port.
 */
package dev.tastebot.chat;
