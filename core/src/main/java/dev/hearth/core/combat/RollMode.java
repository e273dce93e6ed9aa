package dev.hearth.core.combat;

/** One d20, or two keeping the higher (advantage) or the lower (disadvantage). */
public enum RollMode {
    NORMAL, ADVANTAGE, DISADVANTAGE
}
