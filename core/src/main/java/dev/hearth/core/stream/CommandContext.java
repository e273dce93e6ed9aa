package dev.hearth.core.stream;

import java.time.Instant;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Everything a decision may know about the world: who asks, who else is a member, what time it
 * is, and where dice come from. Tests fix it; nothing in the core reads a clock or rolls on its own.
 *
 * @param random the only source of chance: the server passes a {@code SecureRandom}, tests a seeded
 *     generator. Only decide draws from it, and every draw is recorded in an event, so replaying
 *     the log never rolls again.
 */
public record CommandContext(Caller caller, Roster roster, Instant now, RandomGenerator random) {

    public CommandContext {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(roster, "roster");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(random, "random");
    }
}
