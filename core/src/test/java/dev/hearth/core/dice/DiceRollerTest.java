package dev.hearth.core.dice;

import static dev.hearth.core.dice.Dice.roll;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Rolls with dice that show what the test says: the breakdown, its text, and failures. */
class DiceRollerTest {

    static RollResult rolled(String text, int... faces) {
        return rolled(text, DiceLimits.DEFAULT, new Scripted(faces));
    }

    static RollResult rolled(String text, DiceLimits limits, Scripted dice) {
        RollOutcome outcome = new DiceRoller(dice, limits).roll(text);
        assertThat(outcome).as(text).isInstanceOf(RollOutcome.Rolled.class);
        return ((RollOutcome.Rolled) outcome).result();
    }

    static RollOutcome.Failed failed(String text, DiceLimits limits, int... faces) {
        RollOutcome outcome = new DiceRoller(new Scripted(faces), limits).roll(text);
        assertThat(outcome).as(text).isInstanceOf(RollOutcome.Failed.class);
        return (RollOutcome.Failed) outcome;
    }

    @Test
    void a_roll_reads_as_notation_breakdown_and_total() {
        RollResult r = rolled("1d20+5 # longsword", 17);
        assertThat(r.total()).isEqualTo(22);
        assertThat(r.text()).isEqualTo("longsword: 1d20+5 → [17]+5 = 22");
        assertThat(r.expression()).isEqualTo("1d20+5");
        assertThat(r.label()).isEqualTo("longsword");
        Term term = r.rolls().get(0).terms().get(0);
        assertThat(term).isEqualTo(new Term(TermKind.DICE, "1d20", 17, List.of(new Die(17, 17, List.of(), List.of(), List.of())), List.of(), false));
    }

    @Test
    void dropped_dice_are_marked_and_do_not_add() {
        RollResult r = rolled("4d6dl1", 6, 1, 5, 3);
        assertThat(r.text()).isEqualTo("4d6dl1 → [6, ~1~, 5, 3] = 14");
        List<Die> dice = r.rolls().get(0).terms().get(0).dice();
        assertThat(dice).extracting(Die::states).containsExactly(
                List.of(DieState.KEPT), List.of(DieState.DROPPED), List.of(DieState.KEPT), List.of(DieState.KEPT));
        assertThat(rolled("adv", 4, 17).text()).isEqualTo("2d20kh1 → [~4~, 17] = 17");
        assertThat(rolled("dis+1", 4, 17).text()).isEqualTo("2d20kl1+1 → [4, ~17~]+1 = 5");
        // Among equal dice the first is kept.
        assertThat(rolled("2d6kh1", 3, 3).rolls().get(0).terms().get(0).dice())
                .extracting(Die::kept).containsExactly(true, false);
    }

    @Test
    void explosions_add_dice_after_the_one_that_exploded() {
        RollResult r = rolled("2d6!", 6, 6, 2, 3);
        assertThat(r.text()).isEqualTo("2d6! → [6!, 6!, 2, 3] = 17");
        assertThat(r.rolls().get(0).terms().get(0).dice()).extracting(Die::states).containsExactly(
                List.of(DieState.EXPLODED), List.of(DieState.ADDED, DieState.EXPLODED), List.of(DieState.ADDED), List.of());
        assertThat(rolled("1d6!>4", 5, 1).total()).isEqualTo(6);
        assertThat(rolled("1d6!!", 6, 6, 2).text()).isEqualTo("1d6!! → [14!!] = 14");
        Die compounded = rolled("1d6!!", 6, 6, 2).rolls().get(0).terms().get(0).dice().get(0);
        assertThat(compounded.compounded()).containsExactly(6, 6, 2);
        assertThat(compounded.states()).containsExactly(DieState.COMPOUNDED);
        RollResult penetrating = rolled("1d6!p", 6, 6, 3);
        assertThat(penetrating.text()).isEqualTo("1d6!p → [6!, 5!, 2] = 13");
        assertThat(penetrating.rolls().get(0).terms().get(0).dice().get(2).states())
                .containsExactly(DieState.ADDED, DieState.PENETRATED);
    }

    @Test
    void a_chain_stops_at_the_limit_with_its_last_face_standing() {
        DiceLimits two = new DiceLimits(500, 1000, 10000, 2, 20, 10, 1000);
        assertThat(rolled("1d6!", two, new Scripted(6, 6, 6)).text()).isEqualTo("1d6! → [6!, 6!, 6] = 18");
        assertThat(rolled("1d6r", two, new Scripted(1, 1, 1)).text()).isEqualTo("1d6r → [1r1r1] = 1");
    }

    @Test
    void rerolls_keep_the_faces_they_replaced() {
        RollResult r = rolled("1d6r", 1, 1, 4);
        assertThat(r.text()).isEqualTo("1d6r → [4r1r1] = 4");
        Die die = r.rolls().get(0).terms().get(0).dice().get(0);
        assertThat(die.rerolled()).containsExactly(1, 1);
        assertThat(die.states()).containsExactly(DieState.REROLLED);
        assertThat(rolled("1d6ro", 1, 1).total()).isEqualTo(1);
        assertThat(rolled("2d6r<3", 2, 1, 5, 6).text()).isEqualTo("2d6r<3 → [5r2r1, 6] = 11");
    }

    @Test
    void clamps_record_the_face() {
        RollResult r = rolled("1d20max19", 20);
        assertThat(r.text()).isEqualTo("1d20max19 → [19c20] = 19");
        Die die = r.rolls().get(0).terms().get(0).dice().get(0);
        assertThat(die.face()).isEqualTo(20);
        assertThat(die.states()).containsExactly(DieState.CLAMPED);
        assertThat(rolled("2d6min2", 1, 4).total()).isEqualTo(6);
    }

