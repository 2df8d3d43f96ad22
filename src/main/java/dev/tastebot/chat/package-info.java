/**
 * The platform-neutral chat bot: commands, rating sessions, reactions and the replies they produce,
 * daily messages prepared for an {@link dev.tastebot.chat.Outbox} (the port adapters implement to
 * speak first), the {@link dev.tastebot.chat.UserLanes} through which every adapter hands it a
 * user's events one at a time, in the platform's order, and the
 * {@link dev.tastebot.chat.UserForgetting} port through which /forget-me reaches what other parts
 * keep about a user in memory. Knows nothing of JDA or terminals: its replies are
 * {@code text.RichText}, our words kept apart from outside words, which each adapter renders for its
 * own markup. Depends on {@code recommend}, {@code training}, {@code library}, {@code store},
 * {@code taste}, {@code features}, {@code text} and {@code fairuse} (the limits its {@code FairUse}
 * puts on expensive commands), sees Spotify only through its own
 * {@code SpotifyAccounts} port, and logs through SLF4J.
 */
package dev.tastebot.chat;
