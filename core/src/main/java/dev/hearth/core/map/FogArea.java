package dev.hearth.core.map;

import java.util.List;

/**
 * An area the GM reveals or hides. A brush stroke arrives as the polygon of its outline (the
 * client traces it), so the server tests only rectangles and polygons.
 */
public sealed interface FogArea {

    boolean contains(double x, double y);

    Box bounds();

    /** Width and height greater than 0. */
    record Rect(double x, double y, double width, double height) implements FogArea {
        @Override
        public boolean contains(double px, double py) {
            return bounds().contains(px, py);
        }

        @Override
        public Box bounds() {
            return new Box(x, y, x + width, y + height);
        }
    }

    /**
     * A simple or self-crossing polygon, 3-1000 points as a flat x, y list; inside by the even-odd
     * rule, so a brush outline that crosses itself still covers what it encloses once.
     */
    record Polygon(List<Double> points) implements FogArea {
        public Polygon {
            points = List.copyOf(points);
        }

        @Override
        public boolean contains(double px, double py) {
            if (!bounds().contains(px, py)) {
                return false;
            }
            boolean inside = false;
            int n = points.size() / 2;
            for (int i = 0, j = n - 1; i < n; j = i++) {
                double xi = points.get(2 * i);
                double yi = points.get(2 * i + 1);
                double xj = points.get(2 * j);
                double yj = points.get(2 * j + 1);
                if ((yi > py) != (yj > py) && px < (xj - xi) * (py - yi) / (yj - yi) + xi) {
                    inside = !inside;
                }
            }
            return inside;
        }

        @Override
        public Box bounds() {
            return Box.around(points);
        }
    }
}
