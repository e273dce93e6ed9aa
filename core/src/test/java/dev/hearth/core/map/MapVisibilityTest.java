package dev.hearth.core.map;

import static dev.hearth.core.map.Board.GM;
import static dev.hearth.core.map.Board.PIA;
import static dev.hearth.core.map.Board.SAM;
import static dev.hearth.core.map.Board.SCENE;
import static dev.hearth.core.map.Board.edit;
import static dev.hearth.core.map.Board.move;
import static dev.hearth.core.map.Board.rect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.core.access.Role;
import dev.hearth.core.map.MapEvent.*;
import dev.hearth.core.testing.Strings;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What players and spectators receive of the map, and what they never do. */
class MapVisibilityTest {

    static List<String> tokenIds(MapView view) {
        return view.scenes().stream().flatMap(s -> s.tokens().stream()).map(Token::id).toList();
    }

    static List<String> drawingIds(MapView view) {
        return view.scenes().stream().flatMap(s -> s.drawings().stream()).map(Drawing::id).toList();
    }

    @Test
    void the_gm_layer_and_hidden_tokens_reach_only_gms() {
        Board board = Board.withScene();
        board.token("open", 0, 0);
        board.token("trap", 0, 0, new TokenChange.OnLayer(Layer.GM));
        board.token("ninja", 0, 0, new TokenChange.Hidden(true));
        board.gm(rect("note", Layer.GM, 0, 0));
        board.gm(move("trap", 70, 70));
        board.gm(move("ninja", 70, 70));
        assertThat(board.gms()).hasSize(6);
        assertThat(board.others()).hasSize(1).first().isInstanceOf(TokenCreated.class);
        assertThat(Strings.of(board.others())).doesNotContain("trap", "ninja", "note");
        assertThat(tokenIds(MapView.of(board.state, PIA.userId(), Role.PLAYER))).containsExactly("open");
        assertThat(tokenIds(MapView.of(board.state, SAM.userId(), Role.SPECTATOR))).containsExactly("open");
        assertThat(drawingIds(MapView.of(board.state, PIA.userId(), Role.PLAYER))).isEmpty();
        assertThat(tokenIds(MapView.of(board.state, GM.userId(), Role.GM))).containsExactly("open", "trap", "ninja");
        assertThat(drawingIds(MapView.of(board.state, GM.userId(), Role.GM))).containsExactly("note");
    }

    @Test
    void a_revealed_token_appears_whole_and_a_hidden_one_disappears_by_id() {
        Board board = Board.withScene();
        board.token("ninja", 0, 0, new TokenChange.Hidden(true), new TokenChange.Name("Ninja"));
        board.gm(edit("ninja", Optional.empty(), new TokenChange.Hidden(false)));
        assertThat(board.others()).singleElement().isEqualTo(
                new ObjectsShown(SCENE, List.of(board.tokenNow("ninja")), List.of()));
        board.deliveries.clear();
        board.gm(edit("ninja", Optional.empty(), new TokenChange.OnLayer(Layer.GM)));
        assertThat(board.others()).containsExactly(new ObjectsHidden(SCENE, List.of("ninja"), List.of()));
    }

    @Test
    void a_token_moving_under_fog_is_removed_for_players_and_one_coming_out_appears() {
        Board board = Board.withScene();
        board.gm(Board.fog(FogMode.HIDE, 1000, 0, 1000, 1000));
        board.token("orc", 1500, 500);
        assertThat(board.others()).containsExactly(board.gms().getFirst());
        board.deliveries.clear();
        board.gm(move("orc", 500, 500));
        assertThat(board.others()).containsExactly(new ObjectsShown(SCENE, List.of(board.tokenNow("orc")), List.of()));
        board.deliveries.clear();
        board.gm(move("orc", 600, 500));
        assertThat(board.others()).singleElement().isInstanceOf(TokenEdited.class);
        board.deliveries.clear();
        board.gm(move("orc", 1200, 500));
        assertThat(board.others()).containsExactly(new ObjectsHidden(SCENE, List.of("orc"), List.of()));
        board.deliveries.clear();
        board.gm(move("orc", 1300, 500));
        assertThat(board.others()).isEmpty();
        assertThat(tokenIds(MapView.of(board.state, PIA.userId(), Role.PLAYER))).isEmpty();
    }