    @Test
    void success_counting_counts_kept_dice() {
        RollResult r = rolled("4d6>4f1", 5, 1, 3, 6);
        assertThat(r.text()).isEqualTo("4d6>4f=1 → [5*, 1f, 3, 6*] = 1");
        assertThat(r.rolls().get(0).terms().get(0).dice()).extracting(Die::states).containsExactly(
                List.of(DieState.SUCCESS), List.of(DieState.FAILURE), List.of(), List.of(DieState.SUCCESS));
        assertThat(rolled("3d6kh2>=5", 5, 6, 5).total()).isEqualTo(2);
    }

    @Test
    void fudge_dice_show_minus_one_to_one() {
        RollResult r = rolled("4dF", DiceLimits.DEFAULT, Scripted.fudge(-1, 0, 1, 1));
        assertThat(r.text()).isEqualTo("4dF → [-1, 0, 1, 1] = 1");
    }

    @Test
    void groups_keep_members_by_their_totals() {
        RollResult r = rolled("{1d6, 1d8+1}kh1", 3, 7);
        assertThat(r.text()).isEqualTo("{1d6, 1d8+1}kh1 → {~[3]=3~, [7]+1=8} = 8");
        List<Term> terms = r.rolls().get(0).terms();
        assertThat(terms).extracting(Term::kind).containsExactly(TermKind.DICE, TermKind.DICE, TermKind.GROUP);
        assertThat(terms.get(2).members()).containsExactly(
                new Member("1d6", 3, List.of(DieState.DROPPED)), new Member("1d8+1", 8, List.of(DieState.KEPT)));
        assertThat(rolled("{1d6, 1d6}>4", 5, 2).text()).isEqualTo("{1d6, 1d6}>4 → {[5]=5*, [2]=2} = 1");
    }

    @Test
    void arithmetic_follows_precedence_and_parentheses() {
        assertThat(rolled("2*(1d4+1)-3", 2).text()).isEqualTo("2*(1d4+1)-3 → 2*([2]+1)-3 = 3");
        assertThat(rolled("-1d6/2", 5).total()).isEqualTo(-2);
        assertThat(rolled("floor(-1d6/2)", 5).text()).isEqualTo("floor(-1d6/2) → floor(-[5]/2) = -3");
        assertThat(rolled("ceil(1d6/2)", 5).total()).isEqualTo(3);
        assertThat(rolled("round(1d6/4)", 2).total()).isEqualTo(1);
        assertThat(rolled("round(-1d6/4)", 2).total()).isEqualTo(-1);
        assertThat(rolled("round(1d6/4)", 1).total()).isEqualTo(0);
    }

    @Test
    void repeats_roll_the_expression_again() {
        RollResult r = rolled("2 x 4d6dl1 # stats", 6, 5, 3, 1, 4, 4, 2, 2);
        assertThat(r.rolls()).extracting(Roll::total).containsExactly(14L, 10L);
        assertThat(r.text()).isEqualTo("stats: 2 x 4d6dl1 → [6, 5, 3, ~1~] = 14; [4, 4, 2, ~2~] = 10");
    }

    @Test
    void division_by_zero_fails_with_its_position() {
        RollOutcome.Failed f = failed("1d6/(1d1-1)", DiceLimits.DEFAULT, 4, 1);
        assertThat(f.problem()).isEqualTo(DiceProblem.DIVISION_BY_ZERO);
        assertThat(f.position()).isEqualTo(3);
        assertThat(f.message()).contains("1d1-1");
    }

    @Test
    void overflow_fails() {
        assertThat(failed("999999999*999999999*999999999", DiceLimits.DEFAULT).problem()).isEqualTo(DiceProblem.OVERFLOW);
    }

    @Test
    void explosions_past_the_dice_limit_fail() {
        DiceLimits five = new DiceLimits(500, 5, 10000, 100, 20, 10, 1000);
        RollOutcome.Failed f = failed("1+2d6!", five, 6, 6, 6, 6, 6, 6);
        assertThat(f.problem()).isEqualTo(DiceProblem.LIMIT);
        assertThat(f.position()).isEqualTo(2);
    }

    @Test
    void parse_errors_come_back_as_failures() {
        RollOutcome.Failed f = failed("1d20+", DiceLimits.DEFAULT);
        assertThat(f.problem()).isEqualTo(DiceProblem.SYNTAX);
        assertThat(f.position()).isEqualTo(5);
    }

    @Test
    void the_same_seed_rolls_the_same() {
        assertThat(roll("10 x 4d6!r<2kh3 + {2d8, 1d12}kh1", 42)).isEqualTo(roll("10 x 4d6!r<2kh3 + {2d8, 1d12}kh1", 42));
    }

    @Test
    void results_are_immutable_values() {
        RollResult r = rolled("{2d6r}kh1", 1, 3, 4);
        assertThat(r.rolls()).isUnmodifiable();
        assertThat(r.rolls().get(0).terms()).isUnmodifiable();
        assertThat(r.rolls().get(0).terms().get(0).dice()).isUnmodifiable();
        assertThat(r.rolls().get(0).terms().get(0).dice().get(0).states()).isUnmodifiable();
        assertThat(r.rolls().get(0).terms().get(0).dice().get(0).rerolled()).isUnmodifiable();
        assertThat(r.rolls().get(0).terms().get(1).members()).isUnmodifiable();
    }
}
