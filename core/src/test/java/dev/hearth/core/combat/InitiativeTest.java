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

/** Initiative, the order, turns and rounds, delay and ready. */
class InitiativeTest {

    @Test
    void rolled_initiative_is_d20_plus_modifier_and_records_the_dice() {
        Fight fight = Fight.started();
        String pia = fight.pc("Ayla", PIA, 20, 3);
        List<CombatEvent> events = fight.dice(14, 7).as(PIA, new RollInitiative(Optional.of(pia), RollMode.NORMAL));
        assertThat(only(events, InitiativeDetermined.class))
                .containsExactly(new InitiativeDetermined(pia, 17, List.of(14), 3, 7));
        assertThat(fight.combatant(pia).initiative()).contains(new Initiative(17, 7));
    }

    @Test
    void advantage_keeps_the_higher_d20_and_disadvantage_the_lower() {
        Fight fight = Fight.started();
        String a = fight.npc("A", 10, 0);
        String b = fight.npc("B", 10, 0);
        fight.dice(5, 18, 1, 5, 18, 1);
        assertThat(only(fight.gm(new RollInitiative(Optional.of(a), RollMode.ADVANTAGE)), InitiativeDetermined.class)
                .getFirst().value()).isEqualTo(18);
        assertThat(only(fight.gm(new RollInitiative(Optional.of(b), RollMode.DISADVANTAGE)),
                InitiativeDetermined.class).getFirst()).isEqualTo(new InitiativeDetermined(b, 5, List.of(5, 18), 0, 1));
    }

    @Test
    void the_gm_rolls_for_everyone_without_initiative_in_order() {
        Fight fight = Fight.started();
        String a = fight.npc("A", 10, 1);
        String b = fight.npc("B", 10, 2);
        fight.initiative(a, 12);
        List<CombatEvent> events = fight.dice(5, 3).gm(new RollInitiative(Optional.empty(), RollMode.NORMAL));
        assertThat(only(events, InitiativeDetermined.class)).extracting(InitiativeDetermined::combatantId)
                .containsExactly(b);
        assertThat(fight.order()).containsExactly(a, b);
    }

    @Test
    void ties_go_to_the_higher_modifier_then_the_roll_off_then_who_joined_first() {
        Fight fight = Fight.started();
        String low = fight.npc("Low mod", 10, 1);
        String high = fight.npc("High mod", 10, 4);
        String rollOffLoser = fight.npc("Loser", 10, 1);
        String first = fight.npc("First", 10, 1);
        String second = fight.npc("Second", 10, 1);
        fight.dice(15, 9, 3, 12, 12, 12);
        fight.gm(new SetInitiative(low, 15));
        fight.gm(new SetInitiative(high, 15));
        fight.gm(new SetInitiative(rollOffLoser, 15));
        fight.gm(new SetInitiative(first, 10));
        fight.gm(new SetInitiative(second, 10));
        fight.gm(new SetInitiative(first, 10)); // re-set: the same key as second, who now was there first
        assertThat(fight.order()).containsExactly(high, low, rollOffLoser, second, first);
    }

    @Test
    void combatants_without_initiative_wait_at_the_end_in_the_order_they_joined() {
        Fight fight = Fight.started();
        String a = fight.npc("A", 10, 0);
        String b = fight.npc("B", 10, 0);
        String c = fight.npc("C", 10, 0);
        fight.initiative(c, 5);
        assertThat(fight.order()).containsExactly(c, a, b);
    }

    @Test
    void the_gm_moves_a_combatant_to_a_position_whatever_its_initiative() {
        Fight fight = Fight.started();
        String a = fight.npc("A", 10, 0);
        String b = fight.npc("B", 10, 0);
        String c = fight.npc("C", 10, 0);
        assertThat(fight.gm(new MoveCombatant(c, 0))).contains(new Moved(c, Optional.of(a)));
        assertThat(fight.order()).containsExactly(c, a, b);
        fight.gm(new MoveCombatant(c, 2));
        assertThat(fight.order()).containsExactly(a, b, c);
        assertThat(fight.gm(new MoveCombatant(c, 2))).isEmpty();
        fight.refused(GM, new MoveCombatant(c, 3), Rejection.Kind.INVALID);
    }

