package dev.hearth.core.combat;

import java.util.List;
import java.util.Optional;

/**
 * What happened in a fight, as the log records it. Every number drawn at random is in an event,
 * so {@link Combat#apply} never rolls.
 *
 * <p>Each event is about the whole encounter, one combatant or one creature, so that its
 * visibility ({@link CombatVisibility}) can follow that subject: events about a hidden combatant
 * are the GMs' only. Events that carry exact hit points ({@link ExactHp}) reach players only for
 * the party and revealed combatants; for the rest, decide follows them with a number-free
 * {@link HealthShown} or {@link CombatantShown} for everyone, which apply ignores.
 */
public sealed interface CombatEvent {

    /** Events that carry a creature's exact hit points. */
    sealed interface ExactHp extends CombatEvent {}

    // --- Encounter --------------------------------------------------------------------------

    record EncounterStarted() implements CombatEvent {}

    record EncounterEnded() implements CombatEvent {}

    /** Recorded first by every command that changes anything: the point {@link Undone} returns to. */
    record Checkpoint() implements CombatEvent {}

    /** The state returns to the last checkpoint. */
    record Undone() implements CombatEvent {}

    record RoundStarted(int round) implements CombatEvent {}

    // --- Combatants and the order -----------------------------------------------------------

    record CombatantAdded(Combatant combatant) implements ExactHp {}

    /** What players may know of a combatant whose hit points they may not see. Apply ignores it. */
    record CombatantShown(String combatantId, String name, CombatantKind kind, Optional<String> ownerUserId,
            List<MemberShown> members) implements CombatEvent {
        public CombatantShown {
            members = List.copyOf(members);
        }
    }

    /** One member as players see it: its exact hit points only if they are public (a PC, or revealed). */
    record MemberShown(String creatureId, String name, Health health, Optional<HitPoints> hp) {}

    record CombatantRemoved(String combatantId) implements CombatEvent {}

    record Revealed(String combatantId) implements CombatEvent {}

    /** Players see these members' exact hit points from now on; the numbers are for the feed. */
    record HpRevealed(String combatantId, List<MemberHp> members) implements ExactHp {
        public HpRevealed {
            members = List.copyOf(members);
        }
    }

    record MemberHp(String creatureId, HitPoints hp) {}

    /**
     * An initiative, rolled (the d20s drawn, and the modifier added) or set by hand (no d20s, and
     * {@code value} as given). The roll-off decides ties; see {@link Initiative}.
     */
    record InitiativeDetermined(String combatantId, int value, List<Integer> d20s, int modifier, int rollOff)
            implements CombatEvent {
        public InitiativeDetermined {
            d20s = List.copyOf(d20s);
        }
    }

    /** Moved by the GM to just ahead of another combatant, or to the end. */
    record Moved(String combatantId, Optional<String> aheadOf) implements CombatEvent {}

    /**
     * Whose turn it is, and whom to tell.
     *
     * @param resumed the turn of a combatant a delayer cut into: its start was already counted
     */
    record TurnStarted(String combatantId, Optional<String> ownerUserId, int round, boolean resumed)
            implements CombatEvent {}

    record TurnEnded(String combatantId) implements CombatEvent {}

    /** Who is next after the current turn, so their player can get ready. Apply ignores it. */
    record OnDeck(String combatantId, Optional<String> ownerUserId) implements CombatEvent {}

    /** The GM moved the turn marker back; no timers count. */
    record TurnRewound(String combatantId, int round) implements CombatEvent {}

    record Delayed(String combatantId) implements CombatEvent {}

    /** A delayer back in the order just ahead of {@code aheadOf} (end of the order if empty), taking its initiative. */
    record ReEntered(String combatantId, Optional<String> aheadOf, int initiative, boolean now)
            implements CombatEvent {}

    record ActionReadied(String combatantId, String trigger) implements CombatEvent {}

    record ReadyResolved(String combatantId, ReadyOutcome outcome) implements CombatEvent {}

    // --- Hit points -------------------------------------------------------------------------

    /**
     * Damage as taken: {@code amount} asked, {@code taken} after resistance, vulnerability or
     * immunity; temporary hit points absorb first; the result in {@code hp}.
     */
    record Damaged(String creatureId, int amount, DamageType type, boolean critical, int taken, HitPoints hp)
            implements ExactHp {}

    record Healed(String creatureId, int amount, HitPoints hp) implements ExactHp {}

    record TempHpGranted(String creatureId, int amount, HitPoints hp) implements ExactHp {}

    record Overridden(String creatureId, HitPoints hp, DeathSaves deathSaves, boolean dead) implements ExactHp {}

    /** What players may see of a creature's health after a change they may not see exactly. Apply ignores it. */
    record HealthShown(String creatureId, Health health) implements CombatEvent {}

    // --- Death ------------------------------------------------------------------------------

    /** A dying PC's turn started: a death save is due. Apply ignores it. */
    record DeathSaveDue(String creatureId) implements CombatEvent {}

    record DeathSaveRolled(String creatureId, int d20, DeathSaves deathSaves) implements CombatEvent {}

    /** Damage at 0 hit points: one failure, two for a critical hit. The creature is no longer stable. */
    record DeathSavesFailed(String creatureId, int failures, DeathSaves deathSaves) implements CombatEvent {}

    record Stabilized(String creatureId) implements CombatEvent {}

    record Died(String creatureId, DeathCause cause) implements CombatEvent {}

    // --- Concentration ----------------------------------------------------------------------

    record ConcentrationStarted(String creatureId, String effect) implements CombatEvent {}

    /** The creature took damage while concentrating: DC max(10, half the damage taken). */
    record ConcentrationCheckDue(String creatureId, int dc) implements CombatEvent {}

    record ConcentrationChecked(String creatureId, int dc, SaveRoll roll, boolean success) implements CombatEvent {}

    record ConcentrationEnded(String creatureId, String effect, EndReason reason) implements CombatEvent {}

    // --- Conditions and effects -------------------------------------------------------------

    record ConditionApplied(String creatureId, AppliedCondition applied) implements CombatEvent {}

    /** Its timer ran out at a turn boundary. */
    record ConditionExpired(String creatureId, Condition condition) implements CombatEvent {}

    record ConditionEnded(String creatureId, Condition condition, EndReason reason) implements CombatEvent {}

    /** The end of the creature's turn: a save against a condition that lasts until one succeeds. Apply ignores it. */
    record SaveDue(String creatureId, Condition condition, int dc, Ability ability) implements CombatEvent {}

    record SaveResolved(String creatureId, Condition condition, int dc, SaveRoll roll, boolean success)
            implements CombatEvent {}

    record ExhaustionChanged(String creatureId, int level) implements CombatEvent {}

    record EffectAdded(String creatureId, TurnEffect effect) implements CombatEvent {}

    record EffectRemoved(String creatureId, String name) implements CombatEvent {}

    /** A turn effect's moment came; the GM applies what it says. Apply ignores it. */
    record EffectTriggered(String creatureId, TurnEffect effect) implements CombatEvent {}
}
