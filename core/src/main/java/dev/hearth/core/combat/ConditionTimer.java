package dev.hearth.core.combat;

import java.util.Objects;

/**
 * A condition's countdown, fixed when it was applied: it expires when {@code at} of
 * {@code combatantId}'s turn has passed {@code remaining} more times.
 */
public record ConditionTimer(String combatantId, TurnBoundary at, int remaining) {

    public ConditionTimer {
        Objects.requireNonNull(combatantId, "combatantId");
        Objects.requireNonNull(at, "at");
    }

    ConditionTimer tick() {
        return new ConditionTimer(combatantId, at, Math.max(0, remaining - 1));
    }
}
