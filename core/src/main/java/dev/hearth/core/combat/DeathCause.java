package dev.hearth.core.combat;

/** Why a creature died. */
public enum DeathCause {
    /** A monster or NPC reduced to 0 hit points. */
    ZERO_HP,
    /** Damage left over after reaching 0 was at least the creature's maximum. */
    MASSIVE_DAMAGE,
    /** Three failed death saves. */
    DEATH_SAVES,
    /** Exhaustion level 6. */
    EXHAUSTION,
    /** A GM's override. */
    OVERRIDE
}
