package dev.hearth.core.combat;

/** Why a condition or concentration ended other than by its timer (which is {@code ConditionExpired}). */
public enum EndReason {
    /** A GM or the owner ended it. */
    REMOVED,
    /** A successful save. */
    SAVED,
    /** A failed concentration check. */
    FAILED_CHECK,
    /** The creature dropped to 0 hit points or died. */
    DROPPED,
    /** Healing restored the creature's consciousness. */
    HEALED,
    /** It concentrates on something new instead. */
    REPLACED,
    /** The combatant whose turns counted its duration left the encounter. */
    TIMER_GONE
}
