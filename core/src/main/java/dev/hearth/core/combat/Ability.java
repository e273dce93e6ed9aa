package dev.hearth.core.combat;

/** The six abilities, for saving throws. */
public enum Ability {
    STRENGTH, DEXTERITY, CONSTITUTION, INTELLIGENCE, WISDOM, CHARISMA
}
