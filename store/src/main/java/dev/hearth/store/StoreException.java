package dev.hearth.store;

/** The store could not do what was asked because of the database, not because of the request. */
public class StoreException extends RuntimeException {

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
