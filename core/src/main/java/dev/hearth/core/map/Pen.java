package dev.hearth.core.map;

import java.util.Objects;

/**
 * How a drawing is drawn.
 *
 * @param colour {@code #rgb}, {@code #rrggbb} or {@code #rrggbbaa}
 * @param stroke line width in map units, greater than 0, at most 100
 */
public record Pen(String colour, double stroke) {

    public Pen {
        Objects.requireNonNull(colour, "colour");
    }
}
