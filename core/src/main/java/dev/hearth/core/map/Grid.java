package dev.hearth.core.map;

import java.util.Objects;

/**
 * A scene's grid, in map coordinates (the background image's pixels).
 *
 * @param cellSize a cell's width (for hexes, the distance between centres), greater than 0
 * @param offsetX where the grid starts, so it can line up with a drawn grid in the image
 * @param unitsPerCell what one cell measures in the game (5 for "5 ft"), greater than 0
 */
public record Grid(GridKind kind, double cellSize, double offsetX, double offsetY, double unitsPerCell) {

    public static final Grid DEFAULT = new Grid(GridKind.SQUARE, 70, 0, 0, 5);

    public Grid {
        Objects.requireNonNull(kind, "kind");
    }
}
