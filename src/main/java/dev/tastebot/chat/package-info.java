/**
 * The platform-neutral chat bot: commands, rating sessions, reactions and the replies they produce.
 * Knows nothing of JDA or terminals; depends on {@code training}, {@code store}, {@code taste} and
 * {@code features}.
 */
package dev.tastebot.chat;
