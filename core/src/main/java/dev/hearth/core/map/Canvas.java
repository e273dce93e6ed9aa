package dev.hearth.core.map;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A scene's drawings, bottom to top, and each user's {@link History}.
 *
 * <p>Undo and redo work on the state, not on a copy of it: undoing an add erases the drawing if it
 * is still there, undoing an erase or a clear brings back what is not; an op whose drawings were
 * meanwhile erased by someone else does what it still can. So they never fail, and every replica
 * that applies the same log gets the same canvas.
 *
 * @param numbers how many numbers the drawings hold, against the scene's budget
 */
public record Canvas(List<Drawing> drawings, Map<String, History> histories, int numbers) {

    public static final Canvas EMPTY = new Canvas(List.of(), Map.of(), 0);

    public Canvas {
        drawings = List.copyOf(drawings);
        histories = Collections.unmodifiableMap(new LinkedHashMap<>(histories));
    }

    public Optional<Drawing> drawing(String id) {
        return drawings.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    public History history(String userId) {
        return histories.getOrDefault(userId, History.EMPTY);
    }

    /** Drawings that an undo (or redo) of this op would bring back: those of it not on the canvas now. */
    List<Drawing> absent(List<Drawing> of) {
        Set<String> present = ids();
        return of.stream().filter(d -> !present.contains(d.id())).toList();
    }

    Set<String> ids() {
        Set<String> ids = new HashSet<>();
        drawings.forEach(d -> ids.add(d.id()));
        return ids;
    }

    Canvas added(String userId, Drawing drawing) {
        return put(List.of(drawing)).withHistory(userId, history(userId).done(new DrawingOp.Added(drawing)));
    }

    Canvas erased(String userId, Drawing drawing) {
        return remove(Set.of(drawing.id())).withHistory(userId, history(userId).done(new DrawingOp.Erased(drawing)));
    }

    /** Takes away the drawings on the drawings layer; the map and GM layers stay. */
    Canvas cleared(String userId) {
        List<Drawing> gone = drawings.stream().filter(d -> d.layer() == Layer.DRAWINGS).toList();
        Set<String> ids = new HashSet<>();
        gone.forEach(d -> ids.add(d.id()));
        return remove(ids).withHistory(userId, history(userId).done(new DrawingOp.Cleared(gone)));
    }

    Canvas undone(String userId) {
        History h = history(userId);
        if (h.undo().isEmpty()) {
            return this;
        }
        return reverse(h.undo().getLast()).withHistory(userId, h.undone());
    }

    Canvas redone(String userId) {
        History h = history(userId);
        if (h.redo().isEmpty()) {
            return this;
        }
        return repeat(h.redo().getLast()).withHistory(userId, h.redone());
    }

    private Canvas reverse(DrawingOp op) {
        return switch (op) {
            case DrawingOp.Added a -> remove(Set.of(a.drawing().id()));
            case DrawingOp.Erased e -> put(List.of(e.drawing()));
            case DrawingOp.Cleared c -> put(c.drawings());
        };
    }

    private Canvas repeat(DrawingOp op) {
        return switch (op) {
            case DrawingOp.Added a -> put(List.of(a.drawing()));
            case DrawingOp.Erased e -> remove(Set.of(e.drawing().id()));
            case DrawingOp.Cleared c -> {
                Set<String> ids = new HashSet<>();
                c.drawings().forEach(d -> ids.add(d.id()));
                yield remove(ids);
            }
        };
    }

    /** Adds those not already there, on top. */
    private Canvas put(List<Drawing> more) {
        List<Drawing> fresh = absent(more);
        if (fresh.isEmpty()) {
            return this;
        }
        List<Drawing> next = new ArrayList<>(drawings.size() + fresh.size());
        next.addAll(drawings);
        next.addAll(fresh);
        return new Canvas(next, histories, numbers + fresh.stream().mapToInt(d -> d.shape().numbers()).sum());
    }

    private Canvas remove(Set<String> ids) {
        List<Drawing> next = new ArrayList<>(drawings.size());
        int n = numbers;
        for (Drawing d : drawings) {
            if (ids.contains(d.id())) {
                n -= d.shape().numbers();
            } else {
                next.add(d);
            }
        }
        return next.size() == drawings.size() ? this : new Canvas(next, histories, n);
    }

    private Canvas withHistory(String userId, History history) {
        Map<String, History> next = new LinkedHashMap<>(histories);
        next.put(userId, history);
        return new Canvas(drawings, next, numbers);
    }
}
