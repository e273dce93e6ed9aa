package dev.hearth.core.combat;

/** The two moments of a combatant's turn at which timers count and effects trigger. */
public enum TurnBoundary {
    START, END
}
