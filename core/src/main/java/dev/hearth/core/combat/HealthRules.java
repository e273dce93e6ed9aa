package dev.hearth.core.combat;

import static dev.hearth.core.combat.Checks.actsFor;
import static dev.hearth.core.combat.Checks.amount;
import static dev.hearth.core.combat.Checks.between;
import static dev.hearth.core.combat.Checks.conflict;
import static dev.hearth.core.combat.Checks.present;

import dev.hearth.core.combat.CombatCommand.*;
import dev.hearth.core.combat.CombatEvent.*;
import dev.hearth.core.stream.Caller;
import dev.hearth.core.stream.Decision;
import dev.hearth.core.stream.Rejection;
import java.util.Optional;

/** Hit points, dying and concentration. */
final class HealthRules {

    private HealthRules() {}

    static Decision<CombatEvent> damage(Encounter state, Damage c, Caller caller) {
        int amount = amount("amount", c.amount());
        DamageType type = present("type", c.type());
        Combatant owner = Checks.ownerOf(state, c.creatureId(), caller);
        Checks.harmsOrHeals(caller, owner);
        Creature target = owner.member(c.creatureId()).orElseThrow();
        alive(target);
        int taken = Optional.ofNullable(target.defenses().get(type)).map(d -> d.adjust(amount)).orElse(amount);
        HitPoints hp = target.hp();
        int absorbed = Math.min(hp.temporary(), taken);
        int rest = taken - absorbed;
        int current = Math.max(0, hp.current() - rest);
        boolean pc = owner.kind() == CombatantKind.PC;

        Plan plan = Plan.undoable(state);
        plan.exact(new Damaged(target.id(), amount, type, c.critical(), taken,
                new HitPoints(current, hp.max(), hp.temporary() - absorbed)), target.id());
        if (hp.current() == 0) {
            if (rest == 0) {
                return plan.decision();
            }
            if (!pc || rest >= hp.max()) {
                return plan.emit(new Died(target.id(), pc ? DeathCause.MASSIVE_DAMAGE : DeathCause.ZERO_HP)).decision();
            }
            // Any damage at 0 HP is a failed death save; a critical hit, two. A stable PC starts dying again.
            int failures = c.critical() ? 2 : 1;
            DeathSaves saves = target.deathSaves().fail(failures);
            plan.emit(new DeathSavesFailed(target.id(), failures, saves));
            if (saves.failures() >= 3) {
                plan.emit(new Died(target.id(), DeathCause.DEATH_SAVES));
            }
        } else if (current == 0) {
            target.concentration().ifPresent(e -> plan.emit(new ConcentrationEnded(target.id(), e, EndReason.DROPPED)));
            if (!pc) {
                plan.emit(new Died(target.id(), DeathCause.ZERO_HP));
            } else if (rest - hp.current() >= hp.max()) {
                plan.emit(new Died(target.id(), DeathCause.MASSIVE_DAMAGE));
            } else if (target.condition(Condition.UNCONSCIOUS).isEmpty()) {
                plan.emit(new ConditionApplied(target.id(), new AppliedCondition(Condition.UNCONSCIOUS,
                        new Duration.Indefinite(), Optional.empty(), Optional.empty())));
            }
        } else if (target.concentration().isPresent() && taken > 0) {
            // Temporary hit points soak damage, but the creature still took it: a check is due.
            plan.emit(new ConcentrationCheckDue(target.id(), Math.max(10, taken / 2)));
        }
        return plan.decision();
    }

    static Decision<CombatEvent> heal(Encounter state, Heal c, Caller caller) {
        int amount = amount("amount", c.amount());
        Combatant owner = Checks.ownerOf(state, c.creatureId(), caller);
        Checks.harmsOrHeals(caller, owner);
        Creature target = owner.member(c.creatureId()).orElseThrow();
        alive(target);
        HitPoints hp = target.hp();
        int current = (int) Math.min(hp.max(), (long) hp.current() + amount);
        if (current == hp.current()) {
            return Decision.accept();
        }
        Plan plan = Plan.undoable(state);
        healed(plan, target, amount, current);
        return plan.decision();
    }

    static Decision<CombatEvent> grantTempHp(Encounter state, GrantTempHp c, Caller caller) {
        int amount = amount("amount", c.amount());
        Combatant owner = Checks.ownerOf(state, c.creatureId(), caller);
        Checks.harmsOrHeals(caller, owner);
        Creature target = owner.member(c.creatureId()).orElseThrow();
        alive(target);
        HitPoints hp = target.hp();
        // Temporary hit points never stack: the creature keeps the higher.
        if (amount <= hp.temporary()) {
            return Decision.accept();
        }
        return Plan.undoable(state).exact(new TempHpGranted(target.id(), amount,
                new HitPoints(hp.current(), hp.max(), amount)), target.id()).decision();
    }

