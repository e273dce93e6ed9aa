package dev.hearth.core.access;

import java.util.Locale;
import java.util.Optional;

/** What a member is at a campaign's table. Every member has exactly one role. */
public enum Role {
    /** Runs the game; a campaign has one or more (co-)GMs, among them its owner. */
    GM,
    /** Plays: may act on the table (draw, move tokens) but not run it. */
    PLAYER,
    /** Watches: sees what players see and changes nothing. */
    SPECTATOR;

    /** The name in the API and the database: {@code gm}, {@code player}, {@code spectator}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role with this {@link #id()}, exactly (no case folding, no trimming). */
    public static Optional<Role> byId(String id) {
        for (Role role : values()) {
            if (role.id().equals(id)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
