package dev.hearth.core.access;

import java.util.Objects;

/** Where an account stands in one campaign: what {@link AccessPolicy} decides on. */
public sealed interface Standing {

    /** A member, with its one role; the owner is always a GM. */
    record Member(Role role, boolean owner) implements Standing {
        public Member {
            Objects.requireNonNull(role, "role");
            if (owner && role != Role.GM) {
                throw new IllegalArgumentException("the owner of a campaign is a GM, not " + role);
            }
        }
    }

    /** Not a member (never was, left, removed or banned): the campaign does not exist for them. */
    record Outsider() implements Standing {}

    static Standing outsider() {
        return new Outsider();
    }
}
