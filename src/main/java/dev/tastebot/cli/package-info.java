/**
 * Command-line plumbing: declared commands and options, the parser that checks arguments against
 * them, usage text, exit codes and the {@link dev.tastebot.cli.CommandHandler} that commands
 * implement. Depends on nothing else in tastebot.
 */
package dev.tastebot.cli;
