/**
 * The Discord adapter: slash commands, reactions, button presses and replies translated between JDA 6
 * and the platform-neutral {@link dev.tastebot.chat.ChatService}; replies rendered as Discord Markdown
 * with outside text escaped, a choice among matches as buttons ({@link dev.tastebot.discord.ChoiceButtons}). Depends on {@code chat}, {@code text}, {@code config}, {@code fairuse} (its
 * rate limiter times the notices to users) and JDA; nothing else in tastebot depends on it except the
 * composition root.
 */
package dev.tastebot.discord;
