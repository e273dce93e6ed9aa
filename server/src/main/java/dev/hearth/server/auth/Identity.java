package dev.hearth.server.auth;

import dev.hearth.store.accounts.Account;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Who a long-lived connection is, and until when: the account, the sign-in its access token belongs
 * to (so that ending the sign-in ends the connection), and when the token expires (the connection
 * must re-authenticate in-band before then). Local mode's user has neither.
 */
public record Identity(Account account, Optional<String> signInId, Optional<Instant> expiresAt) {

    public Identity {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(signInId, "signInId");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public static Identity local(Account account) {
        return new Identity(account, Optional.empty(), Optional.empty());
    }
}
