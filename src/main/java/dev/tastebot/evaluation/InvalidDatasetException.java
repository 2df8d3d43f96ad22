package dev.tastebot.evaluation;

/**
 * A CSV file (a labelled dataset or a catalogue) that cannot be used, with a one-line message meant
 * for the person who supplied it (shown as is in the chat or on the command line). Unchecked: callers translate it at the edge.
 */
public final class InvalidDatasetException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidDatasetException(String message) {
        super(oneLine(message));
    }

    public InvalidDatasetException(String message, Throwable cause) {
        super(oneLine(message), cause);
    }

    // Messages may quote cell text or I/O errors that span lines; the user sees a single line.
    private static String oneLine(String message) {
        return message.replaceAll("\\s*\\R\\s*", " ");
    }
}
