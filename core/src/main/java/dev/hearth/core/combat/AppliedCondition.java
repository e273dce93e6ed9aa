package dev.hearth.core.combat;

import java.util.Objects;
import java.util.Optional;

/**
 * A condition on a creature: what was asked ({@code duration}) and, for timed ones, the countdown
 * decided when it was applied, so that replay never recomputes it from a later state.
 */
public record AppliedCondition(Condition condition, Duration duration, Optional<ConditionTimer> timer,
        Optional<String> appliedBy) {

    public AppliedCondition {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(timer, "timer");
        Objects.requireNonNull(appliedBy, "appliedBy");
    }

    AppliedCondition tick(String combatantId, TurnBoundary at) {
        return timer.filter(t -> t.combatantId().equals(combatantId) && t.at() == at)
                .map(t -> new AppliedCondition(condition, duration, Optional.of(t.tick()), appliedBy))
                .orElse(this);
    }

    boolean expired() {
        return timer.map(t -> t.remaining() == 0).orElse(false);
    }
}
