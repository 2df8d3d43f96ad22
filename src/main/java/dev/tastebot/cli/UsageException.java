package dev.tastebot.cli;

import java.util.Optional;

/**
 * The command line is wrong: an unknown command or option, a missing or invalid value. The
 * message is one line meant for the user. Unchecked so that a {@link CommandHandler} can throw it
 * for bad input it finds itself (the caller turns it into {@link ExitCode#USAGE}).
 */
public final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Optional<String> command;

    /** For a problem that belongs to no particular command, such as an unknown command name. */
    public UsageException(String message) {
        super(message);
        this.command = Optional.empty();
    }

    /** For a problem with one command's arguments; the message is prefixed with the command's name. */
    public UsageException(String command, String message) {
        super(command + ": " + message);
        this.command = Optional.of(command);
    }

    /** The command whose arguments were wrong, to show that command's usage. */
    public Optional<String> command() {
        return command;
    }
}
