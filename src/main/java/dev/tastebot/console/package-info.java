/**
 * The terminal adapter: reads typed commands and reactions, prints replies as plain text with
 * nothing a terminal would obey, and is the console's {@link dev.tastebot.chat.Outbox} for daily
 * messages. A thin layer over {@code chat}; depends on nothing else but {@code text} and
 * {@code library} for the size limit of an import.
 */
package dev.tastebot.console;
