package dev.hearth.core.table;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.core.access.Role;
import dev.hearth.core.dice.RollResult;
import dev.hearth.core.stream.Caller;
import dev.hearth.core.stream.CommandContext;
import dev.hearth.core.stream.Decision;
import dev.hearth.core.stream.Rejection;
import dev.hearth.core.stream.Roster;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Dice at the table: rolls drawn in decide and recorded, roll modes, inline rolls, bad notation. */
class TableDiceTest {

    static final Caller GM = new Caller("u-gm", "Gemma", Role.GM);
    static final Caller PIA = new Caller("u-pia", "Pia", Role.PLAYER);
    static final Caller PAUL = new Caller("u-paul", "Paul", Role.PLAYER);
    static final Caller SAM = new Caller("u-sam", "Sam", Role.SPECTATOR);
    static final Roster ROSTER = new Roster(Map.of(GM.userId(), GM, PIA.userId(), PIA, PAUL.userId(), PAUL,
            SAM.userId(), SAM));
    static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

    final Table table = new Table();

    Decision<TableEvent> decide(Caller caller, TableCommand command, long seed) {
        return table.decide(table.initial(), command, new CommandContext(caller, ROSTER, NOW, new SplittableRandom(seed)));
    }

    static TableCommand roll(String expression, DiceMode mode) {
        return new TableCommand.RollDice(expression, mode);
    }

    @Test
    void a_roll_is_drawn_from_the_context_and_recorded_so_the_same_seed_rolls_the_same() {
        List<TableEvent> first = TableTest.accepted(decide(PIA, roll("4d6dl1 # strength", DiceMode.PUBLIC), 7));
        List<TableEvent> again = TableTest.accepted(decide(PIA, roll("4d6dl1 # strength", DiceMode.PUBLIC), 7));
        assertThat(first).isEqualTo(again).hasSize(1);
        TableEvent.DiceRolled rolled = (TableEvent.DiceRolled) first.get(0);
        assertThat(rolled.userId()).isEqualTo(PIA.userId());
        assertThat(rolled.expression()).isEqualTo("4d6dl1 # strength");
        RollResult result = rolled.result();
        assertThat(result.label()).isEqualTo("strength");
        assertThat(result.total()).isBetween(3L, 18L);
        assertThat(table.visibility(rolled).allows(SAM.userId(), Role.SPECTATOR)).isTrue();
    }

    @Test
    void applying_a_roll_reads_it_and_never_rolls_again() {
        TableEvent rolled = TableTest.accepted(decide(PIA, roll("1d20", DiceMode.PUBLIC), 3)).get(0);
        assertThat(table.apply(table.initial(), rolled, 1)).isEqualTo(table.initial());
    }

    @Test
    void a_blind_roll_shows_its_result_to_the_gms_only_and_tells_the_roller_that_it_happened() {
        List<TableEvent> events = TableTest.accepted(decide(PIA, roll("1d20+5", DiceMode.BLIND), 11));
        assertThat(events).hasSize(2);
        TableEvent.DiceRolled rolled = (TableEvent.DiceRolled) events.get(0);
        TableEvent.DiceHidden hidden = (TableEvent.DiceHidden) events.get(1);
        assertThat(table.visibility(rolled).allows(GM.userId(), Role.GM)).isTrue();
        assertThat(table.visibility(rolled).allows(PIA.userId(), Role.PLAYER)).isFalse();
        assertThat(table.visibility(rolled).allows(PAUL.userId(), Role.PLAYER)).isFalse();
        assertThat(table.visibility(hidden).allows(PIA.userId(), Role.PLAYER)).isTrue();
        assertThat(table.visibility(hidden).allows(GM.userId(), Role.GM)).isFalse();
        assertThat(hidden).isEqualTo(new TableEvent.DiceHidden(PIA.userId(), "Pia", "1d20+5"));
        // Nothing the roller receives holds the result.
        for (TableEvent e : events) {
            if (table.visibility(e).allows(PIA.userId(), Role.PLAYER)) {
                assertThat(e.toString()).doesNotContain("total").doesNotContain(rolled.result().text());
            }
        }
    }

    @Test
    void a_gms_blind_roll_is_simply_theirs_to_see() {
        List<TableEvent> events = TableTest.accepted(decide(GM, roll("1d20", DiceMode.BLIND), 11));
        assertThat(events).hasSize(1);
        assertThat(table.visibility(events.get(0)).allows(GM.userId(), Role.GM)).isTrue();
    }

