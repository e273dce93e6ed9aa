package dev.hearth.core.combat;

import dev.hearth.core.stream.Caller;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * What a combat decision may know of the world: who asks, and where dice come from. The server
 * passes a {@code SecureRandom}; tests seed or script one. Only decide draws, and every draw is
 * recorded in an event, so replaying the log never rolls again.
 */
public record CombatContext(Caller caller, RandomGenerator random) {

    public CombatContext {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(random, "random");
    }
}
