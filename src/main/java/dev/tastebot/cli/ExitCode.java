package dev.tastebot.cli;

/** The process exit codes tastebot uses; scripts can tell bad input apart from a failure. */
public enum ExitCode {
    /** The command did what was asked. */
    OK(0),
    /** The command failed while running: a network, database or other runtime failure. */
    FAILURE(1),
    /** The arguments, options or configuration were wrong; nothing was attempted. */
    USAGE(2);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
