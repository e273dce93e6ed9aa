package dev.hearth.store.campaigns;

import java.time.Instant;
import java.util.Objects;

/**
 * A campaign: a group that plays together, with members and game sessions.
 *
 * @param ownerId the account that owns it; always one of its GMs
 */
public record Campaign(String id, String name, String ownerId, Instant createdAt) {

    public Campaign {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
