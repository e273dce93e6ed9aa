package dev.hearth.core.map;

import static dev.hearth.core.map.Board.GM;
import static dev.hearth.core.map.Board.PAUL;
import static dev.hearth.core.map.Board.PEN;
import static dev.hearth.core.map.Board.PIA;
import static dev.hearth.core.map.Board.SCENE;
import static dev.hearth.core.map.Board.rect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.core.stream.Rejection.Kind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DrawingRulesTest {

    static List<String> ids(Board board) {
        return board.scene().canvas().drawings().stream().map(Drawing::id).toList();
    }

    @Test
    void players_draw_every_kind_of_shape_on_the_drawings_layer() {
        Board board = Board.withScene();
        List<Shape> shapes = List.of(new Shape.Freehand(List.of(0.0, 0.0, 5.0, 5.0, 9.0, 2.0)),
                new Shape.Line(0, 0, 10, 10), new Shape.Rect(0, 0, 10, 5), new Shape.Ellipse(5, 5, 3, 2),
                new Shape.Polygon(List.of(0.0, 0.0, 10.0, 0.0, 5.0, 8.0)), new Shape.Text(1, 1, "Here be\ndragons", 14));
        for (int i = 0; i < shapes.size(); i++) {
            board.as(PIA, new MapCommand.Draw(SCENE, "d" + i, Layer.DRAWINGS, shapes.get(i), PEN));
        }
        assertThat(board.scene().canvas().drawings()).extracting(Drawing::shape).containsExactlyElementsOf(shapes);
        assertThat(board.scene().canvas().drawings()).allMatch(d -> d.authorId().equals(PIA.userId()));
    }

    @Test
    void the_map_and_gm_layers_are_the_gms_and_tokens_are_not_drawn() {
        Board board = Board.withScene();
        board.refused(PIA, rect("d1", Layer.GM, 0, 0), Kind.NOT_PERMITTED);
        board.refused(PIA, rect("d1", Layer.MAP, 0, 0), Kind.NOT_PERMITTED);
        board.refused(GM, rect("d1", Layer.TOKENS, 0, 0), Kind.INVALID);
        board.gm(rect("d1", Layer.GM, 0, 0));
        board.gm(rect("d2", Layer.MAP, 0, 0));
        board.refused(PIA, rect("d2", Layer.DRAWINGS, 0, 0), Kind.CONFLICT);
    }

    @Test
    void ten_thousand_points_in_one_stroke_are_refused_and_bad_pens_and_text_too() {
        Board board = Board.withScene();
        List<Double> points = Collections.nCopies(20_000, 1.0);
        var rejection = board.refused(PIA, new MapCommand.Draw(SCENE, "d1", Layer.DRAWINGS, new Shape.Freehand(points),
                PEN), Kind.INVALID);
        assertThat(rejection.message()).contains("2000").contains("20000");
        board.refused(PIA, new MapCommand.Draw(SCENE, "d1", Layer.DRAWINGS,
                new Shape.Freehand(List.of(1.0, 2.0, 3.0)), PEN), Kind.INVALID);
        board.refused(PIA, new MapCommand.Draw(SCENE, "d1", Layer.DRAWINGS,
                new Shape.Line(0, 0, Double.NaN, 1), PEN), Kind.INVALID);
        board.refused(PIA, new MapCommand.Draw(SCENE, "d1", Layer.DRAWINGS, new Shape.Rect(0, 0, 1, 1),
                new Pen("red", 2)), Kind.INVALID);
        board.refused(PIA, new MapCommand.Draw(SCENE, "d1", Layer.DRAWINGS, new Shape.Rect(0, 0, 1, 1),
                new Pen("#fff", 0)), Kind.INVALID);
        board.refused(PIA, new MapCommand.Draw(SCENE, "d1", Layer.DRAWINGS, new Shape.Text(0, 0, "bell\u0007", 12),
                PEN), Kind.INVALID);
        board.refused(PIA, new MapCommand.Draw(SCENE, "d1", Layer.DRAWINGS, new Shape.Ellipse(0, 0, 0, 1), PEN),
                Kind.INVALID);
        List<Double> most = new ArrayList<>(Collections.nCopies(Shape.MAX_NUMBERS, 1.0));
        board.as(PIA, new MapCommand.Draw(SCENE, "d1", Layer.DRAWINGS, new Shape.Freehand(most), PEN));
    }

    @Test
    void players_erase_only_their_own_drawings_and_gms_any() {
        Board board = Board.withScene();
        board.as(PIA, rect("d1", Layer.DRAWINGS, 0, 0));
        board.as(PAUL, rect("d2", Layer.DRAWINGS, 0, 0));
        assertThat(board.refused(PIA, new MapCommand.Erase(SCENE, "d2"), Kind.NOT_PERMITTED).message()).contains("own");
        board.as(PIA, new MapCommand.Erase(SCENE, "d1"));
        board.gm(new MapCommand.Erase(SCENE, "d2"));
        assertThat(ids(board)).isEmpty();
        board.refused(PIA, new MapCommand.Erase(SCENE, "d1"), Kind.NOT_FOUND);
    }

    @Test
    void undo_and_redo_are_per_user() {
        Board board = Board.withScene();
        board.as(PIA, rect("a1", Layer.DRAWINGS, 0, 0));
        board.as(PAUL, rect("b1", Layer.DRAWINGS, 0, 0));
        board.as(PIA, rect("a2", Layer.DRAWINGS, 0, 0));
        board.as(PIA, new MapCommand.Erase(SCENE, "a1"));
        assertThat(ids(board)).containsExactly("b1", "a2");
        board.as(PIA, new MapCommand.UndoDrawing(SCENE));
        assertThat(ids(board)).containsExactly("b1", "a2", "a1");
        board.as(PIA, new MapCommand.UndoDrawing(SCENE));
        assertThat(ids(board)).containsExactly("b1", "a1");
        board.as(PAUL, new MapCommand.UndoDrawing(SCENE));
        assertThat(ids(board)).containsExactly("a1");
        board.refused(PAUL, new MapCommand.UndoDrawing(SCENE), Kind.CONFLICT);
        board.as(PIA, new MapCommand.RedoDrawing(SCENE));
        assertThat(ids(board)).containsExactly("a1", "a2");
        // A new op forgets what could be redone.
        board.as(PIA, rect("a3", Layer.DRAWINGS, 0, 0));
        board.refused(PIA, new MapCommand.RedoDrawing(SCENE), Kind.CONFLICT);
        MapView.SceneView view = MapView.of(board.state, PIA.userId(), PIA.role()).scenes().getFirst();
        assertThat(view.canUndo()).isTrue();
        assertThat(view.canRedo()).isFalse();
    }

    @Test
    void undoing_an_op_whose_drawing_someone_else_erased_does_what_it_still_can() {
        Board board = Board.withScene();
        board.as(PIA, rect("a1", Layer.DRAWINGS, 0, 0));
        board.gm(new MapCommand.Erase(SCENE, "a1"));
        board.as(PIA, new MapCommand.UndoDrawing(SCENE));
        assertThat(ids(board)).isEmpty();
        board.as(PIA, new MapCommand.RedoDrawing(SCENE));
        assertThat(ids(board)).containsExactly("a1");
    }

    @Test
    void history_keeps_the_last_hundred_ops() {
        Board board = Board.withScene();
        for (int i = 0; i < History.DEPTH + 20; i++) {
            board.as(PIA, rect("a" + i, Layer.DRAWINGS, 0, 0));
        }
        assertThat(board.scene().canvas().history(PIA.userId()).undo()).hasSize(History.DEPTH);
        assertThat(board.scene().canvas().history(PIA.userId()).undo().getFirst().drawings().getFirst().id())
                .isEqualTo("a20");
    }

    @Test
    void clear_canvas_is_gm_only_keeps_the_map_and_gm_layers_and_can_be_undone() {
        Board board = Board.withScene();
        board.as(PIA, rect("a1", Layer.DRAWINGS, 0, 0));
        board.gm(rect("g1", Layer.GM, 0, 0));
        board.gm(rect("m1", Layer.MAP, 0, 0));
        assertThat(board.refused(PIA, new MapCommand.ClearCanvas(SCENE), Kind.NOT_PERMITTED).message())
                .contains("GM");
        board.gm(new MapCommand.ClearCanvas(SCENE));
        assertThat(ids(board)).containsExactly("g1", "m1");
        assertThat(board.gm(new MapCommand.ClearCanvas(SCENE))).as("nothing left to clear").isEmpty();
        board.gm(new MapCommand.UndoDrawing(SCENE));
        assertThat(ids(board)).containsExactly("g1", "m1", "a1");
    }

    @Test
    void a_player_cannot_draw_under_fog() {
        Board board = Board.withScene();
        board.gm(Board.fog(FogMode.HIDE, 100, 100, 100, 100));
        assertThat(board.refused(PIA, rect("d1", Layer.DRAWINGS, 140, 140), Kind.CONFLICT).message()).contains("fog");
        board.gm(rect("d1", Layer.DRAWINGS, 140, 140));
    }

    @Test
    void a_scene_holds_ten_thousand_drawings_and_refuses_the_next_clearly() {
        Board board = Board.withScene();
        List<Drawing> many = new ArrayList<>();
        for (int i = 0; i < Scene.MAX_DRAWINGS; i++) {
            many.add(new Drawing("d" + i, Layer.DRAWINGS, new Shape.Line(0, 0, 1, 1), PEN, PIA.userId()));
        }
        board.state = board.state.withScene(board.scene().withCanvas(new Canvas(many, Map.of(), 4 * many.size())));
        assertThat(board.refused(PIA, rect("one-more", Layer.DRAWINGS, 0, 0), Kind.CONFLICT).message())
                .contains("10000");
        board.as(PIA, new MapCommand.Erase(SCENE, "d5"));
        board.gm(rect("one-more", Layer.DRAWINGS, 0, 0));
        // Bringing back the erased one would pass the limit again.
        board.refused(PIA, new MapCommand.UndoDrawing(SCENE), Kind.CONFLICT);
    }

    @Test
    void a_thousand_drawings_are_fine() {
        Board board = Board.withScene();
        for (int i = 0; i < 1000; i++) {
            board.as(i % 2 == 0 ? PIA : PAUL, new MapCommand.Draw(SCENE, "d" + i, Layer.DRAWINGS,
                    new Shape.Freehand(Collections.nCopies(200, (double) i)), PEN));
        }
        assertThat(board.scene().canvas().drawings()).hasSize(1000);
        assertThat(board.scene().canvas().numbers()).isEqualTo(200_000);
    }

    @Test
    void the_points_of_all_drawings_have_a_budget() {
        Board board = Board.withScene();
        List<Double> stroke = Collections.nCopies(Shape.MAX_NUMBERS, 3.0);
        for (int i = 0; i < Scene.MAX_NUMBERS / Shape.MAX_NUMBERS; i++) {
            board.as(PIA, new MapCommand.Draw(SCENE, "d" + i, Layer.DRAWINGS, new Shape.Freehand(stroke), PEN));
        }
        assertThat(board.refused(PIA, rect("x", Layer.DRAWINGS, 0, 0), Kind.CONFLICT).message()).contains("500000");
    }
}
