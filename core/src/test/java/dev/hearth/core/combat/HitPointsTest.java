package dev.hearth.core.combat;

import static dev.hearth.core.combat.Fight.GM;
import static dev.hearth.core.combat.Fight.PAUL;
import static dev.hearth.core.combat.Fight.PIA;
import static dev.hearth.core.combat.Fight.only;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.core.combat.CombatCommand.*;
import dev.hearth.core.combat.CombatEvent.*;
import dev.hearth.core.stream.Rejection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Damage, defenses, temporary hit points, healing, dying and concentration. */
class HitPointsTest {

    static Damage damage(String id, int amount) {
        return new Damage(id, amount, DamageType.SLASHING, false);
    }

    @ParameterizedTest
    @EnumSource(DamageType.class)
    void every_damage_type_is_halved_by_resistance_doubled_by_vulnerability_and_zeroed_by_immunity(DamageType type) {
        Fight fight = Fight.started();
        String resistant = fight.monster("R", 100, Map.of(type, Defense.RESISTANT), false);
        String vulnerable = fight.monster("V", 100, Map.of(type, Defense.VULNERABLE), false);
        String immune = fight.monster("I", 100, Map.of(type, Defense.IMMUNE), false);
        String plain = fight.monster("P", 100, Map.of(), false);
        for (String id : List.of(resistant, vulnerable, immune, plain)) {
            fight.gm(new Damage(id, 7, type, false));
        }
        assertThat(fight.creature(resistant).hp().current()).isEqualTo(100 - 3);
        assertThat(fight.creature(vulnerable).hp().current()).isEqualTo(100 - 14);
        assertThat(fight.creature(immune).hp().current()).isEqualTo(100);
        assertThat(fight.creature(plain).hp().current()).isEqualTo(100 - 7);
    }

    @Test
    void a_defense_against_one_type_does_not_touch_another() {
        Fight fight = Fight.started();
        String id = fight.monster("Fire elemental", 50, Map.of(DamageType.FIRE, Defense.IMMUNE), false);
        List<CombatEvent> events = fight.gm(new Damage(id, 10, DamageType.COLD, false));
        assertThat(only(events, Damaged.class).getFirst().taken()).isEqualTo(10);
    }

    @Test
    void temporary_hit_points_absorb_damage_first() {
        Fight fight = Fight.started();
        String a = fight.pc("Ayla", PIA, 20, 0);
        fight.gm(new GrantTempHp(a, 5));
        assertThat(fight.gm(damage(a, 8))).contains(new Damaged(a, 8, DamageType.SLASHING, false, 8,
                new HitPoints(17, 20, 0)));
        fight.gm(new GrantTempHp(a, 5));
        fight.gm(damage(a, 3));
        assertThat(fight.creature(a).hp()).isEqualTo(new HitPoints(17, 20, 2));
    }

    @Test
    void new_temporary_hit_points_keep_the_higher_value_and_never_stack() {
        Fight fight = Fight.started();
        String a = fight.pc("Ayla", PIA, 20, 0);
        fight.gm(new GrantTempHp(a, 5));
        assertThat(fight.gm(new GrantTempHp(a, 3))).isEmpty();
        assertThat(fight.creature(a).hp().temporary()).isEqualTo(5);
        fight.gm(new GrantTempHp(a, 8));
        assertThat(fight.creature(a).hp().temporary()).isEqualTo(8);
    }

    @Test
    void healing_never_goes_above_the_maximum() {
        Fight fight = Fight.started();
        String a = fight.pc("Ayla", PIA, 20, 0);
        fight.gm(damage(a, 5));
        fight.gm(new Heal(a, 50));
        assertThat(fight.creature(a).hp().current()).isEqualTo(20);
        assertThat(fight.gm(new Heal(a, 5))).isEmpty();
    }

    @Test
    void a_pc_at_0_falls_unconscious_and_healing_restores_consciousness_and_resets_death_saves() {
        Fight fight = Fight.started();
        String a = fight.pc("Ayla", PIA, 20, 0);
        fight.gm(damage(a, 25));
        Creature down = fight.creature(a);
        assertThat(down.hp().current()).isZero();
        assertThat(down.dead()).isFalse();
        assertThat(down.dying()).isTrue();
        assertThat(down.condition(Condition.UNCONSCIOUS)).isPresent();
        fight.dice(5).as(PIA, new RollDeathSave(a));
        assertThat(fight.creature(a).deathSaves()).isEqualTo(new DeathSaves(0, 1));

        assertThat(fight.gm(new Heal(a, 4))).contains(new ConditionEnded(a, Condition.UNCONSCIOUS, EndReason.HEALED));
        Creature up = fight.creature(a);
        assertThat(up.hp().current()).isEqualTo(4);
        assertThat(up.deathSaves()).isEqualTo(DeathSaves.NONE);
        assertThat(up.condition(Condition.UNCONSCIOUS)).isEmpty();
    }

