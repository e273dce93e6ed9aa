package dev.hearth.core.table;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.core.access.Permission;
import dev.hearth.core.access.Role;
import dev.hearth.core.combat.CombatCommand;
import dev.hearth.core.combat.CombatantKind;
import dev.hearth.core.map.Grid;
import dev.hearth.core.map.MapCommand;
import dev.hearth.core.map.MapEvent;
import dev.hearth.core.map.TokenChange;
import dev.hearth.core.stream.Caller;
import dev.hearth.core.stream.CommandContext;
import dev.hearth.core.stream.Decision;
import dev.hearth.core.stream.Rejection;
import dev.hearth.core.stream.Visibility;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The map at the table: what each audience receives kept with the event, turns from the encounter, permissions. */
class TableMapTest {

    final Table table = new Table();
    TableState state = TableState.EMPTY;
    long seq;

    Decision<TableEvent> decide(Caller caller, TableCommand command) {
        return table.decide(state, command, new CommandContext(caller, TableDiceTest.ROSTER, TableDiceTest.NOW,
                new SplittableRandom(3)));
    }

    List<TableEvent> as(Caller caller, TableCommand command) {
        List<TableEvent> events = TableTest.accepted(decide(caller, command));
        events.forEach(e -> state = table.apply(state, e, ++seq));
        return events;
    }

    List<TableEvent> map(Caller caller, MapCommand command) {
        return as(caller, new TableCommand.Map(command));
    }

    void sceneWithPiasToken() {
        map(TableDiceTest.GM, new MapCommand.CreateScene("s", "Scene", Grid.DEFAULT, Optional.empty(), false));
        map(TableDiceTest.GM, new MapCommand.ActivateScene("s"));
        map(TableDiceTest.GM, new MapCommand.CreateToken("s", "aria", List.of(
                new TokenChange.Owners(List.of(TableDiceTest.PIA.userId()))), Optional.empty()));
    }

    @Test
    void a_hidden_token_is_recorded_for_gms_only_and_its_reveal_for_everyone_as_objects_shown() {
        sceneWithPiasToken();
        TableEvent.MapHappened created = (TableEvent.MapHappened) map(TableDiceTest.GM, new MapCommand.CreateToken("s",
                "lurker", List.of(new TokenChange.Hidden(true)), Optional.empty())).getFirst();
        assertThat(created.forOthers()).isEmpty();
        assertThat(table.visibility(created)).isEqualTo(new Visibility.GmsAnd(java.util.Set.of()));
        assertThat(table.visibility(created).allows(TableDiceTest.PIA.userId(), Role.PLAYER)).isFalse();

        TableEvent.MapHappened revealed = (TableEvent.MapHappened) map(TableDiceTest.GM, new MapCommand.EditToken("s",
                "lurker", List.of(new TokenChange.Hidden(false)), Optional.empty())).getFirst();
        assertThat(revealed.seenBy(Role.GM)).containsExactly(revealed.event());
        assertThat(revealed.seenBy(Role.PLAYER)).singleElement().isInstanceOf(MapEvent.ObjectsShown.class);
        assertThat(table.visibility(revealed)).isEqualTo(Visibility.EVERYONE);
        assertThat(state.map().scene("s").orElseThrow().token("lurker").orElseThrow().hidden()).isFalse();
    }

