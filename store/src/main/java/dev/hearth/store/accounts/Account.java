package dev.hearth.store.accounts;

import java.time.Instant;
import java.util.Objects;

/**
 * An account as stored. The store does not judge names or passwords: the server validates them
 * before they get here.
 *
 * @param id opaque and permanent; what tokens name as their subject
 * @param username as registered (the store compares it case-insensitively)
 * @param displayName what other people at the table see
 * @param passwordHash an encoded password hash with its parameters (the store never sees a password)
 * @param passwordChangedAt when the password was set last (registration counts)
 */
public record Account(String id, String username, String displayName, String passwordHash, Instant createdAt,
        Instant passwordChangedAt) {

    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(passwordChangedAt, "passwordChangedAt");
    }
}
