package dev.hearth.server.auth;

import dev.hearth.server.http.Outcome;
import dev.hearth.store.accounts.Account;

/**
 * Registers accounts for tests of other packages, each from its own made-up address so that the
 * per-address registration limit (tested in {@code AuthApiTest}) does not slow a test with many users.
 */
public final class TestAccounts {

    /** The password of every account registered here. */
    public static final String PASSWORD = "correct horse battery";

    private TestAccounts() {}

    /** A registered account and an access token for it. */
    public record Registered(Account account, String accessToken) {
        public String id() {
            return account.id();
        }
    }

    public static Registered register(Authentication auth, String username) {
        Outcome<SignedIn> outcome = auth.register(
                new Requests.Register(username, "The " + username, PASSWORD), "test-ip-" + username);
        if (!(outcome instanceof Outcome.Done<SignedIn> done)) {
            throw new AssertionError("could not register " + username + ": " + outcome);
        }
        return new Registered(done.value().account(), done.value().accessToken());
    }
}
