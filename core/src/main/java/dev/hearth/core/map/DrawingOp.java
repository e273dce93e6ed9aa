package dev.hearth.core.map;

import java.util.List;

/** One step in a user's drawing history, which undo reverses and redo repeats. */
public sealed interface DrawingOp {

    /** Every drawing the op concerns. */
    List<Drawing> drawings();

    record Added(Drawing drawing) implements DrawingOp {
        @Override
        public List<Drawing> drawings() {
            return List.of(drawing);
        }
    }

    record Erased(Drawing drawing) implements DrawingOp {
        @Override
        public List<Drawing> drawings() {
            return List.of(drawing);
        }
    }

    /** A clear of the canvas: every drawing it took away. */
    record Cleared(List<Drawing> drawings) implements DrawingOp {
        public Cleared {
            drawings = List.copyOf(drawings);
        }
    }
}
