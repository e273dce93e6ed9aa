package dev.hearth.core.table;

import java.util.Optional;

/** Who sees a roll's result. The roller always learns that they rolled; see {@link Table#visibility}. */
public enum DiceMode {
    /** Everyone at the table. */
    PUBLIC("public"),
    /** The GMs and the roller. */
    GM("gm"),
    /** Only the GMs: the roller sees that a roll happened ({@link TableEvent.DiceHidden}), not its result. */
    BLIND("blind"),
    /** Only the roller. */
    SELF("self");

    private final String id;

    DiceMode(String id) {
        this.id = id;
    }

    /** The name on the wire. */
    public String id() {
        return id;
    }

    public static Optional<DiceMode> byId(String id) {
        for (DiceMode mode : values()) {
            if (mode.id.equals(id)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
