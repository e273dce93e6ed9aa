package dev.hearth.store.campaigns;

import dev.hearth.core.access.Role;
import java.util.Objects;

/** One campaign an account belongs to, and its role there. */
public record Membership(Campaign campaign, Role role) {

    public Membership {
        Objects.requireNonNull(campaign, "campaign");
        Objects.requireNonNull(role, "role");
    }
}
