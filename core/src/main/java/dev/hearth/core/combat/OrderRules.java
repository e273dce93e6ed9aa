package dev.hearth.core.combat;

import static dev.hearth.core.combat.Checks.actsFor;
import static dev.hearth.core.combat.Checks.between;
import static dev.hearth.core.combat.Checks.conflict;
import static dev.hearth.core.combat.Checks.present;
import static dev.hearth.core.combat.Checks.text;

import dev.hearth.core.access.Role;
import dev.hearth.core.combat.CombatCommand.*;
import dev.hearth.core.combat.CombatEvent.*;
import dev.hearth.core.stream.Caller;
import dev.hearth.core.stream.Decision;
import dev.hearth.core.stream.Rejection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The encounter, its combatants, initiative and turns: delay, ready, reveal. */
final class OrderRules {

    private OrderRules() {}

    static Decision<CombatEvent> start(Encounter state) {
        if (state.active()) {
            throw conflict("An encounter is already going on.");
        }
        // No checkpoint: a new encounter starts with nothing to undo.
        return new Plan(state).emit(new EncounterStarted()).decision();
    }

    static Decision<CombatEvent> add(Encounter state, AddCombatant c) {
        String name = text("name", c.name(), Checks.MAX_NAME);
        present("kind", c.kind());
        between("initiativeModifier", c.initiativeModifier(), -Checks.MAX_MODIFIER, Checks.MAX_MODIFIER);
        int members = c.kind() == CombatantKind.MONSTER_GROUP ? Checks.MAX_GROUP : 1;
        if (c.maxHp().isEmpty() || c.maxHp().size() > members) {
            throw Checks.refuse(Rejection.invalid("maxHp", members == 1
                    ? "A " + c.kind().name().toLowerCase(java.util.Locale.ROOT) + " has exactly one maximum HP."
                    : "A monster group has 1-" + members + " members, one maximum HP each."));
        }
        c.maxHp().forEach(hp -> between("maxHp", hp, 1, Checks.MAX_AMOUNT));
        c.ownerUserId().ifPresent(owner -> text("ownerUserId", owner, Checks.MAX_NAME));
        c.characterId().ifPresent(character -> text("characterId", character, Checks.MAX_NAME));
        if (c.kind() == CombatantKind.PC && c.ownerUserId().isEmpty()) {
            throw Checks.refuse(Rejection.invalid("ownerUserId", "A player character needs its player."));
        }
        if (c.kind() == CombatantKind.PC && c.characterId().isEmpty()) {
            throw Checks.refuse(Rejection.invalid("characterId", "A player character needs its character."));
        }
        if (c.kind() != CombatantKind.PC && c.characterId().isPresent()) {
            throw Checks.refuse(Rejection.invalid("characterId", "Only a player character links to a character."));
        }
        if (state.combatants().count() >= Checks.MAX_COMBATANTS) {
            throw conflict("An encounter holds at most " + Checks.MAX_COMBATANTS + " combatants.");
        }
        String id = "c" + state.nextSerial();
        List<Creature> creatures = new ArrayList<>();
        for (int i = 0; i < c.maxHp().size(); i++) {
            creatures.add(c.kind() == CombatantKind.MONSTER_GROUP
                    ? Creature.fresh(id + "." + (i + 1), name + " " + (i + 1), c.maxHp().get(i), c.defenses())
                    : Creature.fresh(id, name, c.maxHp().get(i), c.defenses()));
        }
        Combatant combatant = new Combatant(id, name, c.kind(), c.ownerUserId(), c.characterId(),
                c.initiativeModifier(), Optional.empty(), c.hidden(), false, Optional.empty(), creatures);
        Plan plan = Plan.undoable(state).emit(new CombatantAdded(combatant));
        if (!combatant.hidden() && !combatant.hpPublic()) {
            plan.emit(Plan.shown(combatant));
        }
        return plan.decision();
    }