    @Test
    void monsters_and_npcs_die_at_0() {
        Fight fight = Fight.started();
        String orc = fight.npc("Orc", 15, 0);
        assertThat(fight.gm(damage(orc, 15))).contains(new Died(orc, DeathCause.ZERO_HP));
        assertThat(fight.creature(orc).dead()).isTrue();
        fight.refused(GM, new Heal(orc, 5), Rejection.Kind.CONFLICT);
        fight.refused(GM, damage(orc, 5), Rejection.Kind.CONFLICT);
    }

    @Test
    void three_successes_stabilise() {
        Fight fight = Fight.started();
        String a = fight.pc("Ayla", PIA, 20, 0);
        fight.gm(damage(a, 20));
        fight.dice(10, 15, 19);
        fight.as(PIA, new RollDeathSave(a));
        fight.as(PIA, new RollDeathSave(a));
        assertThat(fight.as(PIA, new RollDeathSave(a))).contains(new DeathSaveRolled(a, 19, new DeathSaves(3, 0)),
                new Stabilized(a));
        Creature stable = fight.creature(a);
        assertThat(stable.stable()).isTrue();
        assertThat(stable.dying()).isFalse();
        assertThat(stable.deathSaves()).isEqualTo(DeathSaves.NONE);
        fight.refused(PIA, new RollDeathSave(a), Rejection.Kind.CONFLICT);
    }

    @Test
    void three_failures_kill() {
        Fight fight = Fight.started();
        String a = fight.pc("Ayla", PIA, 20, 0);
        fight.gm(damage(a, 20));
        fight.dice(9, 2, 5);
        fight.as(PIA, new RollDeathSave(a));
        fight.as(PIA, new RollDeathSave(a));
        assertThat(fight.as(PIA, new RollDeathSave(a))).contains(new Died(a, DeathCause.DEATH_SAVES));
        assertThat(fight.creature(a).dead()).isTrue();
    }

    @Test
    void a_natural_20_regains_1_hit_point() {
        Fight fight = Fight.started();
        String a = fight.pc("Ayla", PIA, 20, 0);
        fight.gm(damage(a, 20));
        fight.dice(3).as(PIA, new RollDeathSave(a));
        List<CombatEvent> events = fight.dice(20).as(PIA, new RollDeathSave(a));
        assertThat(events).contains(new Healed(a, 1, new HitPoints(1, 20, 0)),
                new ConditionEnded(a, Condition.UNCONSCIOUS, EndReason.HEALED));
        assertThat(fight.creature(a).hp().current()).isEqualTo(1);
        assertThat(fight.creature(a).deathSaves()).isEqualTo(DeathSaves.NONE);
    }

    @Test
    void a_natural_1_counts_as_two_failures() {
        Fight fight = Fight.started();
        String a = fight.pc("Ayla", PIA, 20, 0);
        fight.gm(damage(a, 20));
        fight.dice(1).as(PIA, new RollDeathSave(a));
        assertThat(fight.creature(a).deathSaves()).isEqualTo(new DeathSaves(0, 2));
        assertThat(fight.dice(1).as(PIA, new RollDeathSave(a))).contains(new Died(a, DeathCause.DEATH_SAVES));
    }

    @Test
    void damage_at_0_is_one_failure_a_critical_two_and_it_ends_stability() {
        Fight fight = Fight.started();
        String a = fight.pc("Ayla", PIA, 20, 0);
        fight.gm(damage(a, 20));
        fight.gm(new Stabilize(a));
        assertThat(fight.gm(damage(a, 3))).contains(new DeathSavesFailed(a, 1, new DeathSaves(0, 1)));
        assertThat(fight.creature(a).stable()).isFalse();
        assertThat(fight.gm(new Damage(a, 3, DamageType.FIRE, true)))
                .contains(new DeathSavesFailed(a, 2, new DeathSaves(0, 3)), new Died(a, DeathCause.DEATH_SAVES));
    }

    @Test
    void massive_damage_kills_outright_from_above_or_at_0() {
        Fight fight = Fight.started();
        String a = fight.pc("Ayla", PIA, 20, 0);
        String b = fight.pc("Bram", PAUL, 20, 0);
        fight.gm(damage(a, 6));
        // 14 HP left: 34 damage leaves 20 over, the maximum.
        assertThat(fight.gm(damage(a, 34))).contains(new Died(a, DeathCause.MASSIVE_DAMAGE));
        fight.gm(damage(b, 6));
        assertThat(fight.gm(damage(b, 33))).doesNotContain(new Died(b, DeathCause.MASSIVE_DAMAGE));
        assertThat(fight.creature(b).dying()).isTrue();
        assertThat(fight.gm(damage(b, 20))).contains(new Died(b, DeathCause.MASSIVE_DAMAGE));
    }

