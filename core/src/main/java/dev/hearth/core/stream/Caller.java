package dev.hearth.core.stream;

import dev.hearth.core.access.Role;
import java.util.Objects;

/** Who sent a command, as the edge authenticated them, with their role at this table. */
public record Caller(String userId, String displayName, Role role) {

    public Caller {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(role, "role");
    }
}
