package dev.tastebot.cli;

import java.io.Console;
import java.io.PrintStream;

/**
 * Progress of long work on standard error: on a terminal one line redrawn in place with {@code \r};
 * anywhere else (a file, a pipe, CI's log) a line per step, since a carriage return there only
 * piles every step onto one unreadable line.
 */
public final class ProgressLine {
    private final PrintStream err;
    private final boolean terminal;
    private int lastLength;
    private boolean shown;

    public ProgressLine(PrintStream err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    /** Redraws in place only when {@code err} is this process's own standard error and that is a terminal. */
    public static ProgressLine on(PrintStream err) {
        Console console = System.console();
        return new ProgressLine(err, err == System.err && console != null && console.isTerminal());
    }

    /** Safe from several threads: parallel folds report as they finish. */
    public synchronized void show(String progress) {
        if (terminal) {
            // Blanks cover what a longer previous step left on the line.
            err.print("\r" + progress + " ".repeat(Math.max(0, lastLength - progress.length())));
            lastLength = progress.length();
            shown = true;
        } else {
            err.println(progress);
        }
        err.flush();
    }

    /** Ends the redrawn line, so what is printed next starts on its own. */
    public synchronized void end() {
        if (shown) {
            err.println();
            shown = false;
            lastLength = 0;
        }
    }
}