    @Test
    void when_moves_wait_for_turns_a_player_moves_only_while_their_combatant_acts() {
        sceneWithPiasToken();
        map(TableDiceTest.GM, new MapCommand.SetMoveRule(true));
        TableCommand.Map move = new TableCommand.Map(MapCommand.EditToken.move("s", "aria", 140, 70));
        assertThat(decide(TableDiceTest.PIA, move)).isInstanceOf(Decision.Rejected.class);

        as(TableDiceTest.GM, new TableCommand.Combat(new CombatCommand.StartEncounter()));
        as(TableDiceTest.GM, new TableCommand.Combat(new CombatCommand.AddCombatant("Aria", CombatantKind.PC,
                Optional.of(TableDiceTest.PIA.userId()), Optional.of("char-aria"), 2, List.of(20), Map.of(), false)));
        as(TableDiceTest.GM, new TableCommand.Combat(new CombatCommand.AddCombatant("Orc", CombatantKind.NPC,
                Optional.empty(), Optional.empty(), 0, List.of(15), Map.of(), false)));
        String aria = state.encounter().combatants().filter(c -> c.name().equals("Aria")).findFirst().orElseThrow().id();
        String orc = state.encounter().combatants().filter(c -> c.name().equals("Orc")).findFirst().orElseThrow().id();
        as(TableDiceTest.GM, new TableCommand.Combat(new CombatCommand.SetInitiative(aria, 10)));
        as(TableDiceTest.GM, new TableCommand.Combat(new CombatCommand.SetInitiative(orc, 20)));
        as(TableDiceTest.GM, new TableCommand.Combat(new CombatCommand.NextTurn()));
        assertThat(state.encounter().currentCombatant().orElseThrow().name()).isEqualTo("Orc");
        Decision<TableEvent> early = decide(TableDiceTest.PIA, move);
        assertThat(early).isInstanceOfSatisfying(Decision.Rejected.class,
                r -> assertThat(r.rejection().kind()).isEqualTo(Rejection.Kind.CONFLICT));

        as(TableDiceTest.GM, new TableCommand.Combat(new CombatCommand.NextTurn()));
        assertThat(state.encounter().currentCombatant().orElseThrow().name()).isEqualTo("Aria");
        as(TableDiceTest.PIA, move);
        assertThat(state.map().scene("s").orElseThrow().token("aria").orElseThrow().position().x()).isEqualTo(140);
    }

    @Test
    void each_map_command_names_the_permission_of_the_matrix() {
        assertThat(new TableCommand.Map(MapCommand.EditToken.move("s", "t", 0, 0)).permission())
                .isEqualTo(Permission.MOVE_TOKEN);
        assertThat(new TableCommand.Map(new MapCommand.UndoDrawing("s")).permission()).isEqualTo(Permission.DRAW);
        assertThat(new TableCommand.Map(new MapCommand.ClearCanvas("s")).permission()).isEqualTo(Permission.CLEAR_CANVAS);
        assertThat(new TableCommand.Map(new MapCommand.ResetFog("s", true)).permission()).isEqualTo(Permission.MANAGE_FOG);
        assertThat(new TableCommand.Map(new MapCommand.DeleteToken("s", "t")).permission()).isEqualTo(Permission.MANAGE_MAP);
    }

    @Test
    void an_imported_scene_arrives_whole_for_gms_without_anyones_undo_history_and_moves_the_clock_past_its_stamps() {
        sceneWithPiasToken();
        map(TableDiceTest.PIA, new MapCommand.Draw("s", "arrow", dev.hearth.core.map.Layer.DRAWINGS,
                new dev.hearth.core.map.Shape.Line(0, 0, 10, 10), new dev.hearth.core.map.Pen("#fff", 1)));
        dev.hearth.core.map.MapView.SceneView source = dev.hearth.core.map.MapView.scene(
                state.map().scene("s").orElseThrow(), "", true);
        TableMapTest other = new TableMapTest();
        TableEvent.MapHappened imported = (TableEvent.MapHappened) other.map(TableDiceTest.GM,
                new MapCommand.ImportScene(source)).getFirst();
        assertThat(imported.forOthers()).isEmpty();
        dev.hearth.core.map.Scene copy = other.state.map().scene("s").orElseThrow();
        assertThat(copy.tokens()).isEqualTo(state.map().scene("s").orElseThrow().tokens());
        assertThat(copy.canvas().drawings()).hasSize(1);
        assertThat(copy.canvas().history(TableDiceTest.PIA.userId()).undo()).isEmpty();
        assertThat(other.state.map().clock()).isEqualTo(state.map().clock());
        assertThat(other.state.map().activeSceneId()).isEmpty();
        assertThat(other.decide(TableDiceTest.GM, new TableCommand.Map(new MapCommand.ImportScene(source))))
                .isInstanceOfSatisfying(Decision.Rejected.class,
                        r -> assertThat(r.rejection().kind()).isEqualTo(Rejection.Kind.CONFLICT));
        assertThat(other.decide(TableDiceTest.PIA, new TableCommand.Map(new MapCommand.ImportScene(source))))
                .isInstanceOf(Decision.Rejected.class);
    }
}
