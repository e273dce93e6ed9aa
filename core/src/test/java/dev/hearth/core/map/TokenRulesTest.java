package dev.hearth.core.map;

import static dev.hearth.core.map.Board.GM;
import static dev.hearth.core.map.Board.PAUL;
import static dev.hearth.core.map.Board.PIA;
import static dev.hearth.core.map.Board.SAM;
import static dev.hearth.core.map.Board.SCENE;
import static dev.hearth.core.map.Board.edit;
import static dev.hearth.core.map.Board.move;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.core.map.MapEvent.TokenEdited;
import dev.hearth.core.stream.Rejection.Kind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenRulesTest {

    @Test
    void a_gm_places_a_token_whose_unset_properties_take_the_defaults() {
        Board board = Board.withScene();
        board.token("t1", 140, 70, new TokenChange.Name("Goblin"));
        Token t = board.tokenNow("t1");
        assertThat(t.position()).isEqualTo(new TokenChange.Position(140, 70));
        assertThat(t.size()).isEqualTo(new TokenChange.Size(70, 70));
        assertThat(t.layer()).isEqualTo(Layer.TOKENS);
        assertThat(t.name()).isEqualTo("Goblin");
        assertThat(t.owners()).isEmpty();
        assertThat(t.hidden()).isFalse();
        assertThat(t.locked()).isFalse();
        assertThat(t.registers()).isUnmodifiable();
        assertThat(board.state.clock()).isEqualTo(t.stamp(TokenProperty.POSITION));
    }

    @Test
    void a_player_moves_and_rotates_a_token_they_own() {
        Board board = Board.withScene();
        board.own("t1", PIA, 0, 0);
        board.as(PIA, move("t1", 70, 140));
        board.as(PIA, edit("t1", Optional.empty(), new TokenChange.Rotation(-90)));
        assertThat(board.tokenNow("t1").position()).isEqualTo(new TokenChange.Position(70, 140));
        assertThat(board.tokenNow("t1").rotation()).isEqualTo(270);
    }

    @Test
    void a_player_cannot_move_another_players_token() {
        Board board = Board.withScene();
        board.own("t1", PIA, 0, 0);
        assertThat(board.refused(PAUL, move("t1", 70, 70), Kind.NOT_PERMITTED).message()).contains("your own");
    }

    @Test
    void a_player_cannot_rename_hide_or_give_away_their_token() {
        Board board = Board.withScene();
        board.own("t1", PIA, 0, 0);
        board.refused(PIA, edit("t1", Optional.empty(), new TokenChange.Name("Me")), Kind.NOT_PERMITTED);
        board.refused(PIA, edit("t1", Optional.empty(), new TokenChange.Hidden(true)), Kind.NOT_PERMITTED);
        board.refused(PIA, edit("t1", Optional.empty(), new TokenChange.Owners(List.of(PAUL.userId()))),
                Kind.NOT_PERMITTED);
    }

    @Test
    void a_player_cannot_move_a_locked_token() {
        Board board = Board.withScene();
        board.own("t1", PIA, 0, 0);
        board.gm(edit("t1", Optional.empty(), new TokenChange.Locked(true)));
        assertThat(board.refused(PIA, move("t1", 70, 70), Kind.CONFLICT).message()).contains("locked");
        board.gm(move("t1", 70, 70));
    }

    @Test
    void players_move_only_on_their_turn_when_the_gm_rules_so() {
        Board board = Board.withScene();
        board.own("t1", PIA, 0, 0);
        board.gm(new MapCommand.SetMoveRule(true));
        board.callersTurn = false;
        assertThat(board.refused(PIA, move("t1", 70, 70), Kind.CONFLICT).message()).contains("turn");
        board.as(GM, move("t1", 70, 70));
        board.callersTurn = true;
        board.as(PIA, move("t1", 140, 70));
    }

    @Test
    void player_cannot_move_token_into_fog() {
        Board board = Board.withScene();
        board.own("t1", PIA, 0, 0);
        board.gm(Board.fog(FogMode.HIDE, 500, 0, 500, 500));
        assertThat(board.refused(PIA, move("t1", 600, 100), Kind.CONFLICT).message()).contains("fog");
        // The rule looks at the token's centre: its corner may overlap the fog.
        board.as(PIA, move("t1", 440, 100));
    }

    @Test
    void spectators_change_nothing() {
        Board board = Board.withScene();
        board.own("t1", SAM, 0, 0);
        board.refused(SAM, move("t1", 70, 70), Kind.NOT_PERMITTED);
        board.refused(SAM, Board.rect("d1", Layer.DRAWINGS, 0, 0), Kind.NOT_PERMITTED);
    }

    @Test
    void coordinates_out_of_range_or_not_finite_and_sizes_not_above_zero_are_invalid() {
        Board board = Board.withScene();
        board.token("t1", 0, 0);
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, 1_000_000.5, -2e6}) {
            assertThat(board.refused(GM, move("t1", bad, 0), Kind.INVALID).details()).containsEntry("field", "x");
            assertThat(board.refused(GM, move("t1", 0, bad), Kind.INVALID).details()).containsEntry("field", "y");
        }
        board.gm(move("t1", 1_000_000, -1_000_000));
        for (double bad : new double[] {0, -1, Double.NaN, 2e6}) {
            board.refused(GM, edit("t1", Optional.empty(), new TokenChange.Size(bad, 10)), Kind.INVALID);
        }
        board.refused(GM, edit("t1", Optional.empty(), new TokenChange.Rotation(Double.NaN)), Kind.INVALID);
        board.refused(GM, edit("t1", Optional.empty(), new TokenChange.OnLayer(Layer.DRAWINGS)), Kind.INVALID);
        board.refused(GM, edit("t1", Optional.empty()), Kind.INVALID);
        board.refused(GM, edit("t1", Optional.empty(), new TokenChange.Position(1, 1), new TokenChange.Position(2, 2)),
                Kind.INVALID);
        board.refused(GM, new MapCommand.CreateToken(SCENE, "bad id!", List.of(), Optional.empty()), Kind.INVALID);
        board.refused(GM, edit("t1", Optional.of(new Hlc(-1, 0, "x")), new TokenChange.Position(1, 1)), Kind.INVALID);
    }

    @Test
    void edits_to_a_deleted_token_are_not_found_and_its_id_is_not_reused() {
        Board board = Board.withScene();
        board.token("t1", 0, 0);
        board.gm(new MapCommand.DeleteToken(SCENE, "t1"));
        assertThat(board.refused(GM, move("t1", 70, 70), Kind.NOT_FOUND).message()).contains("deleted");
        board.refused(GM, new MapCommand.DeleteToken(SCENE, "t1"), Kind.NOT_FOUND);
        board.refused(GM, new MapCommand.CreateToken(SCENE, "t1", List.of(), Optional.empty()), Kind.CONFLICT);
        board.refused(GM, move("nope", 70, 70), Kind.NOT_FOUND);
    }

    @Test
    void for_a_player_a_token_they_may_not_see_does_not_exist() {
        Board board = Board.withScene();
        board.token("hid", 0, 0, new TokenChange.Owners(List.of(PIA.userId())), new TokenChange.Hidden(true));
        board.token("gm", 0, 0, new TokenChange.Owners(List.of(PIA.userId())), new TokenChange.OnLayer(Layer.GM));
        String unknown = board.refused(PIA, move("nope", 70, 70), Kind.NOT_FOUND).message();
        assertThat(board.refused(PIA, move("hid", 70, 70), Kind.NOT_FOUND).message())
                .isEqualTo(unknown.replace("nope", "hid"));
        board.refused(PIA, move("gm", 70, 70), Kind.NOT_FOUND);
    }

    @Test
    void players_see_and_act_only_on_the_active_scene() {
        Board board = Board.withScene();
        board.gm(new MapCommand.CreateScene("lair", "Dragon lair", Grid.DEFAULT, Optional.empty(), true));
        board.gm(new MapCommand.CreateToken("lair", "t9", List.of(new TokenChange.Owners(List.of(PIA.userId()))),
                Optional.empty()));
        board.refused(PIA, MapCommand.EditToken.move("lair", "t9", 1, 1), Kind.NOT_FOUND);
        board.refused(PIA, new MapCommand.Draw("lair", "d1", Layer.DRAWINGS, new Shape.Rect(0, 0, 1, 1), Board.PEN),
                Kind.NOT_FOUND);
        board.refused(PIA, new MapCommand.ActivateScene("lair"), Kind.NOT_PERMITTED);
    }

    @Test
    void of_two_moves_of_one_token_the_later_stamp_wins_whatever_arrives_last() {
        Board board = Board.withScene();
        board.own("t1", PIA, 0, 0);
        board.own("t2", PAUL, 0, 0);
        board.gm(edit("t1", Optional.empty(), new TokenChange.Owners(List.of(PIA.userId(), PAUL.userId()))));
        long t = board.millis();
        // Paul moved later (by his clock) but his edit reaches the server first.
        board.as(PAUL, edit("t1", Optional.of(new Hlc(t + 20, 0, "c")), new TokenChange.Position(140, 0)));
        List<MapEvent> late = board.as(PIA, edit("t1", Optional.of(new Hlc(t + 10, 0, "c")),
                new TokenChange.Position(280, 0)));
        assertThat(late).as("a superseded edit records nothing").isEmpty();
        assertThat(board.tokenNow("t1").position()).isEqualTo(new TokenChange.Position(140, 0));
        assertThat(board.tokenNow("t1").stamp(TokenProperty.POSITION)).isEqualTo(new Hlc(t + 20, 0, PAUL.userId()));
    }

    @Test
    void concurrent_edits_of_different_properties_of_one_token_both_survive_in_either_order() {
        Board board = Board.withScene();
        board.token("t1", 0, 0);
        MapState start = board.state;
        long t = board.millis();
        TokenEdited move = new TokenEdited(SCENE, "t1", List.of(new TokenChange.Position(70, 0)), new Hlc(t + 5, 0, "a"));
        TokenEdited rename = new TokenEdited(SCENE, "t1", List.of(new TokenChange.Name("Ogre")), new Hlc(t + 3, 0, "b"));
        MapState one = board.rules.apply(board.rules.apply(start, move), rename);
        MapState two = board.rules.apply(board.rules.apply(start, rename), move);
        assertThat(one).isEqualTo(two);
        Token token = one.scene(SCENE).orElseThrow().token("t1").orElseThrow();
        assertThat(token.position()).isEqualTo(new TokenChange.Position(70, 0));
        assertThat(token.name()).isEqualTo("Ogre");
    }

    @Test
    void a_client_stamp_far_ahead_is_clamped_and_cannot_win_for_ever() {
        Board board = Board.withScene();
        board.own("t1", PIA, 0, 0);
        long t = board.millis();
        board.as(PIA, edit("t1", Optional.of(new Hlc(t + 86_400_000, 7, "forged")), new TokenChange.Position(70, 0)));
        Hlc stamp = board.tokenNow("t1").stamp(TokenProperty.POSITION);
        assertThat(stamp).isEqualTo(new Hlc(t + HybridLogicalClock.MAX_SKEW_MILLIS, 7, PIA.userId()));
        // The server's own stamp comes after everything it has seen, so the GM's move wins at once.
        board.gm(move("t1", 140, 0));
        assertThat(board.tokenNow("t1").position()).isEqualTo(new TokenChange.Position(140, 0));
        // And a minute later, an honest client's clock has passed the bound too.
        board.now = board.now.plusSeconds(61);
        board.as(PIA, edit("t1", Optional.of(new Hlc(board.millis(), 0, "c")), new TokenChange.Position(210, 0)));
        assertThat(board.tokenNow("t1").position()).isEqualTo(new TokenChange.Position(210, 0));
    }

    @Test
    void a_scene_holds_a_thousand_tokens_and_refuses_the_next_clearly() {
        Board board = Board.withScene();
        Scene scene = board.scene();
        Map<String, Token> tokens = new LinkedHashMap<>();
        for (int i = 0; i < Scene.MAX_TOKENS; i++) {
            tokens.put("t" + i, Token.created("t" + i, List.of(), Grid.DEFAULT, new Hlc(1, 0, "s")));
        }
        board.state = board.state.withScene(new Scene(scene.settings(), scene.fog(), tokens, scene.removed(),
                scene.canvas()));
        assertThat(board.refused(GM, new MapCommand.CreateToken(SCENE, "one-more", List.of(), Optional.empty()),
                Kind.CONFLICT).message()).contains("1000 tokens");
        board.gm(move("t999", 5, 5));
    }

    @Test
    void a_hundred_tokens_each_move_in_turn() {
        Board board = Board.withScene();
        for (int i = 0; i < 100; i++) {
            board.own("t" + i, PIA, i * 70, 0);
        }
        for (int i = 0; i < 100; i++) {
            board.as(PIA, move("t" + i, i * 70, 70));
        }
        assertThat(board.scene().tokens()).hasSize(100);
        assertThat(board.scene().tokens().values()).allMatch(t -> t.position().y() == 70);
    }
}
