package dev.hearth.server.auth;

import dev.hearth.store.jdbc.JdbcEventStore;
import dev.hearth.server.secrets.TestBoxes;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;

/**
 * Accounts and tokens for tests: production behaviour, but cheap Argon2 parameters (the parameters
 * themselves are tested in {@code PasswordHasherTest}), so that a test does not spend 100 ms a hash.
 */
public record TestAuth(Authentication auth, SigningKeyRing keys) {

    public static final PasswordHashParameters CHEAP_HASH = new PasswordHashParameters(64, 1, 1);

    public static AuthSettings settings() {
        return new AuthSettings("hearth-test", "hearth-test-api", Duration.ofMinutes(15), Duration.ofDays(7),
                List.of(), true, CHEAP_HASH, 5);
    }

    public static TestAuth on(JdbcEventStore store, Path dir, InstantSource clock) {
        return on(store, dir, clock, settings());
    }

    public static TestAuth on(JdbcEventStore store, Path dir, InstantSource clock, AuthSettings settings) {
        SigningKeyRing keys = SigningKeyRing.open(dir.resolve("signing-keys.json"), TestBoxes.keptIn(dir), Duration.ofDays(30),
                settings.accessTokenTtl().plus(AccessTokens.LEEWAY), clock);
        return new TestAuth(new Authentication(store.accounts(), store.campaigns(), keys, settings, clock), keys);
    }
}
