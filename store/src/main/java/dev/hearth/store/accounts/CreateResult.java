package dev.hearth.store.accounts;

/** What {@link AccountStore#create} did. */
public sealed interface CreateResult {

    /** The account was stored. */
    record Created(Account account) implements CreateResult {}

    /** Another account has this username, ignoring case; nothing was stored. */
    record UsernameTaken(String username) implements CreateResult {}
}