    @Test
    void turns_go_down_the_order_and_the_round_counts_up_when_it_wraps() {
        Fight fight = Fight.started();
        String a = fight.pc("Ayla", PIA, 20, 0);
        String b = fight.npc("Bandit", 10, 0);
        fight.initiative(a, 18);
        fight.initiative(b, 9);
        assertThat(fight.state.round()).isZero();

        List<CombatEvent> first = fight.gm(new NextTurn());
        assertThat(first).contains(new RoundStarted(1), new TurnStarted(a, Optional.of(PIA.userId()), 1, false),
                new OnDeck(b, Optional.empty()));
        assertThat(fight.as(PIA, new NextTurn())).contains(new TurnEnded(a), new TurnStarted(b, Optional.empty(), 1,
                false), new OnDeck(a, Optional.of(PIA.userId()))).doesNotContain(new RoundStarted(2));
        assertThat(fight.gm(new NextTurn())).contains(new RoundStarted(2));
        assertThat(fight.current()).isEqualTo(a);
        assertThat(fight.state.round()).isEqualTo(2);
    }

    @Test
    void previous_turn_moves_the_marker_back_across_rounds_and_not_before_the_first_turn() {
        Fight fight = Fight.started();
        String a = fight.npc("A", 10, 0);
        String b = fight.npc("B", 10, 0);
        fight.gm(new NextTurn());
        fight.refused(GM, new PreviousTurn(), Rejection.Kind.CONFLICT);
        fight.gm(new NextTurn());
        fight.gm(new NextTurn());
        assertThat(fight.state.round()).isEqualTo(2);
        assertThat(fight.gm(new PreviousTurn())).contains(new TurnRewound(b, 1));
        assertThat(fight.current()).isEqualTo(b);
        assertThat(fight.state.round()).isEqualTo(1);
        fight.gm(new PreviousTurn());
        assertThat(fight.current()).isEqualTo(a);
    }

    @Test
    void a_lone_combatant_follows_itself_into_the_next_round() {
        Fight fight = Fight.started();
        String a = fight.npc("A", 10, 0);
        fight.gm(new NextTurn());
        assertThat(fight.gm(new NextTurn())).contains(new RoundStarted(2), new TurnStarted(a, Optional.empty(), 2,
                false));
    }

    @Test
    void defeated_combatants_are_skipped() {
        Fight fight = Fight.started();
        String a = fight.npc("A", 10, 0);
        String b = fight.npc("B", 10, 0);
        String c = fight.npc("C", 10, 0);
        fight.gm(new Damage(b, 10, DamageType.SLASHING, false));
        fight.gm(new NextTurn());
        assertThat(fight.gm(new NextTurn())).contains(new TurnStarted(c, Optional.empty(), 1, false));
    }

    @Test
    void delaying_leaves_the_order_and_re_entering_ahead_of_someone_takes_their_initiative() {
        Fight fight = Fight.started();
        String a = fight.pc("Ayla", PIA, 20, 0);
        String b = fight.npc("B", 10, 0);
        String c = fight.npc("C", 10, 0);
        fight.initiative(a, 20);
        fight.initiative(b, 15);
        fight.initiative(c, 10);
        fight.gm(new NextTurn());
        fight.refused(PIA, new Delay(b), Rejection.Kind.NOT_PERMITTED);

        List<CombatEvent> delayed = fight.as(PIA, new Delay(a));
        assertThat(delayed).contains(new Delayed(a), new TurnStarted(b, Optional.empty(), 1, false));
        assertThat(fight.order()).containsExactly(b, c);
        assertThat(fight.state.delaying()).extracting(Combatant::id).containsExactly(a);
        fight.refused(PIA, new Delay(a), Rejection.Kind.CONFLICT);

        fight.as(PIA, new ReEnter(a, Optional.of(c)));
        assertThat(fight.order()).containsExactly(b, a, c);
        assertThat(fight.combatant(a).initiative().orElseThrow().value()).isEqualTo(10);
        assertThat(fight.gm(new NextTurn())).contains(new TurnStarted(a, Optional.of(PIA.userId()), 1, false));
    }

