package dev.hearth.core.combat;

/**
 * A combatant's place in the order. Higher goes first; ties go to the higher modifier, then the
 * higher roll-off (a d20 drawn when the initiative was, and recorded with it), then to whoever
 * joined first.
 */
public record Initiative(int value, int rollOff) {}
