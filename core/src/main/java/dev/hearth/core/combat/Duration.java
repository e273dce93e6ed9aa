package dev.hearth.core.combat;

import java.util.Objects;
import java.util.Optional;

/** How long a condition lasts, as the GM asked for it. */
public sealed interface Duration {

    /**
     * A number of rounds, counted each time a boundary of one combatant's turn passes.
     *
     * @param countedOn the combatant whose turns count; empty for the applier's (if named) or else the target's
     */
    record Rounds(int rounds, Optional<String> countedOn, TurnBoundary at) implements Duration {
        public Rounds {
            Objects.requireNonNull(countedOn, "countedOn");
            Objects.requireNonNull(at, "at");
        }
    }

    /** Until the end of the affected creature's next turn (not the current one, if it is acting now). */
    record UntilEndOfNextTurn() implements Duration {}

    /** Until a successful save; one is prompted ({@code SaveDue}) at the end of each of the creature's turns. */
    record UntilSave(int dc, Ability ability) implements Duration {
        public UntilSave {
            Objects.requireNonNull(ability, "ability");
        }
    }

    /** Until someone ends it. */
    record Indefinite() implements Duration {}
}
