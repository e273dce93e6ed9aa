package dev.hearth.core.dice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Finding and rolling [[...]] spans in chat text. */
class InlineRollsTest {

    @Test
    void finds_each_span_with_its_position() {
        String text = "I swing [[1d20+5]] and deal [[2d6 # slashing]] damage [[ never closed";
        assertThat(InlineRolls.find(text)).containsExactly(
                new InlineRoll.Span(8, 18, "1d20+5"), new InlineRoll.Span(28, 46, "2d6 # slashing"));
        assertThat(text.substring(8, 18)).isEqualTo("[[1d20+5]]");
        assertThat(InlineRolls.find("no rolls here")).isEmpty();
        assertThat(InlineRolls.find("[[[[1d4]]]]")).containsExactly(new InlineRoll.Span(0, 9, "[[1d4"));
    }

    @Test
    void rolls_each_span_and_reports_errors_per_span() {
        InlineRolls inline = new InlineRolls(new DiceRoller(new Scripted(17, 4), DiceLimits.DEFAULT));
        List<InlineRoll> rolls = inline.roll("Attack [[1d20+5]], oops [[1d0]], damage [[1d6]]");
        assertThat(rolls).hasSize(3);
        assertThat(((RollOutcome.Rolled) rolls.get(0).outcome()).result().total()).isEqualTo(22);
        RollOutcome.Failed oops = (RollOutcome.Failed) rolls.get(1).outcome();
        assertThat(oops.position()).isEqualTo(2);
        assertThat(rolls.get(1).start()).isEqualTo(24);
        assertThat(((RollOutcome.Rolled) rolls.get(2).outcome()).result().total()).isEqualTo(4);
    }

    @Test
    void spans_past_the_limit_fail_without_rolling() {
        InlineRolls inline = new InlineRolls(new DiceRoller(new SplittableRandom(1), DiceLimits.DEFAULT));
        List<InlineRoll> rolls = inline.roll("[[1d6]]".repeat(12));
        assertThat(rolls).hasSize(12);
        assertThat(rolls.subList(0, 10)).allMatch(r -> r.outcome() instanceof RollOutcome.Rolled);
        assertThat(rolls.subList(10, 12)).allMatch(r -> r.outcome() instanceof RollOutcome.Failed f && f.problem() == DiceProblem.LIMIT);
    }
}
