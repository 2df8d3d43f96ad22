/**
 * The Discord adapter: slash commands, reactions and replies translated between JDA 6 and the
 * platform-neutral {@link dev.tastebot.chat.ChatService}. Depends on {@code chat}, {@code config}
 * and JDA; nothing else in tastebot depends on it except the composition root.
 */
package dev.tastebot.discord;
