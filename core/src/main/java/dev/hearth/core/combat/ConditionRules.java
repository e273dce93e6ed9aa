package dev.hearth.core.combat;

import static dev.hearth.core.combat.Checks.actsFor;
import static dev.hearth.core.combat.Checks.between;
import static dev.hearth.core.combat.Checks.conflict;
import static dev.hearth.core.combat.Checks.present;

import dev.hearth.core.combat.CombatCommand.*;
import dev.hearth.core.combat.CombatEvent.*;
import dev.hearth.core.stream.Caller;
import dev.hearth.core.stream.Decision;
import dev.hearth.core.stream.Rejection;
import java.util.Map;
import java.util.Optional;

/** Conditions and their durations, exhaustion, and effects that trigger on turns. */
final class ConditionRules {

    private ConditionRules() {}

    static Decision<CombatEvent> apply(Encounter state, ApplyCondition c, Caller caller) {
        Condition condition = present("condition", c.condition());
        Duration duration = present("duration", c.duration());
        present("appliedBy", c.appliedBy());
        switch (duration) {
            case Duration.Rounds rounds -> {
                between("duration.rounds", rounds.rounds(), 1, Checks.MAX_ROUNDS);
                present("duration.at", rounds.at());
            }
            case Duration.UntilSave save -> {
                between("duration.dc", save.dc(), 1, Checks.MAX_DC);
                present("duration.ability", save.ability());
            }
            case Duration.UntilEndOfNextTurn next -> { }
            case Duration.Indefinite indefinite -> { }
        }
        Combatant owner = Checks.ownerOf(state, c.creatureId(), caller);
        Optional<Combatant> applier = c.appliedBy().map(id -> Checks.combatant(state, id, caller));
        Creature target = owner.member(c.creatureId()).orElseThrow();
        Optional<ConditionTimer> timer = switch (duration) {
            case Duration.Rounds rounds -> {
                String on = rounds.countedOn().map(id -> Checks.combatant(state, id, caller).id())
                        .or(() -> applier.map(Combatant::id)).orElse(owner.id());
                yield Optional.of(timer(state, on, rounds.at(), rounds.rounds()));
            }
            case Duration.UntilEndOfNextTurn next -> Optional.of(timer(state, owner.id(), TurnBoundary.END, 1));
            case Duration.UntilSave save -> Optional.empty();
            case Duration.Indefinite indefinite -> Optional.empty();
        };
        return Plan.undoable(state).emit(new ConditionApplied(target.id(), new AppliedCondition(condition, duration,
                timer, applier.map(Combatant::id)))).decision();
    }

    /**
     * A countdown of {@code count} passings of a boundary. If that combatant is acting now and the
     * boundary is its turn's end, the end of this very turn does not count: "1 round, at the end of
     * my turn" runs to the end of my next turn, not this one.
     */
    private static ConditionTimer timer(Encounter state, String combatantId, TurnBoundary at, int count) {
        boolean acting = state.current().filter(combatantId::equals).isPresent();
        return new ConditionTimer(combatantId, at, count + (acting && at == TurnBoundary.END ? 1 : 0));
    }

    static Decision<CombatEvent> end(Encounter state, EndCondition c, Caller caller) {
        Condition condition = present("condition", c.condition());
        Creature target = creature(state, c.creatureId(), caller);
        if (target.condition(condition).isEmpty()) {
            throw conflict(target.name() + " is not " + condition.name().toLowerCase(java.util.Locale.ROOT) + ".");
        }
        return Plan.undoable(state).emit(new ConditionEnded(target.id(), condition, EndReason.REMOVED)).decision();
    }

    static Decision<CombatEvent> resolveSave(Encounter state, ResolveSave c, CombatContext context) {
        Condition condition = present("condition", c.condition());
        Saves.check(present("save", c.save()));
        Combatant owner = Checks.ownerOf(state, c.creatureId(), context.caller());
        actsFor(context.caller(), owner);
        Creature target = owner.member(c.creatureId()).orElseThrow();
        Duration.UntilSave until = target.condition(condition).map(AppliedCondition::duration)
                .filter(Duration.UntilSave.class::isInstance).map(Duration.UntilSave.class::cast)
                .orElseThrow(() -> conflict(target.name() + " has no save to make against being "
                        + condition.name().toLowerCase(java.util.Locale.ROOT) + "."));
        SaveRoll roll = Saves.roll(c.save(), context.random());
        boolean success = roll.total() >= until.dc();
        Plan plan = Plan.undoable(state).emit(new SaveResolved(target.id(), condition, until.dc(), roll, success));
        if (success) {
            plan.emit(new ConditionEnded(target.id(), condition, EndReason.SAVED));
        }
        return plan.decision();
    }

    static Decision<CombatEvent> exhaustion(Encounter state, SetExhaustion c, Caller caller) {
        int level = between("level", c.level(), 0, 6);
        Creature target = creature(state, c.creatureId(), caller);
        if (level == target.exhaustion()) {
            return Decision.accept();
        }
        Plan plan = Plan.undoable(state).emit(new ExhaustionChanged(target.id(), level));
        if (level == 6 && !target.dead()) {
            target.concentration().ifPresent(e -> plan.emit(new ConcentrationEnded(target.id(), e, EndReason.DROPPED)));
            plan.emit(new Died(target.id(), DeathCause.EXHAUSTION));
        }
        return plan.decision();
    }

    static Decision<CombatEvent> addEffect(Encounter state, AddEffect c, Caller caller) {
        TurnEffect effect = present("effect", c.effect());
        Checks.text("effect.name", effect.name(), Checks.MAX_NAME);
        Checks.text("effect.text", effect.text(), Checks.MAX_TEXT);
        effect.damage().ifPresent(d -> Checks.amount("effect.damage", d));
        Creature target = creature(state, c.creatureId(), caller);
        if (target.effect(effect.name()).isPresent()) {
            throw conflict(target.name() + " already has an effect named " + effect.name() + ".");
        }
        return Plan.undoable(state).emit(new EffectAdded(target.id(), effect)).decision();
    }

    static Decision<CombatEvent> removeEffect(Encounter state, RemoveEffect c, Caller caller) {
        String name = present("name", c.name());
        Creature target = creature(state, c.creatureId(), caller);
        if (target.effect(name).isEmpty()) {
            throw Checks.refuse(new Rejection(Rejection.Kind.NOT_FOUND, target.name() + " has no effect named "
                    + name + ".", Map.of("creatureId", target.id(), "name", name)));
        }
        return Plan.undoable(state).emit(new EffectRemoved(target.id(), name)).decision();
    }

    private static Creature creature(Encounter state, String creatureId, Caller caller) {
        return Checks.ownerOf(state, creatureId, caller).member(creatureId).orElseThrow();
    }
}
