package dev.hearth.core.map;

import java.util.List;
import java.util.Objects;

/**
 * What a drawing is, in map coordinates. Point lists are flat: x0, y0, x1, y1, ...; freehand
 * strokes arrive already simplified by the client and hold at most {@value #MAX_NUMBERS} numbers.
 */
public sealed interface Shape {

    /** The most numbers in one freehand stroke or polygon. */
    int MAX_NUMBERS = 2000;

    /** The smallest rectangle around it; its centre decides whether fog covers the drawing. */
    Box bounds();

    /** How many numbers it holds, counted against a scene's budget. */
    int numbers();

    /** At least 2 points. */
    record Freehand(List<Double> points) implements Shape {
        public Freehand {
            points = List.copyOf(points);
        }

        @Override
        public Box bounds() {
            return Box.around(points);
        }

        @Override
        public int numbers() {
            return points.size();
        }
    }

    record Line(double x1, double y1, double x2, double y2) implements Shape {
        @Override
        public Box bounds() {
            return new Box(Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2));
        }

        @Override
        public int numbers() {
            return 4;
        }
    }

    /** Width and height greater than 0. */
    record Rect(double x, double y, double width, double height) implements Shape {
        @Override
        public Box bounds() {
            return new Box(x, y, x + width, y + height);
        }

        @Override
        public int numbers() {
            return 4;
        }
    }

    /** Radii greater than 0. */
    record Ellipse(double centreX, double centreY, double radiusX, double radiusY) implements Shape {
        @Override
        public Box bounds() {
            return new Box(centreX - radiusX, centreY - radiusY, centreX + radiusX, centreY + radiusY);
        }

        @Override
        public int numbers() {
            return 4;
        }
    }

    /** At least 3 points; closed. */
    record Polygon(List<Double> points) implements Shape {
        public Polygon {
            points = List.copyOf(points);
        }

        @Override
        public Box bounds() {
            return Box.around(points);
        }

        @Override
        public int numbers() {
            return points.size();
        }
    }

    /**
     * Text anchored at its top-left corner.
     *
     * @param text 1-500 characters; newlines allowed, other control characters not
     * @param size the font size in map units, greater than 0, at most 1,000
     */
    record Text(double x, double y, String text, double size) implements Shape {
        public Text {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public Box bounds() {
            return new Box(x, y, x + size, y + size);
        }

        @Override
        public int numbers() {
            return 3 + text.length() / 8;
        }
    }
}