    @Test
    void a_concentration_check_is_due_at_dc_10_or_half_the_damage_taken() {
        Fight fight = Fight.started();
        String a = fight.pc("Ayla", PIA, 100, 0);
        fight.as(PIA, new StartConcentration(a, "Bless"));
        assertThat(fight.gm(damage(a, 7))).contains(new ConcentrationCheckDue(a, 10));
        assertThat(fight.gm(damage(a, 25))).contains(new ConcentrationCheckDue(a, 12));
        assertThat(fight.gm(new Damage(a, 25, DamageType.SLASHING, false))).contains(new ConcentrationCheckDue(a, 12));
        assertThat(fight.creature(a).concentrationChecks()).containsExactly(10, 12, 12);

        // Rolled on the server: 9 + 2 = 11 beats 10; entered by hand: 11 fails 12.
        assertThat(fight.dice(9).as(PIA, new ResolveConcentration(a, new SaveInput.Rolled(2, RollMode.NORMAL))))
                .contains(new ConcentrationChecked(a, 10, new SaveRoll(List.of(9), 2, 11), true));
        assertThat(fight.as(PIA, new ResolveConcentration(a, new SaveInput.Entered(11))))
                .contains(new ConcentrationEnded(a, "Bless", EndReason.FAILED_CHECK));
        assertThat(fight.creature(a).concentration()).isEmpty();
        assertThat(fight.creature(a).concentrationChecks()).isEmpty();
        fight.refused(PIA, new ResolveConcentration(a, new SaveInput.Entered(11)), Rejection.Kind.CONFLICT);
    }

    @Test
    void resisted_damage_sets_the_dc_by_what_was_taken_and_temp_hp_soaking_it_still_needs_a_check() {
        Fight fight = Fight.started();
        String mage = fight.monster("Mage", 100, Map.of(DamageType.FIRE, Defense.RESISTANT), false);
        fight.gm(new StartConcentration(mage, "Wall of fire"));
        assertThat(fight.gm(new Damage(mage, 44, DamageType.FIRE, false))).contains(new ConcentrationCheckDue(mage, 11));
        fight.gm(new GrantTempHp(mage, 30));
        assertThat(fight.gm(damage(mage, 24))).contains(new ConcentrationCheckDue(mage, 12));
        assertThat(fight.creature(mage).hp()).isEqualTo(new HitPoints(78, 100, 6));
        assertThat(fight.gm(new Damage(mage, 1, DamageType.FIRE, false)))
                .noneMatch(ConcentrationCheckDue.class::isInstance).isNotEmpty();
    }

    @Test
    void dropping_to_0_ends_concentration_and_a_new_effect_replaces_the_old() {
        Fight fight = Fight.started();
        String a = fight.pc("Ayla", PIA, 10, 0);
        fight.as(PIA, new StartConcentration(a, "Bless"));
        assertThat(fight.as(PIA, new StartConcentration(a, "Haste")))
                .contains(new ConcentrationEnded(a, "Bless", EndReason.REPLACED));
        assertThat(fight.gm(damage(a, 10))).contains(new ConcentrationEnded(a, "Haste", EndReason.DROPPED))
                .noneMatch(ConcentrationCheckDue.class::isInstance);
        fight.refused(PIA, new StartConcentration(a, "Bless"), Rejection.Kind.CONFLICT);
    }

    @Test
    void the_gm_overrides_hit_points_without_the_rules_consequences() {
        Fight fight = Fight.started();
        String orc = fight.npc("Orc", 15, 0);
        fight.gm(new GmOverride(orc, Optional.of(0), Optional.of(30), Optional.of(4), Optional.empty(),
                Optional.empty()));
        assertThat(fight.creature(orc).hp()).isEqualTo(new HitPoints(0, 30, 4));
        assertThat(fight.creature(orc).dead()).isFalse();
        fight.gm(new GmOverride(orc, Optional.empty(), Optional.of(10), Optional.empty(), Optional.empty(),
                Optional.of(true)));
        assertThat(fight.creature(orc).dead()).isTrue();
        Rejection r = fight.refused(GM, new GmOverride(orc, Optional.of(11), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty()), Rejection.Kind.INVALID);
        assertThat(r.details()).containsEntry("field", "hp");
    }
}
