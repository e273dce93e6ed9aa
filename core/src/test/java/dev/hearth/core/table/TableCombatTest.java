package dev.hearth.core.table;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.core.access.Role;
import dev.hearth.core.combat.CombatCommand;
import dev.hearth.core.combat.CombatEvent;
import dev.hearth.core.combat.CombatVisibility;
import dev.hearth.core.combat.CombatantKind;
import dev.hearth.core.combat.DamageType;
import dev.hearth.core.combat.Encounter;
import dev.hearth.core.combat.RollMode;
import dev.hearth.core.stream.Caller;
import dev.hearth.core.stream.CommandContext;
import dev.hearth.core.stream.Decision;
import dev.hearth.core.stream.Rejection;
import dev.hearth.core.stream.Visibility;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Combat at the table: the tracker's events wrapped with the visibility decided when they were recorded. */
class TableCombatTest {

    final Table table = new Table();
    TableState state = TableState.EMPTY;
    long seq;
    final SplittableRandom random = new SplittableRandom(21);

    Decision<TableEvent> decide(Caller caller, CombatCommand command) {
        return table.decide(state, new TableCommand.Combat(command),
                new CommandContext(caller, TableDiceTest.ROSTER, TableDiceTest.NOW, random));
    }

    List<TableEvent> as(Caller caller, CombatCommand command) {
        List<TableEvent> events = TableTest.accepted(decide(caller, command));
        for (TableEvent e : events) {
            state = table.apply(state, e, ++seq);
        }
        return events;
    }

    String add(String name, CombatantKind kind, Optional<String> owner, int hp, boolean hidden) {
        List<TableEvent> events = as(TableDiceTest.GM, new CombatCommand.AddCombatant(name, kind, owner,
                kind == CombatantKind.PC ? Optional.of("char-" + name) : Optional.empty(), 2, List.of(hp), Map.of(),
                hidden));
        return events.stream().map(e -> ((TableEvent.CombatHappened) e).event())
                .filter(e -> e instanceof CombatEvent.CombatantAdded).map(e -> ((CombatEvent.CombatantAdded) e)
                        .combatant().id()).findFirst().orElseThrow();
    }

    @Test
    void each_combat_event_carries_the_visibility_judged_on_the_encounter_just_before_it() {
        as(TableDiceTest.GM, new CombatCommand.StartEncounter());
        String pc = add("Aria", CombatantKind.PC, Optional.of(TableDiceTest.PIA.userId()), 20, false);
        String lurker = add("Lurker", CombatantKind.NPC, Optional.empty(), 30, true);
        assertThat(state.encounter().combatant(lurker).orElseThrow().hidden()).isTrue();

        Encounter before = state.encounter();
        List<TableEvent> events = as(TableDiceTest.GM, new CombatCommand.RollInitiative(Optional.empty(), RollMode.NORMAL));
        Encounter replay = before;
        for (TableEvent e : events) {
            TableEvent.CombatHappened h = (TableEvent.CombatHappened) e;
            assertThat(h.userId()).isEqualTo(TableDiceTest.GM.userId());
            assertThat(h.visibility()).isEqualTo(CombatVisibility.of(h.event(), replay));
            assertThat(table.visibility(h)).isSameAs(h.visibility());
            replay = new dev.hearth.core.combat.Combat().apply(replay, h.event());
        }
        assertThat(replay).isEqualTo(state.encounter());
        assertThat(events.stream().filter(e -> table.visibility(e).allows(TableDiceTest.PIA.userId(), Role.PLAYER))
                .map(Object::toString)).noneMatch(s -> s.contains(lurker + ",") || s.contains("Lurker"));
        assertThat(pc).isNotEqualTo(lurker);
    }

    @Test
    void the_recorded_visibility_is_what_the_table_answers_whatever_the_event() {
        var revealed = new TableEvent.CombatHappened("u-gm", new CombatEvent.Revealed("c9"), Visibility.only("u-x"));
        assertThat(table.visibility(revealed)).isEqualTo(Visibility.only("u-x"));
    }

    @Test
    void a_player_ending_another_players_turn_is_refused_and_nothing_changes() {
        as(TableDiceTest.GM, new CombatCommand.StartEncounter());
        add("Aria", CombatantKind.PC, Optional.of(TableDiceTest.PIA.userId()), 20, false);
        add("Brom", CombatantKind.PC, Optional.of(TableDiceTest.PAUL.userId()), 20, false);
        as(TableDiceTest.GM, new CombatCommand.RollInitiative(Optional.empty(), RollMode.NORMAL));
        as(TableDiceTest.GM, new CombatCommand.NextTurn());
        String current = state.encounter().current().orElseThrow();
        Caller other = state.encounter().combatant(current).orElseThrow().ownedBy(TableDiceTest.PIA.userId())
                ? TableDiceTest.PAUL : TableDiceTest.PIA;
        TableState before = state;
        assertThat(TableTest.rejected(decide(other, new CombatCommand.NextTurn())).kind())
                .isEqualTo(Rejection.Kind.NOT_PERMITTED);
        assertThat(state).isSameAs(before);
    }

    @Test
    void damage_to_a_removed_combatant_is_not_found() {
        as(TableDiceTest.GM, new CombatCommand.StartEncounter());
        String goblin = add("Goblin", CombatantKind.NPC, Optional.empty(), 7, false);
        as(TableDiceTest.GM, new CombatCommand.RemoveCombatant(goblin));
        Rejection r = TableTest.rejected(decide(TableDiceTest.GM, new CombatCommand.Damage(goblin, 5,
                DamageType.SLASHING, false)));
        assertThat(r.kind()).isEqualTo(Rejection.Kind.NOT_FOUND);
    }

    @Test
    void a_spectator_changes_nothing_in_a_fight() {
        as(TableDiceTest.GM, new CombatCommand.StartEncounter());
        assertThat(TableTest.rejected(decide(TableDiceTest.SAM, new CombatCommand.NextTurn())).kind())
                .isEqualTo(Rejection.Kind.NOT_PERMITTED);
    }

    @Test
    void replaying_the_log_rebuilds_the_encounter_without_rolling() {
        as(TableDiceTest.GM, new CombatCommand.StartEncounter());
        add("Aria", CombatantKind.PC, Optional.of(TableDiceTest.PIA.userId()), 20, false);
        add("Orc", CombatantKind.NPC, Optional.empty(), 15, false);
        List<TableEvent> log = new ArrayList<>();
        log.addAll(as(TableDiceTest.GM, new CombatCommand.RollInitiative(Optional.empty(), RollMode.ADVANTAGE)));
        log.addAll(as(TableDiceTest.GM, new CombatCommand.NextTurn()));
        TableState live = state;
        // Apply alone, on the state before those commands, gives the same encounter: the d20s are in the events.
        TableState replayed = table.initial();
        state = TableState.EMPTY;
        seq = 0;
        as(TableDiceTest.GM, new CombatCommand.StartEncounter());
        add("Aria", CombatantKind.PC, Optional.of(TableDiceTest.PIA.userId()), 20, false);
        add("Orc", CombatantKind.NPC, Optional.empty(), 15, false);
        replayed = state;
        for (TableEvent e : log) {
            replayed = table.apply(replayed, e, ++seq);
        }
        assertThat(replayed.encounter()).isEqualTo(live.encounter());
    }
}
