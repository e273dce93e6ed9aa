package dev.hearth.core.stream;

import java.time.Instant;
import java.util.Objects;

/**
 * Everything a decision may know about the world: who asks, who else is a member, and what time
 * it is. Tests fix it; nothing in the core reads a clock.
 */
public record CommandContext(Caller caller, Roster roster, Instant now) {

    public CommandContext {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(roster, "roster");
        Objects.requireNonNull(now, "now");
    }
}
