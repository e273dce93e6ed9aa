package dev.hearth.store.accounts;

/** What {@link AccountStore#rotate} did with a presented refresh token. */
public sealed interface Rotation {

    /** The token was current: it is now replaced by the new one, in the same sign-in. */
    record Rotated(String accountId, String signInId) implements Rotation {}

    /**
     * The token had been rotated already, so two parties hold the family: the whole sign-in is
     * revoked and the new token was not stored.
     */
    record Reused(String accountId, String signInId) implements Rotation {}

    /** No such token, or it expired, or its sign-in was revoked; nothing changed. */
    record Rejected() implements Rotation {}
}
