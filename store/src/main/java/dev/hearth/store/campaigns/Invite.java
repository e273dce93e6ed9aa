package dev.hearth.store.campaigns;

import dev.hearth.core.access.Role;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An invite to a campaign, without its code: the store keeps only the code's hash.
 *
 * @param role the role an account joins with
 * @param maxUses how many accounts may join with it; each join uses one
 * @param uses how many have joined with it
 * @param revokedAt when a GM revoked it, if one did
 */
public record Invite(String id, String campaignId, Role role, String createdBy, Instant createdAt, Instant expiresAt,
        int maxUses, int uses, Optional<Instant> revokedAt) {

    public Invite {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(revokedAt, "revokedAt");
        if (maxUses < 1 || uses < 0) {
            throw new IllegalArgumentException("an invite has maxUses >= 1 and uses >= 0, not " + maxUses + " and " + uses);
        }
    }
}