    @Test
    void a_gm_roll_is_for_the_gms_and_the_roller_and_a_self_roll_for_the_roller_alone() {
        TableEvent gmRoll = TableTest.accepted(decide(PIA, roll("1d20", DiceMode.GM), 1)).get(0);
        assertThat(table.visibility(gmRoll).allows(PIA.userId(), Role.PLAYER)).isTrue();
        assertThat(table.visibility(gmRoll).allows(GM.userId(), Role.GM)).isTrue();
        assertThat(table.visibility(gmRoll).allows(PAUL.userId(), Role.PLAYER)).isFalse();
        TableEvent self = TableTest.accepted(decide(PIA, roll("1d20", DiceMode.SELF), 1)).get(0);
        assertThat(table.visibility(self).allows(PIA.userId(), Role.PLAYER)).isTrue();
        assertThat(table.visibility(self).allows(GM.userId(), Role.GM)).isFalse();
        assertThat(table.visibility(self).allows(PAUL.userId(), Role.PLAYER)).isFalse();
    }

    @Test
    void a_spectator_cannot_roll() {
        assertThat(TableTest.rejected(decide(SAM, roll("1d20", DiceMode.PUBLIC), 1)).kind())
                .isEqualTo(Rejection.Kind.NOT_PERMITTED);
    }

    @Test
    void bad_notation_is_refused_naming_the_field_the_position_and_what_was_expected() {
        Rejection r = TableTest.rejected(decide(PIA, roll("1d20+", DiceMode.PUBLIC), 1));
        assertThat(r.kind()).isEqualTo(Rejection.Kind.INVALID);
        assertThat(r.details()).containsEntry("field", "expression").containsEntry("position", 5)
                .containsEntry("reason", "syntax").containsKey("expected");
        assertThat(r.message()).contains("position 5");
    }

    @Test
    void absurd_sizes_and_division_by_zero_are_refused() {
        Rejection huge = TableTest.rejected(decide(PIA, roll("1000000d1000000", DiceMode.PUBLIC), 1));
        assertThat(huge.details()).containsEntry("field", "expression").containsEntry("position", 0)
                .containsEntry("reason", "limit");
        Rejection zero = TableTest.rejected(decide(PIA, roll("1d6/(1d1-1)", DiceMode.PUBLIC), 1));
        assertThat(zero.details()).containsEntry("field", "expression").containsEntry("reason", "division_by_zero");
    }

    @Test
    void inline_rolls_are_rolled_when_posted_and_carried_by_the_chat_line() {
        String text = "I swing [[1d20+5]] and deal [[2d6+3 # slashing]]";
        TableEvent.ChatPosted posted = (TableEvent.ChatPosted) TableTest.accepted(decide(PIA,
                TableTest.say(text), 5)).get(0);
        assertThat(posted.rolls()).hasSize(2);
        ChatRoll first = posted.rolls().get(0);
        assertThat(text.substring(first.start(), first.end())).isEqualTo("[[1d20+5]]");
        assertThat(first.notation()).isEqualTo("1d20+5");
        assertThat(first.result().total()).isBetween(6L, 25L);
        assertThat(posted.rolls().get(1).result().label()).isEqualTo("slashing");
        assertThat(((TableEvent.ChatPosted) TableTest.accepted(decide(PIA, TableTest.say("no dice"), 5)).get(0))
                .rolls()).isEmpty();
    }

    @Test
    void a_broken_inline_roll_refuses_the_whole_message_with_its_position_in_the_text() {
        Rejection r = TableTest.rejected(decide(PIA, TableTest.say("ok [[1d20]] bad [[2dX]]"), 5));
        assertThat(r.details()).containsEntry("field", "text").containsEntry("position", 20);
    }

    @Test
    void more_than_ten_inline_rolls_are_refused() {
        String text = "[[1]]".repeat(11);
        Rejection r = TableTest.rejected(decide(PIA, TableTest.say(text), 5));
        assertThat(r.details()).containsEntry("field", "text").containsEntry("reason", "limit")
                .containsEntry("position", 50);
    }

    @Test
    void inline_rolls_travel_with_the_line_into_the_recent_chat() {
        TableEvent posted = TableTest.accepted(decide(PIA, TableTest.say("[[1d4]]"), 5)).get(0);
        TableState state = table.apply(table.initial(), posted, 1);
        assertThat(state.recentChat().get(0).posted().rolls()).hasSize(1);
        assertThat(Optional.of(state.recentChat().get(0).posted())).contains((TableEvent.ChatPosted) posted);
    }
}