    static Decision<CombatEvent> remove(Encounter state, RemoveCombatant c, Caller caller) {
        Combatant combatant = Checks.combatant(state, c.combatantId(), caller);
        Plan plan = Plan.undoable(state);
        // Conditions timed by its turns would never run out: they end with it.
        state.combatants().flatMap(x -> x.members().stream())
                .filter(m -> !combatant.member(m.id()).isPresent())
                .forEach(m -> m.conditions().stream()
                        .filter(a -> a.timer().filter(t -> t.combatantId().equals(combatant.id())).isPresent())
                        .forEach(a -> plan.emit(new ConditionEnded(m.id(), a.condition(), EndReason.TIMER_GONE))));
        handOver(plan, combatant.id(), new CombatantRemoved(combatant.id()));
        return plan.decision();
    }

    static Decision<CombatEvent> rollInitiative(Encounter state, RollInitiative c, CombatContext context) {
        RollMode mode = present("mode", c.mode());
        List<Combatant> rolling;
        if (c.combatantId().isPresent()) {
            Combatant combatant = Checks.combatant(state, c.combatantId().get(), context.caller());
            actsFor(context.caller(), combatant);
            rolling = List.of(combatant);
        } else {
            rolling = state.order().stream().filter(x -> x.initiative().isEmpty()).toList();
        }
        if (rolling.isEmpty()) {
            return Decision.accept();
        }
        notDelaying(state, rolling.getFirst());
        Plan plan = Plan.undoable(state);
        for (Combatant combatant : rolling) {
            List<Integer> d20s = Dice.d20s(context.random(), mode);
            int value = Dice.kept(d20s, mode) + combatant.initiativeModifier();
            plan.emit(new InitiativeDetermined(combatant.id(), value, d20s, combatant.initiativeModifier(),
                    Dice.d20(context.random())));
        }
        return plan.decision();
    }

    static Decision<CombatEvent> setInitiative(Encounter state, SetInitiative c, CombatContext context) {
        between("initiative", c.initiative(), -Checks.MAX_INITIATIVE, Checks.MAX_INITIATIVE);
        Combatant combatant = Checks.combatant(state, c.combatantId(), context.caller());
        actsFor(context.caller(), combatant);
        notDelaying(state, combatant);
        return Plan.undoable(state).emit(new InitiativeDetermined(combatant.id(), c.initiative(), List.of(),
                combatant.initiativeModifier(), Dice.d20(context.random()))).decision();
    }

    static Decision<CombatEvent> move(Encounter state, MoveCombatant c, Caller caller) {
        Combatant combatant = Checks.combatant(state, c.combatantId(), caller);
        between("position", c.position(), 0, Math.max(0, state.order().size() - 1));
        notDelaying(state, combatant);
        if (state.indexInOrder(combatant.id()) == c.position()) {
            return Decision.accept();
        }
        List<Combatant> others = state.order().stream().filter(x -> !x.id().equals(combatant.id())).toList();
        Optional<String> aheadOf = c.position() < others.size() ? Optional.of(others.get(c.position()).id())
                : Optional.empty();
        return Plan.undoable(state).emit(new Moved(combatant.id(), aheadOf)).decision();
    }

    static Decision<CombatEvent> nextTurn(Encounter state, Caller caller) {
        if (state.round() == 0 || state.current().isEmpty()) {
            if (caller.role() != Role.GM) {
                throw Checks.refuse(Rejection.notPermitted("Only a GM starts the turns."));
            }
            Combatant first = TurnOrder.first(state).orElseThrow(() -> conflict("Nobody is in the initiative order."));
            Plan plan = Plan.undoable(state);
            startTurn(plan, first.id(), true, false);
            return plan.decision();
        }
        Combatant current = state.currentCombatant().orElseThrow();
        if (caller.role() != Role.GM && !current.ownedBy(caller.userId())) {
            throw Checks.refuse(Rejection.notPermitted("Only a GM or " + current.name()
                    + "'s player may end this turn."));
        }
        TurnOrder.Next next = TurnOrder.after(state, current.id(), true).orElseThrow();
        Plan plan = Plan.undoable(state);
        endTurn(plan, current.id());
        boolean resumed = state.interrupted().filter(next.combatant().id()::equals).isPresent();
        startTurn(plan, next.combatant().id(), next.wraps(), resumed);
        return plan.decision();
    }

