package dev.hearth.core.combat;

/** The SRD's thirteen damage types. */
public enum DamageType {
    ACID, BLUDGEONING, COLD, FIRE, FORCE, LIGHTNING, NECROTIC, PIERCING, POISON, PSYCHIC, RADIANT, SLASHING, THUNDER
}
