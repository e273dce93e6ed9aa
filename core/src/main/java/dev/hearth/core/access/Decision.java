package dev.hearth.core.access;

import java.util.Objects;

/** What {@link AccessPolicy} answered: allowed, or denied with a stable code and a reason for people. */
public sealed interface Decision {

    record Allowed() implements Decision {}

    record Denied(Denial code, String reason) implements Decision {
        public Denied {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(reason, "reason");
        }
    }

    default boolean allowed() {
        return this instanceof Allowed;
    }
}
