package dev.hearth.core.combat;

/** The SRD's fourteen conditions. Exhaustion has levels and is kept apart, on {@link Creature#exhaustion()}. */
public enum Condition {
    BLINDED, CHARMED, DEAFENED, FRIGHTENED, GRAPPLED, INCAPACITATED, INVISIBLE, PARALYZED, PETRIFIED, POISONED,
    PRONE, RESTRAINED, STUNNED, UNCONSCIOUS
}