    static Decision<CombatEvent> previousTurn(Encounter state) {
        Combatant current = state.currentCombatant().orElseThrow(() -> conflict("No turn has started yet."));
        int at = state.indexInOrder(current.id());
        if (at == 0 && state.round() <= 1) {
            throw conflict("This is the first turn of the encounter.");
        }
        Combatant previous = state.order().get(at == 0 ? state.order().size() - 1 : at - 1);
        return Plan.undoable(state)
                .emit(new TurnRewound(previous.id(), at == 0 ? state.round() - 1 : state.round())).decision();
    }

    static Decision<CombatEvent> delay(Encounter state, Delay c, Caller caller) {
        Combatant combatant = Checks.combatant(state, c.combatantId(), caller);
        actsFor(caller, combatant);
        onItsTurn(state, combatant, "delay");
        Plan plan = Plan.undoable(state);
        combatant.readied().ifPresent(r -> plan.emit(new ReadyResolved(combatant.id(), ReadyOutcome.EXPIRED)));
        handOver(plan, combatant.id(), new Delayed(combatant.id()));
        return plan.decision();
    }

    static Decision<CombatEvent> reEnter(Encounter state, ReEnter c, Caller caller) {
        Combatant combatant = Checks.combatant(state, c.combatantId(), caller);
        Optional<Combatant> aheadOf = c.aheadOf().map(id -> Checks.combatant(state, id, caller));
        actsFor(caller, combatant);
        if (!state.delaying(combatant.id())) {
            throw conflict(combatant.name() + " is not delaying.");
        }
        int own = combatant.initiative().map(Initiative::value).orElse(0);
        if (aheadOf.isPresent()) {
            Combatant target = aheadOf.get();
            if (state.indexInOrder(target.id()) < 0) {
                throw conflict(target.name() + " is not in the initiative order.");
            }
            int initiative = target.initiative().map(Initiative::value).orElse(own);
            return Plan.undoable(state)
                    .emit(new ReEntered(combatant.id(), Optional.of(target.id()), initiative, false)).decision();
        }
        // "Now": ahead of whoever's turn it is, acting at once; that turn resumes after.
        Optional<Combatant> current = state.currentCombatant();
        Plan plan = Plan.undoable(state).emit(new ReEntered(combatant.id(), current.map(Combatant::id),
                current.flatMap(Combatant::initiative).map(Initiative::value).orElse(own), true));
        startTurn(plan, combatant.id(), false, false);
        return plan.decision();
    }

    static Decision<CombatEvent> ready(Encounter state, Ready c, Caller caller) {
        String trigger = text("trigger", c.trigger(), Checks.MAX_TEXT);
        Combatant combatant = Checks.combatant(state, c.combatantId(), caller);
        actsFor(caller, combatant);
        onItsTurn(state, combatant, "ready an action");
        return Plan.undoable(state).emit(new ActionReadied(combatant.id(), trigger)).decision();
    }

    static Decision<CombatEvent> resolveReady(Encounter state, ResolveReady c, Caller caller) {
        ReadyOutcome outcome = present("outcome", c.outcome());
        Combatant combatant = Checks.combatant(state, c.combatantId(), caller);
        if (combatant.readied().isEmpty()) {
            throw conflict(combatant.name() + " has no readied action.");
        }
        return Plan.undoable(state).emit(new ReadyResolved(combatant.id(), outcome)).decision();
    }

    static Decision<CombatEvent> reveal(Encounter state, Reveal c, Caller caller) {
        Combatant combatant = Checks.combatant(state, c.combatantId(), caller);
        if (!combatant.hidden()) {
            throw conflict(combatant.name() + " is not hidden.");
        }
        Plan plan = Plan.undoable(state).emit(new Revealed(combatant.id()));
        return plan.emit(Plan.shown(plan.state().combatant(combatant.id()).orElseThrow())).decision();
    }

    static Decision<CombatEvent> revealHp(Encounter state, RevealHp c, Caller caller) {
        Combatant combatant = Checks.combatant(state, c.combatantId(), caller);
        if (combatant.hpPublic()) {
            return Decision.accept();
        }
        return Plan.undoable(state).emit(new HpRevealed(combatant.id(), combatant.members().stream()
                .map(m -> new MemberHp(m.id(), m.hp())).toList())).decision();
    }

