package dev.hearth.core.map;

import java.util.Objects;

/**
 * A drawing on a scene. Drawings are not edited, only added, erased and brought back by undo and
 * redo, in the session's order; they need no clock.
 *
 * @param layer {@code DRAWINGS} for everyone's, {@code MAP} or {@code GM} for the GM's
 * @param authorId who drew it; a player may erase only their own
 */
public record Drawing(String id, Layer layer, Shape shape, Pen pen, String authorId) {

    public Drawing {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(pen, "pen");
        Objects.requireNonNull(authorId, "authorId");
    }
}
