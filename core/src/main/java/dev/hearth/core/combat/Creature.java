package dev.hearth.core.combat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One body in the fight, with its own hit points: a PC, an NPC, or one member of a monster group.
 * Immutable; the withers are for {@link Combat#apply}.
 *
 * @param conditions at most one of each condition, in {@link Condition} order
 * @param exhaustion 0 to 6; 6 is death
 * @param concentrationChecks DCs of concentration checks due, oldest first
 * @param stable a PC at 0 hit points who no longer makes death saves
 */
public record Creature(String id, String name, HitPoints hp, Map<DamageType, Defense> defenses,
        List<AppliedCondition> conditions, int exhaustion, Optional<String> concentration,
        List<Integer> concentrationChecks, DeathSaves deathSaves, boolean stable, boolean dead,
        List<TurnEffect> effects) {

    public Creature {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(hp, "hp");
        defenses = Map.copyOf(defenses);
        conditions = List.copyOf(conditions);
        Objects.requireNonNull(concentration, "concentration");
        concentrationChecks = List.copyOf(concentrationChecks);
        Objects.requireNonNull(deathSaves, "deathSaves");
        effects = List.copyOf(effects);
    }

    static Creature fresh(String id, String name, int maxHp, Map<DamageType, Defense> defenses) {
        return new Creature(id, name, HitPoints.full(maxHp), defenses, List.of(), 0, Optional.empty(), List.of(),
                DeathSaves.NONE, false, false, List.of());
    }

    public Optional<AppliedCondition> condition(Condition condition) {
        return conditions.stream().filter(c -> c.condition() == condition).findFirst();
    }

    public Optional<TurnEffect> effect(String name) {
        return effects.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /** At 0 hit points, alive and not stable: makes death saves. */
    public boolean dying() {
        return hp.current() == 0 && !dead && !stable;
    }

    Creature withHp(HitPoints hp) {
        return new Creature(id, name, hp, defenses, conditions, exhaustion, concentration, concentrationChecks,
                deathSaves, stable, dead, effects);
    }

    Creature withDeathSaves(DeathSaves deathSaves, boolean stable) {
        return new Creature(id, name, hp, defenses, conditions, exhaustion, concentration, concentrationChecks,
                deathSaves, stable, dead, effects);
    }

    Creature withDead(boolean dead) {
        return new Creature(id, name, hp, defenses, conditions, exhaustion, concentration, concentrationChecks,
                deathSaves, stable, dead, effects);
    }

    Creature withExhaustion(int exhaustion) {
        return new Creature(id, name, hp, defenses, conditions, exhaustion, concentration, concentrationChecks,
                deathSaves, stable, dead, effects);
    }

    Creature withConcentration(Optional<String> concentration, List<Integer> checks) {
        return new Creature(id, name, hp, defenses, conditions, exhaustion, concentration, checks, deathSaves,
                stable, dead, effects);
    }

    Creature withEffects(List<TurnEffect> effects) {
        return new Creature(id, name, hp, defenses, conditions, exhaustion, concentration, concentrationChecks,
                deathSaves, stable, dead, effects);
    }

    Creature mapConditions(UnaryOperator<List<AppliedCondition>> change) {
        return new Creature(id, name, hp, defenses, change.apply(conditions), exhaustion, concentration,
                concentrationChecks, deathSaves, stable, dead, effects);
    }

    /** Puts a condition in, replacing one of the same kind, keeping {@link Condition} order. */
    Creature withCondition(AppliedCondition applied) {
        return mapConditions(list -> {
            List<AppliedCondition> next = new ArrayList<>(list.size() + 1);
            list.stream().filter(c -> c.condition() != applied.condition()).forEach(next::add);
            next.add(applied);
            next.sort(java.util.Comparator.comparing(AppliedCondition::condition));
            return next;
        });
    }

    Creature withoutCondition(Condition condition) {
        return mapConditions(list -> list.stream().filter(c -> c.condition() != condition).toList());
    }
}
