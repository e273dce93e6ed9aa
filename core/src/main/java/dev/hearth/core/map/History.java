package dev.hearth.core.map;

import java.util.ArrayList;
import java.util.List;

/**
 * One user's drawing history on one scene: what undo would reverse (last is newest) and what redo
 * would repeat. A new op clears the redo list. At most {@value #DEPTH} ops are kept each way;
 * older ones fall off, which is how the history compacts.
 */
public record History(List<DrawingOp> undo, List<DrawingOp> redo) {

    public static final int DEPTH = 100;
    public static final History EMPTY = new History(List.of(), List.of());

    public History {
        undo = List.copyOf(undo);
        redo = List.copyOf(redo);
    }

    History done(DrawingOp op) {
        return new History(pushed(undo, op), List.of());
    }

    History undone() {
        return new History(undo.subList(0, undo.size() - 1), pushed(redo, undo.getLast()));
    }

    History redone() {
        return new History(pushed(undo, redo.getLast()), redo.subList(0, redo.size() - 1));
    }

    private static List<DrawingOp> pushed(List<DrawingOp> list, DrawingOp op) {
        List<DrawingOp> next = new ArrayList<>(list.size() + 1);
        next.addAll(list.size() >= DEPTH ? list.subList(list.size() - DEPTH + 1, list.size()) : list);
        next.add(op);
        return next;
    }
}
