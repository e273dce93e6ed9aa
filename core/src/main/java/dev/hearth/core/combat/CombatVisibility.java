package dev.hearth.core.combat;

import dev.hearth.core.combat.CombatEvent.*;
import dev.hearth.core.stream.Visibility;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Who may receive a combat event, judged on the state just before it (the server folds events one
 * at a time, so it has that state). Three answers:
 *
 * <ul>
 *   <li>the GMs only, for anything that names a combatant hidden at that moment (or one the state
 *       does not know), and for {@code Checkpoint}, which is bookkeeping;
 *   <li>the GMs and the owner, for an {@link CombatEvent.ExactHp} event about a creature whose hit
 *       points are not public (not a PC, not revealed); decide follows each of those with a
 *       number-free {@code HealthShown} or {@code CombatantShown} for everyone;
 *   <li>everyone, for the rest.
 * </ul>
 *
 * So a player never receives an event naming a hidden combatant or an unrevealed exact HP. The
 * events a player does not receive are summed up by {@link EncounterView}, which the server sends
 * on join and resume, and after any change a player cannot follow from events alone.
 */
public final class CombatVisibility {

    static final Visibility GMS = new Visibility.GmsAnd(Set.of());

    private CombatVisibility() {}

    public static Visibility of(CombatEvent event, Encounter before) {
        return switch (event) {
            case EncounterStarted e -> Visibility.EVERYONE;
            case EncounterEnded e -> Visibility.EVERYONE;
            case Checkpoint e -> GMS;
            case Undone e -> Visibility.EVERYONE;
            case RoundStarted e -> Visibility.EVERYONE;
            case CombatantAdded e -> e.combatant().hidden() ? GMS
                    : e.combatant().hpPublic() ? Visibility.EVERYONE : owners(e.combatant());
            case CombatantShown e -> about(before, e.combatantId());
            case CombatantRemoved e -> about(before, e.combatantId());
            case Revealed e -> Visibility.EVERYONE;
            case HpRevealed e -> about(before, e.combatantId());
            case InitiativeDetermined e -> about(before, e.combatantId());
            case Moved e -> about(before, Stream.concat(Stream.of(e.combatantId()), e.aheadOf().stream()));
            case TurnStarted e -> about(before, e.combatantId());
            case TurnEnded e -> about(before, e.combatantId());
            case OnDeck e -> about(before, e.combatantId());
            case TurnRewound e -> about(before, e.combatantId());
            case Delayed e -> about(before, e.combatantId());
            case ReEntered e -> about(before, Stream.concat(Stream.of(e.combatantId()), e.aheadOf().stream()));
            case ActionReadied e -> about(before, e.combatantId());
            case ReadyResolved e -> about(before, e.combatantId());
            case Damaged e -> exact(before, e.creatureId());
            case Healed e -> exact(before, e.creatureId());
            case TempHpGranted e -> exact(before, e.creatureId());
            case Overridden e -> exact(before, e.creatureId());
            case HealthShown e -> aboutCreature(before, e.creatureId());
            case DeathSaveDue e -> aboutCreature(before, e.creatureId());
            case DeathSaveRolled e -> aboutCreature(before, e.creatureId());
            case DeathSavesFailed e -> aboutCreature(before, e.creatureId());
            case Stabilized e -> aboutCreature(before, e.creatureId());
            case Died e -> aboutCreature(before, e.creatureId());
            case ConcentrationStarted e -> aboutCreature(before, e.creatureId());
            case ConcentrationCheckDue e -> aboutCreature(before, e.creatureId());
            case ConcentrationChecked e -> aboutCreature(before, e.creatureId());
            case ConcentrationEnded e -> aboutCreature(before, e.creatureId());
            // A condition names its source and the combatant whose turns time it; either may be hidden.
            case ConditionApplied e -> about(before, Stream.of(
                    before.combatantOf(e.creatureId()).map(Combatant::id).stream(),
                    e.applied().appliedBy().stream(),
                    e.applied().timer().map(ConditionTimer::combatantId).stream(),
                    e.applied().duration() instanceof Duration.Rounds r ? r.countedOn().stream() : Stream.<String>empty())
                    .flatMap(s -> s), before.combatantOf(e.creatureId()).isPresent());
            case ConditionExpired e -> aboutCreature(before, e.creatureId());
            case ConditionEnded e -> aboutCreature(before, e.creatureId());
            case SaveDue e -> aboutCreature(before, e.creatureId());
            case SaveResolved e -> aboutCreature(before, e.creatureId());
            case ExhaustionChanged e -> aboutCreature(before, e.creatureId());
            case EffectAdded e -> aboutCreature(before, e.creatureId());
            case EffectRemoved e -> aboutCreature(before, e.creatureId());
            case EffectTriggered e -> aboutCreature(before, e.creatureId());
        };
    }

    private static Visibility about(Encounter before, String combatantId) {
        return about(before, Stream.of(combatantId));
    }

    private static Visibility about(Encounter before, Stream<String> combatantIds) {
        return about(before, combatantIds, true);
    }

    /** Everyone, if every named combatant is known and none is hidden; else the GMs only. */
    private static Visibility about(Encounter before, Stream<String> combatantIds, boolean known) {
        boolean open = known && combatantIds.allMatch(id -> before.combatant(id).filter(c -> !c.hidden()).isPresent());
        return open ? Visibility.EVERYONE : GMS;
    }

    private static Visibility aboutCreature(Encounter before, String creatureId) {
        Optional<Combatant> owner = before.combatantOf(creatureId);
        return owner.isPresent() && !owner.get().hidden() ? Visibility.EVERYONE : GMS;
    }

    private static Visibility exact(Encounter before, String creatureId) {
        return before.combatantOf(creatureId)
                .map(c -> c.hidden() ? GMS : c.hpPublic() ? Visibility.EVERYONE : owners(c))
                .orElse(GMS);
    }

    private static Visibility owners(Combatant combatant) {
        return new Visibility.GmsAnd(combatant.ownerUserId().map(Set::of).orElse(Set.of()));
    }
}
