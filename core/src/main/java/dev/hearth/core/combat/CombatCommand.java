package dev.hearth.core.combat;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What may be asked of the combat tracker. Commands about turn order name a combatant; commands
 * about hit points, conditions and saves name a creature (for a PC or NPC the same id). Who may
 * send each is said on it; a GM may send any, a spectator none.
 */
public sealed interface CombatCommand {

    /** GM. Opens a new encounter (the previous one, if ended, is discarded). */
    record StartEncounter() implements CombatCommand {}

    /** GM. */
    record EndEncounter() implements CombatCommand {}

    /**
     * GM. Adds a combatant at the end of the order, without initiative.
     *
     * @param maxHp one maximum per member: exactly one for a PC or NPC, 1-50 for a monster group
     * @param ownerUserId required for a PC; optional otherwise (a player's summons)
     * @param characterId required for a PC, absent otherwise
     */
    record AddCombatant(String name, CombatantKind kind, Optional<String> ownerUserId, Optional<String> characterId,
            int initiativeModifier, List<Integer> maxHp, Map<DamageType, Defense> defenses, boolean hidden)
            implements CombatCommand {
        public AddCombatant {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(ownerUserId, "ownerUserId");
            Objects.requireNonNull(characterId, "characterId");
            maxHp = List.copyOf(maxHp);
            defenses = Map.copyOf(defenses);
        }
    }

    /** GM. */
    record RemoveCombatant(String combatantId) implements CombatCommand {}

    /**
     * GM, or a player for their own combatant. Rolls d20 + modifier.
     *
     * @param combatantId empty (GM only): everyone in the order who has no initiative yet
     */
    record RollInitiative(Optional<String> combatantId, RollMode mode) implements CombatCommand {}

    /** GM, or a player for their own combatant: an initiative rolled at the table, -100 to 100. */
    record SetInitiative(String combatantId, int initiative) implements CombatCommand {}

    /** GM. Moves a combatant to a position in the order (0 first), whatever its initiative. */
    record MoveCombatant(String combatantId, int position) implements CombatCommand {}

    /** GM, or the owner of the combatant whose turn it is: ends the turn and starts the next (or round 1). */
    record NextTurn() implements CombatCommand {}

    /** GM. Moves the turn marker back one; nothing is counted or undone (that is {@link Undo}). */
    record PreviousTurn() implements CombatCommand {}

    /** GM or owner, on the combatant's turn: it leaves the order, and the next combatant's turn starts. */
    record Delay(String combatantId) implements CombatCommand {}

    /**
     * GM or owner: a delaying combatant comes back, with the initiative of the one it goes ahead of.
     *
     * @param aheadOf empty for "now": it acts at once, ahead of whoever's turn it is
     */
    record ReEnter(String combatantId, Optional<String> aheadOf) implements CombatCommand {}

    /** GM or owner, on the combatant's turn: holds an action until a trigger (1-200 characters). */
    record Ready(String combatantId, String trigger) implements CombatCommand {}

    /** GM: the readied action was taken, or lapsed. */
    record ResolveReady(String combatantId, ReadyOutcome outcome) implements CombatCommand {}

    /** GM: a hidden combatant becomes visible to everyone. */
    record Reveal(String combatantId) implements CombatCommand {}

    /** GM: players see the exact hit points of this combatant's members from now on. */
    record RevealHp(String combatantId) implements CombatCommand {}

    /** GM, or a player to their own PC. 0 to 1,000,000 before defenses. */
    record Damage(String creatureId, int amount, DamageType type, boolean critical) implements CombatCommand {}

    /** GM, or a player to their own PC. */
    record Heal(String creatureId, int amount) implements CombatCommand {}

    /** GM, or a player to their own PC. Keeps the higher of old and new; never stacks. */
    record GrantTempHp(String creatureId, int amount) implements CombatCommand {}

    /** GM or owner: the server rolls the d20. */
    record RollDeathSave(String creatureId) implements CombatCommand {}

    /** GM: a dying creature becomes stable (Medicine, spare the dying). */
    record Stabilize(String creatureId) implements CombatCommand {}

    /** GM or owner. Replaces any concentration already held. */
    record StartConcentration(String creatureId, String effect) implements CombatCommand {}

    /** GM or owner. */
    record EndConcentration(String creatureId) implements CombatCommand {}

    /** GM or owner: resolves the oldest concentration check due (CON save). */
    record ResolveConcentration(String creatureId, SaveInput save) implements CombatCommand {}

    /**
     * GM.
     *
     * @param appliedBy the combatant whose effect it is; its turns count a {@link Duration.Rounds} by default
     */
    record ApplyCondition(String creatureId, Condition condition, Duration duration, Optional<String> appliedBy)
            implements CombatCommand {}

    /** GM. */
    record EndCondition(String creatureId, Condition condition) implements CombatCommand {}

    /** GM or owner: a save against a condition that lasts until one succeeds. */
    record ResolveSave(String creatureId, Condition condition, SaveInput save) implements CombatCommand {}

    /** GM. 0 to 6; 6 kills. */
    record SetExhaustion(String creatureId, int level) implements CombatCommand {}

    /** GM. Names are unique per creature. */
    record AddEffect(String creatureId, TurnEffect effect) implements CombatCommand {}

    /** GM. */
    record RemoveEffect(String creatureId, String name) implements CombatCommand {}

    /**
     * GM: sets fields outright, with none of the rules' consequences (no death, no unconsciousness).
     * Empty fields stay as they are.
     */
    record GmOverride(String creatureId, Optional<Integer> hp, Optional<Integer> maxHp, Optional<Integer> tempHp,
            Optional<DeathSaves> deathSaves, Optional<Boolean> dead) implements CombatCommand {}

    /** GM: takes back the last command that changed anything (up to {@link Encounter#UNDO_DEPTH}). */
    record Undo() implements CombatCommand {}
}
