/**
 * The terminal adapter: reads typed commands and reactions, prints replies, and is the console's
 * {@link dev.tastebot.chat.Outbox} for daily messages. A thin layer over {@code chat}; depends on
 * nothing else but {@code library} for the size limit of an import.
 */
package dev.tastebot.console;