    @Test
    void re_entering_now_acts_at_once_and_the_interrupted_turn_resumes_without_counting_twice() {
        Fight fight = Fight.started();
        String a = fight.pc("Ayla", PIA, 20, 0);
        String b = fight.npc("B", 10, 0);
        String c = fight.npc("C", 10, 0);
        fight.gm(new NextTurn());
        fight.as(PIA, new Delay(a));
        fight.gm(new NextTurn()); // C's turn
        fight.gm(new ApplyCondition(c, Condition.PRONE, new Duration.Rounds(2, Optional.empty(), TurnBoundary.START),
                Optional.empty()));

        List<CombatEvent> now = fight.as(PIA, new ReEnter(a, Optional.empty()));
        assertThat(now).contains(new ReEntered(a, Optional.of(c), 0, true),
                new TurnStarted(a, Optional.of(PIA.userId()), 1, false), new OnDeck(c, Optional.empty()));
        assertThat(fight.order()).containsExactly(b, a, c);
        List<CombatEvent> resumed = fight.as(PIA, new NextTurn());
        assertThat(resumed).contains(new TurnStarted(c, Optional.empty(), 1, true));
        assertThat(fight.creature(c).condition(Condition.PRONE).orElseThrow().timer().orElseThrow().remaining())
                .isEqualTo(2);
    }

    @Test
    void a_readied_action_is_recorded_resolved_by_the_gm_or_expires_at_its_owners_next_turn() {
        Fight fight = Fight.started();
        String a = fight.pc("Ayla", PIA, 20, 0);
        String b = fight.npc("B", 10, 0);
        fight.gm(new NextTurn());
        fight.refused(PIA, new Ready(b, "when it moves"), Rejection.Kind.NOT_PERMITTED);
        fight.as(PIA, new Ready(a, "when the door opens"));
        assertThat(fight.combatant(a).readied()).contains("when the door opens");
        fight.refused(PIA, new ResolveReady(a, ReadyOutcome.USED), Rejection.Kind.NOT_PERMITTED);
        fight.gm(new ResolveReady(a, ReadyOutcome.USED));
        assertThat(fight.combatant(a).readied()).isEmpty();

        fight.as(PIA, new Ready(a, "when the door opens"));
        fight.as(PIA, new NextTurn());
        assertThat(fight.combatant(a).readied()).isPresent();
        assertThat(fight.gm(new NextTurn())).contains(new ReadyResolved(a, ReadyOutcome.EXPIRED));
        assertThat(fight.combatant(a).readied()).isEmpty();
        fight.gm(new NextTurn());
        fight.refused(PIA, new Ready(a, "later"), Rejection.Kind.CONFLICT);
    }

    @Test
    void removing_the_combatant_whose_turn_it_is_starts_the_next_turn() {
        Fight fight = Fight.started();
        String a = fight.npc("A", 10, 0);
        String b = fight.npc("B", 10, 0);
        fight.gm(new NextTurn());
        fight.gm(new ApplyCondition(b, Condition.FRIGHTENED,
                new Duration.Rounds(1, Optional.empty(), TurnBoundary.START), Optional.of(a)));
        List<CombatEvent> events = fight.gm(new RemoveCombatant(a));
        assertThat(events).contains(new ConditionEnded(b, Condition.FRIGHTENED, EndReason.TIMER_GONE),
                new CombatantRemoved(a), new TurnStarted(b, Optional.empty(), 1, false));
        assertThat(fight.order()).containsExactly(b);
        fight.refused(GM, new Damage(a, 1, DamageType.FIRE, false), Rejection.Kind.NOT_FOUND);
    }

