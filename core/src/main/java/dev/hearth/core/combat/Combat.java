package dev.hearth.core.combat;

import dev.hearth.core.access.Role;
import dev.hearth.core.combat.CombatCommand.*;
import dev.hearth.core.combat.CombatEvent.*;
import dev.hearth.core.stream.Caller;
import dev.hearth.core.stream.Decision;
import dev.hearth.core.stream.Rejection;
import dev.hearth.core.stream.Visibility;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Initiative and combat tracking (D&D 5e SRD) as a decider: {@link #decide} turns a command into
 * events or a {@link Rejection} and changes nothing; {@link #apply} folds an event into the state
 * and is total. Dice come from the {@link CombatContext} and only decide draws them; every roll is
 * recorded in its event, so replay never rolls again.
 *
 * <p>Checks run in one order for every command: role (spectators may do nothing, players only what
 * is theirs), an encounter going on ({@code CONFLICT}), the input ({@code INVALID}, naming the
 * {@code field}), what it refers to ({@code NOT_FOUND}), ownership ({@code NOT_PERMITTED}), then the
 * state ({@code CONFLICT}). A refusal records nothing.
 */
public final class Combat {

    /** The state before any encounter. */
    public Encounter initial() {
        return Encounter.NONE;
    }

    /** The events a command causes in this state, or why it is refused. Never throws, never changes anything. */
    public Decision<CombatEvent> decide(Encounter state, CombatCommand command, CombatContext context) {
        Caller caller = context.caller();
        if (caller.role() == Role.SPECTATOR) {
            return Decision.reject(Rejection.notPermitted("Spectators watch the fight; they cannot change it."));
        }
        if (caller.role() != Role.GM && gmOnly(command)) {
            return Decision.reject(Rejection.notPermitted("Only a GM may do that."));
        }
        if (!state.active() && !(command instanceof StartEncounter) && !(command instanceof Undo)) {
            return Decision.reject(Rejection.conflict("There is no encounter going on."));
        }
        try {
            return switch (command) {
                case StartEncounter c -> OrderRules.start(state);
                case EndEncounter c -> Plan.undoable(state).emit(new EncounterEnded()).decision();
                case AddCombatant c -> OrderRules.add(state, c);
                case RemoveCombatant c -> OrderRules.remove(state, c, caller);
                case RollInitiative c -> OrderRules.rollInitiative(state, c, context);
                case SetInitiative c -> OrderRules.setInitiative(state, c, context);
                case MoveCombatant c -> OrderRules.move(state, c, caller);
                case NextTurn c -> OrderRules.nextTurn(state, caller);
                case PreviousTurn c -> OrderRules.previousTurn(state);
                case Delay c -> OrderRules.delay(state, c, caller);
                case ReEnter c -> OrderRules.reEnter(state, c, caller);
                case Ready c -> OrderRules.ready(state, c, caller);
                case ResolveReady c -> OrderRules.resolveReady(state, c, caller);
                case Reveal c -> OrderRules.reveal(state, c, caller);
                case RevealHp c -> OrderRules.revealHp(state, c, caller);
                case Damage c -> HealthRules.damage(state, c, caller);
                case Heal c -> HealthRules.heal(state, c, caller);
                case GrantTempHp c -> HealthRules.grantTempHp(state, c, caller);
                case RollDeathSave c -> HealthRules.rollDeathSave(state, c, context);
                case Stabilize c -> HealthRules.stabilize(state, c, caller);
                case StartConcentration c -> HealthRules.startConcentration(state, c, caller);
                case EndConcentration c -> HealthRules.endConcentration(state, c, caller);
                case ResolveConcentration c -> HealthRules.resolveConcentration(state, c, context);
                case GmOverride c -> HealthRules.override(state, c, caller);
                case ApplyCondition c -> ConditionRules.apply(state, c, caller);
                case EndCondition c -> ConditionRules.end(state, c, caller);
                case ResolveSave c -> ConditionRules.resolveSave(state, c, context);
                case SetExhaustion c -> ConditionRules.exhaustion(state, c, caller);
                case AddEffect c -> ConditionRules.addEffect(state, c, caller);
                case RemoveEffect c -> ConditionRules.removeEffect(state, c, caller);
                case Undo c -> state.undo().isEmpty()
                        ? Decision.reject(Rejection.conflict("There is nothing to undo."))
                        : Decision.accept(new Undone());
            };
        } catch (Refused refused) {
            return Decision.reject(refused.rejection());
        }
    }

    /** The state after an event. Total: an event about someone no longer there changes nothing. */
    public Encounter apply(Encounter state, CombatEvent event) {
        return evolve(state, event);
    }

    /** Who may receive an event, judged on the state just before it. See {@link CombatVisibility}. */
    public Visibility visibility(CombatEvent event, Encounter before) {
        return CombatVisibility.of(event, before);
    }

    /** Commands a player may never send, whatever they own. */
    static boolean gmOnly(CombatCommand command) {
        return switch (command) {
            case StartEncounter c -> true;
            case EndEncounter c -> true;
            case AddCombatant c -> true;
            case RemoveCombatant c -> true;
            case RollInitiative c -> c.combatantId().isEmpty();
            case SetInitiative c -> false;
            case MoveCombatant c -> true;
            case NextTurn c -> false;
            case PreviousTurn c -> true;
            case Delay c -> false;
            case ReEnter c -> false;
            case Ready c -> false;
            case ResolveReady c -> true;
            case Reveal c -> true;
            case RevealHp c -> true;
            case Damage c -> false;
            case Heal c -> false;
            case GrantTempHp c -> false;
            case RollDeathSave c -> false;
            case Stabilize c -> true;
            case StartConcentration c -> false;
            case EndConcentration c -> false;
            case ResolveConcentration c -> false;
            case GmOverride c -> true;
            case ApplyCondition c -> true;
            case EndCondition c -> true;
            case ResolveSave c -> false;
            case SetExhaustion c -> true;
            case AddEffect c -> true;
            case RemoveEffect c -> true;
            case Undo c -> true;
        };
    }

    static Encounter evolve(Encounter s, CombatEvent event) {
        return switch (event) {
            case EncounterStarted e -> Encounter.NONE.withActive(true);
            case EncounterEnded e -> s.withActive(false);
            case Checkpoint e -> s.checkpoint();
            case Undone e -> s.undone();
            case RoundStarted e -> s.withTurn(e.round(), s.current(), s.interrupted());
            case CombatantAdded e -> s.withOrder(append(s.order(), e.combatant()), s.delaying())
                    .withSerial(s.nextSerial() + 1);
            case CombatantShown e -> s;
            case CombatantRemoved e -> leave(s, e.combatantId())
                    .withOrder(without(s.order(), e.combatantId()), without(s.delaying(), e.combatantId()));
            case Revealed e -> s.mapCombatant(e.combatantId(), c -> c.withHidden(false));
            case HpRevealed e -> s.mapCombatant(e.combatantId(), c -> c.withHpRevealed(true));
            case InitiativeDetermined e -> s.combatant(e.combatantId())
                    .map(c -> c.withInitiative(Optional.of(new Initiative(e.value(), e.rollOff()))))
                    .map(c -> s.delaying(c.id())
                            ? s.mapCombatant(c.id(), x -> c)
                            : s.withOrder(TurnOrder.placed(s.order(), c), s.delaying()))
                    .orElse(s);
            case Moved e -> s.combatant(e.combatantId())
                    .map(c -> s.withOrder(TurnOrder.ahead(s.order(), c, e.aheadOf()), s.delaying()))
                    .orElse(s);
            case TurnStarted e -> {
                Encounter next = s.withTurn(e.round(), Optional.of(e.combatantId()),
                        s.interrupted().filter(id -> !id.equals(e.combatantId())));
                yield e.resumed() ? next : tick(next, e.combatantId(), TurnBoundary.START);
            }
            case TurnEnded e -> tick(s, e.combatantId(), TurnBoundary.END);
            case OnDeck e -> s;
            case TurnRewound e -> s.withTurn(e.round(), Optional.of(e.combatantId()), Optional.empty());
            case Delayed e -> s.combatant(e.combatantId())
                    .map(c -> leave(s, c.id()).withOrder(without(s.order(), c.id()),
                            append(without(s.delaying(), c.id()), c.withReadied(Optional.empty()))))
                    .orElse(s);
            case ReEntered e -> s.combatant(e.combatantId())
                    .map(c -> c.withInitiative(Optional.of(new Initiative(e.initiative(),
                            c.initiative().map(Initiative::rollOff).orElse(0)))))
                    .map(c -> s.withOrder(TurnOrder.ahead(s.order(), c, e.aheadOf()), without(s.delaying(), c.id()))
                            .withTurn(s.round(), s.current(), e.now() ? e.aheadOf() : s.interrupted()))
                    .orElse(s);
            case ActionReadied e -> s.mapCombatant(e.combatantId(), c -> c.withReadied(Optional.of(e.trigger())));
            case ReadyResolved e -> s.mapCombatant(e.combatantId(), c -> c.withReadied(Optional.empty()));
            case Damaged e -> s.mapCreature(e.creatureId(), c -> c.withHp(e.hp()));
            case Healed e -> s.mapCreature(e.creatureId(), c -> c.hp().current() == 0 && e.hp().current() > 0
                    ? c.withHp(e.hp()).withDeathSaves(DeathSaves.NONE, false)
                    : c.withHp(e.hp()));
            case TempHpGranted e -> s.mapCreature(e.creatureId(), c -> c.withHp(e.hp()));
            case Overridden e -> s.mapCreature(e.creatureId(), c -> c.withHp(e.hp())
                    .withDeathSaves(e.deathSaves(), c.stable() && e.hp().current() == 0).withDead(e.dead()));
            case HealthShown e -> s;
            case DeathSaveDue e -> s;
            case DeathSaveRolled e -> s.mapCreature(e.creatureId(), c -> c.withDeathSaves(e.deathSaves(), c.stable()));
            case DeathSavesFailed e -> s.mapCreature(e.creatureId(), c -> c.withDeathSaves(e.deathSaves(), false));
            case Stabilized e -> s.mapCreature(e.creatureId(), c -> c.withDeathSaves(DeathSaves.NONE, true));
            case Died e -> s.mapCreature(e.creatureId(), c -> c.withDead(true));
            case ConcentrationStarted e -> s.mapCreature(e.creatureId(),
                    c -> c.withConcentration(Optional.of(e.effect()), List.of()));
            case ConcentrationCheckDue e -> s.mapCreature(e.creatureId(),
                    c -> c.withConcentration(c.concentration(), appendInt(c.concentrationChecks(), e.dc())));
            case ConcentrationChecked e -> s.mapCreature(e.creatureId(), c -> c.withConcentration(c.concentration(),
                    c.concentrationChecks().isEmpty() ? List.of()
                            : c.concentrationChecks().subList(1, c.concentrationChecks().size())));
            case ConcentrationEnded e -> s.mapCreature(e.creatureId(),
                    c -> c.withConcentration(Optional.empty(), List.of()));
            case ConditionApplied e -> s.mapCreature(e.creatureId(), c -> c.withCondition(e.applied()));
            case ConditionExpired e -> s.mapCreature(e.creatureId(), c -> c.withoutCondition(e.condition()));
            case ConditionEnded e -> s.mapCreature(e.creatureId(), c -> c.withoutCondition(e.condition()));
            case SaveDue e -> s;
            case SaveResolved e -> s;
            case ExhaustionChanged e -> s.mapCreature(e.creatureId(), c -> c.withExhaustion(e.level()));
            case EffectAdded e -> s.mapCreature(e.creatureId(), c -> c.withEffects(append(c.effects(), e.effect())));
            case EffectRemoved e -> s.mapCreature(e.creatureId(), c -> c.withEffects(
                    c.effects().stream().filter(x -> !x.name().equals(e.name())).toList()));
            case EffectTriggered e -> s;
        };
    }

    /** Counts one passing of a turn boundary on every timer that runs on it. */
    private static Encounter tick(Encounter s, String combatantId, TurnBoundary at) {
        return s.mapCreatures(c -> c.mapConditions(list -> list.stream().map(a -> a.tick(combatantId, at)).toList()));
    }

    /** Clears the turn marker and the interruption if they point at a combatant leaving the order. */
    private static Encounter leave(Encounter s, String combatantId) {
        return s.withTurn(s.round(), s.current().filter(id -> !id.equals(combatantId)),
                s.interrupted().filter(id -> !id.equals(combatantId)));
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> next = new ArrayList<>(list.size() + 1);
        next.addAll(list);
        next.add(item);
        return next;
    }

    private static List<Integer> appendInt(List<Integer> list, int item) {
        return append(list, item);
    }

    private static List<Combatant> without(List<Combatant> list, String id) {
        return list.stream().filter(c -> !c.id().equals(id)).toList();
    }
}