    @Test
    void fogging_a_room_hides_what_is_in_it_and_revealing_it_shows_it() {
        Board board = Board.withScene();
        board.token("chest", 100, 100);
        board.token("door", 900, 100);
        board.gm(rect("map", Layer.DRAWINGS, 120, 120));
        board.deliveries.clear();
        board.gm(Board.fog(FogMode.HIDE, 0, 0, 500, 500));
        FogChanged fogged = (FogChanged) board.gms().getFirst();
        assertThat(board.others()).containsExactly(fogged, new ObjectsHidden(SCENE, List.of("chest"), List.of("map")));
        assertThat(tokenIds(MapView.of(board.state, PIA.userId(), Role.PLAYER))).containsExactly("door");
        board.deliveries.clear();
        board.gm(new MapCommand.ResetFog(SCENE, false));
        assertThat(board.others()).containsExactly(board.gms().getFirst(), new ObjectsShown(SCENE,
                List.of(board.tokenNow("chest")), board.scene().canvas().drawings()));
    }

    @Test
    void a_fully_fogged_scene_shows_players_nothing_until_the_gm_reveals() {
        Board board = new Board();
        board.gm(new MapCommand.CreateScene("dark", "Dark", Grid.DEFAULT, Optional.empty(), true));
        board.gm(new MapCommand.CreateToken("dark", "t1", List.of(new TokenChange.Position(10, 10)), Optional.empty()));
        board.gm(new MapCommand.ActivateScene("dark"));
        SceneShown shown = (SceneShown) board.others().getLast();
        assertThat(shown.scene().tokens()).isEmpty();
        assertThat(shown.scene().fog().fogged()).isTrue();
        board.deliveries.clear();
        board.gm(new MapCommand.ChangeFog("dark", FogMode.REVEAL, new FogArea.Polygon(List.of(0.0, 0.0, 200.0, 0.0,
                0.0, 200.0))));
        assertThat(board.others()).last().isInstanceOf(ObjectsShown.class);
    }

    @Test
    void other_scenes_are_the_gms_alone_and_activating_one_shows_players_only_what_they_may_see() {
        Board board = Board.withScene();
        board.gm(new MapCommand.CreateScene("lair", "Dragon lair", Grid.DEFAULT, Optional.empty(), false));
        board.gm(new MapCommand.CreateToken("lair", "dragon", List.of(), Optional.empty()));
        board.gm(new MapCommand.CreateToken("lair", "egg", List.of(new TokenChange.Hidden(true)), Optional.empty()));
        board.gm(new MapCommand.Draw("lair", "plan", Layer.GM, new Shape.Rect(0, 0, 5, 5), Board.PEN));
        assertThat(board.others()).isEmpty();
        assertThat(MapView.of(board.state, PIA.userId(), Role.PLAYER).scenes()).extracting(s -> s.settings().id())
                .containsExactly(SCENE);
        board.gm(new MapCommand.ActivateScene("lair"));
        SceneShown shown = (SceneShown) board.others().getFirst();
        assertThat(shown.scene().tokens()).extracting(Token::id).containsExactly("dragon");
        assertThat(shown.scene().drawings()).isEmpty();
        assertThat(MapView.of(board.state, GM.userId(), Role.GM).scenes()).hasSize(2);
    }

    @Test
    void views_and_their_lists_are_unmodifiable() {
        Board board = Board.withScene();
        board.token("t1", 0, 0);
        MapView view = MapView.of(board.state, PIA.userId(), Role.PLAYER);
        assertThat(view.scenes()).isUnmodifiable();
        assertThat(view.scenes().getFirst().tokens()).isUnmodifiable();
        assertThat(view.scenes().getFirst().drawings()).isUnmodifiable();
        assertThat(board.state.scenes()).isUnmodifiable();
        assertThat(board.scene().tokens()).isUnmodifiable();
        assertThat(board.scene().canvas().drawings()).isUnmodifiable();
    }

    @Test
    void audiences_split_gms_from_everyone_else() {
        assertThat(MapVisibility.Audience.GMS.allows(Role.GM)).isTrue();
        assertThat(MapVisibility.Audience.GMS.allows(Role.PLAYER)).isFalse();
        assertThat(MapVisibility.Audience.OTHERS.allows(Role.PLAYER)).isTrue();
        assertThat(MapVisibility.Audience.OTHERS.allows(Role.SPECTATOR)).isTrue();
        assertThat(MapVisibility.Audience.OTHERS.allows(Role.GM)).isFalse();
    }
}
