package dev.tastebot.store;

/**
 * Persistence failed. Unchecked because callers can rarely repair a storage failure where it
 * happens; the message says what was being done so the chat layer can report it plainly.
 */
public class StoreException extends RuntimeException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
