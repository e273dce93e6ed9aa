package dev.hearth.core.combat;

import static dev.hearth.core.combat.Fight.PIA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.core.combat.CombatCommand.*;
import dev.hearth.core.combat.CombatEvent.*;
import dev.hearth.core.stream.Rejection;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Conditions expire at the right turn boundary for each kind of duration; exhaustion. */
class ConditionsTest {

    Fight fight;
    String a;
    String b;
    String c;

    /** A, B, C in that order; round 1, A's turn. */
    @BeforeEach
    void threeCombatants() {
        fight = Fight.started();
        a = fight.pc("Ayla", PIA, 30, 0);
        b = fight.npc("Bandit", 30, 0);
        c = fight.npc("Cultist", 30, 0);
        fight.gm(new NextTurn());
    }

    void apply(String target, Condition condition, Duration duration, String by) {
        fight.gm(new ApplyCondition(target, condition, duration, Optional.ofNullable(by)));
    }

    boolean has(String target, Condition condition) {
        return fight.creature(target).condition(condition).isPresent();
    }

    /** Ends the current turn and starts the next. */
    List<CombatEvent> nextTurn() {
        return fight.gm(new NextTurn());
    }

    @Test
    void rounds_count_at_the_start_of_the_appliers_turn_by_default() {
        apply(b, Condition.FRIGHTENED, new Duration.Rounds(1, Optional.empty(), TurnBoundary.START), a);
        assertThat(fight.creature(b).condition(Condition.FRIGHTENED).orElseThrow().timer())
                .contains(new ConditionTimer(a, TurnBoundary.START, 1));
        nextTurn(); // B
        nextTurn(); // C
        assertThat(has(b, Condition.FRIGHTENED)).isTrue();
        assertThat(nextTurn()).containsSubsequence(new TurnStarted(a, Optional.of(PIA.userId()), 2, false),
                new ConditionExpired(b, Condition.FRIGHTENED));
        assertThat(has(b, Condition.FRIGHTENED)).isFalse();
    }

    @Test
    void rounds_count_on_the_targets_turn_without_an_applier_and_on_any_chosen_boundary() {
        apply(c, Condition.POISONED, new Duration.Rounds(2, Optional.empty(), TurnBoundary.START), null);
        apply(a, Condition.PRONE, new Duration.Rounds(1, Optional.of(b), TurnBoundary.END), null);
        nextTurn(); // B
        // The end of B's turn, and the start of C's: 1 of 2.
        assertThat(nextTurn()).contains(new ConditionExpired(a, Condition.PRONE))
                .doesNotContain(new ConditionExpired(c, Condition.POISONED));
        nextTurn(); // A
        nextTurn(); // B
        assertThat(nextTurn()).contains(new ConditionExpired(c, Condition.POISONED)); // C's start, 2 of 2
    }

    @Test
    void rounds_at_the_end_of_the_acting_combatants_own_turn_do_not_count_this_turn() {
        apply(b, Condition.RESTRAINED, new Duration.Rounds(1, Optional.empty(), TurnBoundary.END), a);
        assertThat(nextTurn()).doesNotContain(new ConditionExpired(b, Condition.RESTRAINED)); // end of A's turn
        nextTurn(); // C
        nextTurn(); // A
        assertThat(nextTurn()).contains(new ConditionExpired(b, Condition.RESTRAINED)); // end of A's next turn
    }

    @Test
    void until_the_end_of_its_next_turn_skips_the_current_turn_of_the_creature_itself() {
        apply(a, Condition.BLINDED, new Duration.UntilEndOfNextTurn(), null); // A is acting
        apply(c, Condition.DEAFENED, new Duration.UntilEndOfNextTurn(), null); // C is not
        assertThat(nextTurn()).doesNotContain(new ConditionExpired(a, Condition.BLINDED));
        nextTurn(); // C
        assertThat(nextTurn()).contains(new ConditionExpired(c, Condition.DEAFENED)); // end of C's turn
        assertThat(has(a, Condition.BLINDED)).isTrue();
        assertThat(nextTurn()).contains(new ConditionExpired(a, Condition.BLINDED)); // end of A's next turn
    }

    @Test
    void until_a_save_prompts_at_the_end_of_each_turn_and_a_successful_save_ends_it() {
        apply(a, Condition.PARALYZED, new Duration.UntilSave(13, Ability.WISDOM), null);
        assertThat(nextTurn()).containsSubsequence(new TurnEnded(a),
                new SaveDue(a, Condition.PARALYZED, 13, Ability.WISDOM));
        assertThat(fight.dice(10).as(PIA, new ResolveSave(a, Condition.PARALYZED,
                new SaveInput.Rolled(2, RollMode.NORMAL)))).containsExactly(new Checkpoint(),
                new SaveResolved(a, Condition.PARALYZED, 13, new SaveRoll(List.of(10), 2, 12), false));
        assertThat(has(a, Condition.PARALYZED)).isTrue();
        assertThat(fight.as(PIA, new ResolveSave(a, Condition.PARALYZED, new SaveInput.Entered(13))))
                .contains(new ConditionEnded(a, Condition.PARALYZED, EndReason.SAVED));
        assertThat(has(a, Condition.PARALYZED)).isFalse();
        fight.refused(PIA, new ResolveSave(a, Condition.PARALYZED, new SaveInput.Entered(13)),
                Rejection.Kind.CONFLICT);
    }

    @Test
    void indefinite_conditions_last_until_the_gm_ends_them() {
        apply(b, Condition.GRAPPLED, new Duration.Indefinite(), a);
        for (int i = 0; i < 9; i++) {
            nextTurn();
        }
        assertThat(has(b, Condition.GRAPPLED)).isTrue();
        assertThat(fight.gm(new EndCondition(b, Condition.GRAPPLED)))
                .contains(new ConditionEnded(b, Condition.GRAPPLED, EndReason.REMOVED));
        fight.refused(Fight.GM, new EndCondition(b, Condition.GRAPPLED), Rejection.Kind.CONFLICT);
    }

    @Test
    void applying_a_condition_again_replaces_it() {
        apply(b, Condition.STUNNED, new Duration.Indefinite(), null);
        apply(b, Condition.STUNNED, new Duration.Rounds(1, Optional.empty(), TurnBoundary.START), null);
        assertThat(fight.creature(b).conditions()).hasSize(1);
        assertThat(fight.creature(b).conditions().getFirst().duration()).isInstanceOf(Duration.Rounds.class);
    }

    @Test
    void exhaustion_has_levels_and_6_is_death() {
        fight.gm(new SetExhaustion(b, 2));
        assertThat(fight.creature(b).exhaustion()).isEqualTo(2);
        assertThat(fight.gm(new SetExhaustion(b, 2))).isEmpty();
        assertThat(fight.gm(new SetExhaustion(b, 6))).contains(new Died(b, DeathCause.EXHAUSTION));
        assertThat(fight.creature(b).dead()).isTrue();
        assertThat(fight.refused(Fight.GM, new SetExhaustion(a, 7), Rejection.Kind.INVALID).details())
                .containsEntry("field", "level");
    }

    @Test
    void every_srd_condition_can_be_applied_and_ended() {
        for (Condition condition : Condition.values()) {
            apply(c, condition, new Duration.Indefinite(), null);
        }
        assertThat(fight.creature(c).conditions()).extracting(AppliedCondition::condition)
                .containsExactly(Condition.values());
        for (Condition condition : Condition.values()) {
            fight.gm(new EndCondition(c, condition));
        }
        assertThat(fight.creature(c).conditions()).isEmpty();
    }
}