    @Test
    void a_monster_group_shares_one_initiative_and_each_member_has_its_own_hit_points() {
        Fight fight = Fight.started();
        String goblins = fight.group("Goblin", List.of(7, 7, 9));
        Combatant group = fight.combatant(goblins);
        assertThat(group.members()).extracting(Creature::id)
                .containsExactly(goblins + ".1", goblins + ".2", goblins + ".3");
        assertThat(group.members()).extracting(Creature::name).containsExactly("Goblin 1", "Goblin 2", "Goblin 3");
        fight.gm(new Damage(goblins + ".2", 7, DamageType.PIERCING, false));
        assertThat(fight.creature(goblins + ".2").dead()).isTrue();
        assertThat(fight.creature(goblins + ".1").hp().current()).isEqualTo(7);
        assertThat(fight.combatant(goblins).defeated()).isFalse();
        assertThat(fight.order()).containsExactly(goblins);
    }

    @Test
    void a_dying_pcs_turn_prompts_a_death_save_and_turn_effects_are_announced() {
        Fight fight = Fight.started();
        String a = fight.pc("Ayla", PIA, 10, 0);
        String b = fight.npc("B", 10, 0);
        TurnEffect burning = new TurnEffect("Burning", "take 1d6 fire", TurnBoundary.START, Optional.of(3),
                Optional.of(DamageType.FIRE));
        TurnEffect regen = new TurnEffect("Regrowth", "regain 2 HP", TurnBoundary.END, Optional.empty(),
                Optional.empty());
        fight.gm(new AddEffect(a, burning));
        fight.gm(new AddEffect(b, regen));
        fight.gm(new Damage(a, 10, DamageType.FIRE, false));
        assertThat(fight.gm(new NextTurn())).contains(new EffectTriggered(a, burning), new DeathSaveDue(a));
        assertThat(fight.gm(new NextTurn())).doesNotContain(new EffectTriggered(b, regen));
        assertThat(fight.gm(new NextTurn())).contains(new EffectTriggered(b, regen));
        fight.gm(new RemoveEffect(b, "Regrowth"));
        fight.refused(GM, new RemoveEffect(b, "Regrowth"), Rejection.Kind.NOT_FOUND);
        fight.refused(GM, new AddEffect(a, burning), Rejection.Kind.CONFLICT);
    }

    @Test
    void ending_the_encounter_refuses_further_commands_until_a_new_one_starts() {
        Fight fight = Fight.started();
        fight.npc("A", 10, 0);
        fight.gm(new EndEncounter());
        fight.refused(GM, new NextTurn(), Rejection.Kind.CONFLICT);
        fight.refused(GM, new AddCombatant("B", CombatantKind.NPC, Optional.empty(), Optional.empty(), 0,
                List.of(5), Map.of(), false), Rejection.Kind.CONFLICT);
        fight.gm(new StartEncounter());
        assertThat(fight.state.order()).isEmpty();
        fight.refused(GM, new StartEncounter(), Rejection.Kind.CONFLICT);
        assertThat(fight.replayed()).isEqualTo(fight.state);
    }

    @Test
    void a_player_may_roll_or_set_only_their_own_initiative() {
        Fight fight = Fight.started();
        String a = fight.pc("Ayla", PIA, 10, 0);
        fight.refused(PAUL, new RollInitiative(Optional.of(a), RollMode.NORMAL), Rejection.Kind.NOT_PERMITTED);
        fight.refused(PAUL, new SetInitiative(a, 12), Rejection.Kind.NOT_PERMITTED);
        fight.refused(PIA, new RollInitiative(Optional.empty(), RollMode.NORMAL), Rejection.Kind.NOT_PERMITTED);
        fight.as(PIA, new SetInitiative(a, 12));
        assertThat(fight.combatant(a).initiative().orElseThrow().value()).isEqualTo(12);
    }
}
