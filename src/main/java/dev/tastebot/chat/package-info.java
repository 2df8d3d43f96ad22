/**
 * The platform-neutral chat bot: commands, rating sessions, reactions and the replies they produce,
 * daily messages prepared for an {@link dev.tastebot.chat.Outbox} (the port adapters implement to
 * speak first). Knows nothing of JDA or terminals; depends on {@code recommend}, {@code training},
 * {@code library}, {@code store}, {@code taste}, {@code features} and {@code fairuse} (the limits its
 * {@code FairUse} puts on expensive commands), and sees Spotify only through its own
 * {@code SpotifyAccounts} port.
 */
package dev.tastebot.chat;
