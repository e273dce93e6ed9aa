package dev.hearth.core.combat;

/**
 * What a combatant is. Only player characters make death saves and fall unconscious at 0 HP; the
 * others die there. Players always see the exact hit points of player characters (the party).
 */
public enum CombatantKind {
    /** A player character: one creature, linked to a character and owned by a player. */
    PC,
    /** A single non-player creature. */
    NPC,
    /** Several monsters acting on one initiative, each with its own hit points. */
    MONSTER_GROUP
}
