/**
 * The Telegram adapter: the Bot API through TelegramBots (long polling and its OkHttp client),
 * translated to and from the platform-neutral {@link dev.tastebot.chat.ChatService}. Commands come
 * as text ({@code /will_i_like}, {@code /cmd@BotName} in groups), songs are rated with inline
 * keyboard buttons or 👍/👎 message reactions, a song is picked among several matches with a button,
 * replies are rendered as Telegram HTML with outside text escaped, and daily messages go out as
 * private messages ({@link dev.tastebot.telegram.TelegramBot}
 * is an {@link dev.tastebot.chat.Outbox}). Every user's updates go through the shared
 * {@link dev.tastebot.chat.UserLanes} in the order Telegram delivered them. Commands, their options and
 * the menu come from the catalogue ({@code chat.ChatCommands}). Depends on {@code chat}, {@code text},
 * {@code config}, {@code fairuse} (how often a flooding user is told to slow down), TelegramBots,
 * OkHttp, Jackson and SLF4J; nothing in tastebot depends on it except the composition root.
 */
package dev.tastebot.telegram;
