/**
 * The platform-neutral chat bot: commands, rating sessions, reactions and the replies they produce,
 * daily messages prepared for an {@link dev.tastebot.chat.Outbox} (the port adapters implement to
 * speak first). Knows nothing of JDA or terminals: its replies are {@code text.RichText}, our words
 * kept apart from outside words, which each adapter renders for its own markup. Depends on
 * {@code recommend}, {@code training}, {@code library}, {@code store}, {@code taste}, {@code features}
 * and {@code text}, and sees Spotify only through its own {@code SpotifyAccounts} port.
 */
package dev.tastebot.chat;