    static Decision<CombatEvent> rollDeathSave(Encounter state, RollDeathSave c, CombatContext context) {
        Combatant owner = Checks.ownerOf(state, c.creatureId(), context.caller());
        actsFor(context.caller(), owner);
        Creature target = owner.member(c.creatureId()).orElseThrow();
        dyingPc(owner, target);
        int d20 = Dice.d20(context.random());
        Plan plan = Plan.undoable(state);
        if (d20 == 20) {
            // A natural 20 regains 1 hit point: conscious again, saves reset.
            plan.emit(new DeathSaveRolled(target.id(), d20, target.deathSaves()));
            healed(plan, target, 1, 1);
            return plan.decision();
        }
        DeathSaves saves = d20 == 1 ? target.deathSaves().fail(2)
                : d20 >= 10 ? target.deathSaves().succeed() : target.deathSaves().fail(1);
        plan.emit(new DeathSaveRolled(target.id(), d20, saves));
        if (saves.failures() >= 3) {
            plan.emit(new Died(target.id(), DeathCause.DEATH_SAVES));
        } else if (saves.successes() >= 3) {
            plan.emit(new Stabilized(target.id()));
        }
        return plan.decision();
    }

    static Decision<CombatEvent> stabilize(Encounter state, Stabilize c, Caller caller) {
        Combatant owner = Checks.ownerOf(state, c.creatureId(), caller);
        Creature target = owner.member(c.creatureId()).orElseThrow();
        dyingPc(owner, target);
        return Plan.undoable(state).emit(new Stabilized(target.id())).decision();
    }

    static Decision<CombatEvent> startConcentration(Encounter state, StartConcentration c, Caller caller) {
        String effect = Checks.text("effect", c.effect(), Checks.MAX_NAME);
        Combatant owner = Checks.ownerOf(state, c.creatureId(), caller);
        actsFor(caller, owner);
        Creature target = owner.member(c.creatureId()).orElseThrow();
        if (target.dead() || target.hp().current() == 0) {
            throw conflict(target.name() + " cannot concentrate at 0 hit points.");
        }
        Plan plan = Plan.undoable(state);
        target.concentration().ifPresent(e -> plan.emit(new ConcentrationEnded(target.id(), e, EndReason.REPLACED)));
        return plan.emit(new ConcentrationStarted(target.id(), effect)).decision();
    }

    static Decision<CombatEvent> endConcentration(Encounter state, EndConcentration c, Caller caller) {
        Combatant owner = Checks.ownerOf(state, c.creatureId(), caller);
        actsFor(caller, owner);
        Creature target = owner.member(c.creatureId()).orElseThrow();
        String effect = target.concentration().orElseThrow(() -> conflict(target.name() + " is not concentrating."));
        return Plan.undoable(state).emit(new ConcentrationEnded(target.id(), effect, EndReason.REMOVED)).decision();
    }

    static Decision<CombatEvent> resolveConcentration(Encounter state, ResolveConcentration c,
            CombatContext context) {
        present("save", c.save());
        Saves.check(c.save());
        Combatant owner = Checks.ownerOf(state, c.creatureId(), context.caller());
        actsFor(context.caller(), owner);
        Creature target = owner.member(c.creatureId()).orElseThrow();
        if (target.concentrationChecks().isEmpty()) {
            throw conflict(target.name() + " has no concentration check due.");
        }
        int dc = target.concentrationChecks().getFirst();
        SaveRoll roll = Saves.roll(c.save(), context.random());
        boolean success = roll.total() >= dc;
        Plan plan = Plan.undoable(state).emit(new ConcentrationChecked(target.id(), dc, roll, success));
        if (!success) {
            plan.emit(new ConcentrationEnded(target.id(), target.concentration().orElseThrow(),
                    EndReason.FAILED_CHECK));
        }
        return plan.decision();
    }

    static Decision<CombatEvent> override(Encounter state, GmOverride c, Caller caller) {
        c.hp().ifPresent(v -> amount("hp", v));
        c.maxHp().ifPresent(v -> between("maxHp", v, 1, Checks.MAX_AMOUNT));
        c.tempHp().ifPresent(v -> amount("tempHp", v));
        Combatant owner = Checks.ownerOf(state, c.creatureId(), caller);
        Creature target = owner.member(c.creatureId()).orElseThrow();
        int max = c.maxHp().orElse(target.hp().max());
        // A lower maximum alone pulls current down with it; an explicit current above it is a mistake.
        int current = c.hp().orElse(Math.min(target.hp().current(), max));
        if (current > max) {
            throw Checks.refuse(Rejection.invalid("hp", "hp must not be above maxHp (" + max + ")."));
        }
        HitPoints hp = new HitPoints(current, max, c.tempHp().orElse(target.hp().temporary()));
        return Plan.undoable(state).exact(new Overridden(target.id(), hp,
                c.deathSaves().orElse(target.deathSaves()), c.dead().orElse(target.dead())), target.id()).decision();
    }

    /** Healing to {@code current}; from 0 it restores consciousness (and apply resets the death saves). */
    private static void healed(Plan plan, Creature target, int amount, int current) {
        HitPoints hp = target.hp();
        plan.exact(new Healed(target.id(), amount, new HitPoints(current, hp.max(), hp.temporary())), target.id());
        if (hp.current() == 0 && target.condition(Condition.UNCONSCIOUS).isPresent()) {
            plan.emit(new ConditionEnded(target.id(), Condition.UNCONSCIOUS, EndReason.HEALED));
        }
    }

    private static void alive(Creature target) {
        if (target.dead()) {
            throw conflict(target.name() + " is dead.");
        }
    }

    private static void dyingPc(Combatant owner, Creature target) {
        if (owner.kind() != CombatantKind.PC) {
            throw conflict("Only player characters make death saves.");
        }
        if (!target.dying()) {
            throw conflict(target.name() + " is not dying.");
        }
    }

}
