package dev.hearth.core.combat;

/** How a save is resolved: the server rolls a d20 plus a modifier, or someone enters the total rolled at the table. */
public sealed interface SaveInput {

    record Rolled(int modifier, RollMode mode) implements SaveInput {
        public Rolled {
            java.util.Objects.requireNonNull(mode, "mode");
        }
    }

    record Entered(int total) implements SaveInput {}
}
