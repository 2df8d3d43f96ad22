package dev.tastebot.cli;

import java.io.PrintStream;

/**
 * The implementation of one command. It runs the command to completion (for {@code run}: until
 * the bot shuts down) and returns an {@link ExitCode}'s code. Results go to {@code out}, which
 * stays machine-readable (logs go to stderr); messages for the user go to {@code err}. For bad
 * input it finds itself it may throw {@link UsageException}, which exits with {@link ExitCode#USAGE}.
 */
@FunctionalInterface
public interface CommandHandler {
    int run(ParsedCommand command, PrintStream out, PrintStream err);
}
