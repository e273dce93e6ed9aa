package dev.hearth.store.campaigns;

import dev.hearth.core.access.Role;
import java.time.Instant;
import java.util.Objects;

/** A member of a campaign as listed: who, with which role, and whether they own it. */
public record Member(String accountId, String displayName, Role role, boolean owner, Instant joinedAt) {

    public Member {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(joinedAt, "joinedAt");
    }
}
