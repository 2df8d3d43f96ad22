package dev.tastebot.store;

/**
 * Another program held the database's write lock through both attempts ({@link BusyWait}): nothing
 * of the work was written. The chat tells the user so, rather than "something went wrong".
 */
public final class DatabaseBusyException extends StoreException {
    public DatabaseBusyException(String message, Throwable cause) {
        super(message, cause);
    }
}
