/**
 * The platform-neutral chat bot. {@link dev.tastebot.chat.ChatCommands} declares every command once
 * (name, summary, options, who may use it, whether its answer is private, whether it posts songs):
 * Discord's registration, Telegram's command menu, the console's parser ({@link
 * dev.tastebot.chat.TextArguments} for text platforms) and {@code /help} read it. {@link
 * dev.tastebot.chat.ChatCore} hands each command to the class that answers it ({@code *Command},
 * {@link dev.tastebot.chat.RatingSessions}) and reactions to {@link dev.tastebot.chat.Reactions}.
 * Also here: daily messages prepared for an {@link dev.tastebot.chat.Outbox} (the port adapters
 * implement to speak first), the {@link dev.tastebot.chat.UserLanes} through which every adapter
 * hands the core a user's events one at a time, in the platform's order, and the {@link
 * dev.tastebot.chat.UserForgetting} port through which /forget-me reaches what other parts keep
 * about a user in memory.
 *
 * <p>Knows nothing of JDA, Telegram or terminals: its replies are {@code text.RichText}, our words
 * kept apart from outside words, which each adapter renders for its own markup. Depends on
 * {@code recommend}, {@code training}, {@code library}, {@code store}, {@code taste},
 * {@code features}, {@code text} and {@code fairuse} (the limits its {@code FairUse} puts on
 * expensive commands), sees Spotify only through its own {@code SpotifyAccounts} port, and logs
 * through SLF4J.
 */
package dev.tastebot.chat;
