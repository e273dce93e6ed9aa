/**
 * Initiative and combat tracking by the D&D 5e SRD, as a pure decider: {@link
 * dev.hearth.core.combat.Combat#decide} turns a {@link dev.hearth.core.combat.CombatCommand} into
 * {@link dev.hearth.core.combat.CombatEvent}s or a {@link dev.hearth.core.stream.Rejection}, and
 * {@link dev.hearth.core.combat.Combat#apply} folds events into an immutable {@link
 * dev.hearth.core.combat.Encounter}. Dice come from the {@link dev.hearth.core.combat.CombatContext}
 * and are recorded in events; apply never rolls.
 *
 * <p>Map: {@code Encounter} holds the order of {@code Combatant}s (a PC, an NPC or a monster group),
 * each with its {@code Creature}s (hit points, defenses, conditions, concentration, death saves).
 * {@code OrderRules}, {@code HealthRules} and {@code ConditionRules} decide; {@code Plan} collects a
 * decision's events, applying them as it goes; {@code TurnOrder} places combatants and finds who is
 * next. {@link dev.hearth.core.combat.CombatVisibility} says who may receive each event and {@link
 * dev.hearth.core.combat.EncounterView} is the redacted state for one viewer: no hidden combatant
 * and no unrevealed exact hit points ever reach a player.
 */
package dev.hearth.core.combat;
