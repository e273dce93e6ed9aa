package dev.hearth.core.dice;

/** What happened to a die (or a group member) in a roll; a die may carry several. */
public enum DieState {
    /** Kept by a keep/drop modifier; only marked where there is one. */
    KEPT,
    /** Dropped by a keep/drop modifier: it neither adds nor counts. */
    DROPPED,
    /** Its face triggered an explosion: the next die in the list was rolled because of it. */
    EXPLODED,
    /** Rolled because the die before it exploded. */
    ADDED,
    /** A penetrating explosion's added die: it counts one less than its face. */
    PENETRATED,
    /** A compounding die: its value is the sum of the faces in {@code compounded}. */
    COMPOUNDED,
    /** Rerolled: the faces it replaced are in {@code rerolled}. */
    REROLLED,
    /** Its value was raised by min or lowered by max; {@code face} has what it showed. */
    CLAMPED,
    /** Counted +1. */
    SUCCESS,
    /** Counted -1. */
    FAILURE
}
