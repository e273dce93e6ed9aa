package dev.hearth.store;

/** The write queue is full: the caller should back off and retry, or shed load. */
public final class StoreOverloadedException extends StoreException {

    public StoreOverloadedException(String message) {
        super(message);
    }
}