    // --- Turns ------------------------------------------------------------------------------

    /**
     * The end of a combatant's turn: timers on it count, then saves are prompted and effects
     * announced for its living members.
     */
    static void endTurn(Plan plan, String combatantId) {
        plan.emit(new TurnEnded(combatantId));
        expire(plan);
        for (Creature m : members(plan, combatantId)) {
            for (AppliedCondition a : m.conditions()) {
                if (a.duration() instanceof Duration.UntilSave save) {
                    plan.emit(new SaveDue(m.id(), a.condition(), save.dc(), save.ability()));
                }
            }
            triggered(plan, m, TurnBoundary.END);
        }
    }

    /**
     * The start of a combatant's turn, and a new round first if the order wrapped. A resumed turn
     * (after a delayer cut in) was started already: nothing counts twice.
     */
    static void startTurn(Plan plan, String combatantId, boolean newRound, boolean resumed) {
        int round = plan.state().round() + (newRound ? 1 : 0);
        if (newRound) {
            plan.emit(new RoundStarted(round));
        }
        Combatant combatant = plan.state().combatant(combatantId).orElseThrow();
        plan.emit(new TurnStarted(combatantId, combatant.ownerUserId(), round, resumed));
        if (!resumed) {
            // A readied action lasts until its owner's next turn.
            combatant.readied().ifPresent(r -> plan.emit(new ReadyResolved(combatantId, ReadyOutcome.EXPIRED)));
            expire(plan);
            for (Creature m : members(plan, combatantId)) {
                triggered(plan, m, TurnBoundary.START);
                if (m.dying() && combatant.kind() == CombatantKind.PC) {
                    plan.emit(new DeathSaveDue(m.id()));
                }
            }
        }
        TurnOrder.after(plan.state(), combatantId, false)
                .ifPresent(next -> plan.emit(new OnDeck(next.combatant().id(), next.combatant().ownerUserId())));
    }

    /**
     * A combatant leaves the order (delaying or removed). If it was its turn, the next one's starts:
     * it leaves without ending its turn, so its end-of-turn timers do not count.
     */
    static void handOver(Plan plan, String combatantId, CombatEvent leaving) {
        Encounter before = plan.state();
        boolean itsTurn = before.current().filter(combatantId::equals).isPresent();
        Optional<TurnOrder.Next> next = TurnOrder.after(before, combatantId, false);
        plan.emit(leaving);
        if (itsTurn && next.isPresent()) {
            boolean resumed = before.interrupted().filter(next.get().combatant().id()::equals).isPresent();
            startTurn(plan, next.get().combatant().id(), next.get().wraps(), resumed);
        }
    }

    /** Emits ConditionExpired for every timer that has run out. */
    private static void expire(Plan plan) {
        List<CombatEvent> expired = new ArrayList<>();
        plan.state().combatants().flatMap(c -> c.members().stream()).forEach(m -> m.conditions().stream()
                .filter(AppliedCondition::expired)
                .forEach(a -> expired.add(new ConditionExpired(m.id(), a.condition()))));
        expired.forEach(plan::emit);
    }

    private static void triggered(Plan plan, Creature member, TurnBoundary at) {
        member.effects().stream().filter(e -> e.at() == at)
                .forEach(e -> plan.emit(new EffectTriggered(member.id(), e)));
    }

    private static List<Creature> members(Plan plan, String combatantId) {
        return plan.state().combatant(combatantId).map(Combatant::members).orElse(List.of()).stream()
                .filter(m -> !m.dead()).toList();
    }

    private static void onItsTurn(Encounter state, Combatant combatant, String what) {
        if (state.current().filter(combatant.id()::equals).isEmpty()) {
            throw conflict(combatant.name() + " may " + what + " only on its turn.");
        }
    }

    private static void notDelaying(Encounter state, Combatant combatant) {
        if (state.delaying(combatant.id())) {
            throw conflict(combatant.name() + " is delaying; it takes an initiative when it re-enters.");
        }
    }

}
