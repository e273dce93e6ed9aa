package dev.hearth.core.map;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What map input must be, checked before anything else: each failure is {@code INVALID} and names
 * the field. Coordinates are finite and within ±{@value #MAX_COORDINATE} (a background image is
 * far smaller, and the bound keeps sums and squares exact enough); sizes are greater than 0.
 */
final class MapChecks {

    static final double MAX_COORDINATE = 1_000_000;
    static final int MAX_NAME = 100;
    static final int MAX_TEXT = 500;
    static final int MAX_OWNERS = 20;
    static final int MAX_CHANGES = TokenProperty.values().length;
    static final int MAX_IMAGE_SIDE = 16_384;
    static final double MAX_CELL = 10_000;
    static final double MAX_STROKE = 100;
    static final double MAX_FONT = 1000;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern HASH = Pattern.compile("[A-Za-z0-9:_-]{1,128}");
    private static final Pattern COLOUR = Pattern.compile("#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})");

    private MapChecks() {}

    static void id(String field, String id) {
        if (!ID.matcher(id).matches()) {
            throw Refused.invalid(field, "An id is 1-64 letters, digits, '_' or '-'.");
        }
    }

    static void name(String field, String name, int min) {
        int n = name.codePointCount(0, name.length());
        if (n < min || n > MAX_NAME || hasControl(name, false) || (min > 0 && name.isBlank())) {
            throw Refused.invalid(field, "A name is " + min + "-" + MAX_NAME + " characters without control characters.");
        }
    }

    static void coordinate(String field, double v) {
        if (!Double.isFinite(v) || Math.abs(v) > MAX_COORDINATE) {
            throw Refused.invalid(field, "A coordinate is a finite number within ±1,000,000.");
        }
    }

    static void size(String field, double v, double max) {
        if (!Double.isFinite(v) || v <= 0 || v > max) {
            throw Refused.invalid(field, "A size is a number greater than 0, at most " + (long) max + ".");
        }
    }

    static void grid(Grid grid) {
        size("grid.cellSize", grid.cellSize(), MAX_CELL);
        coordinate("grid.offsetX", grid.offsetX());
        coordinate("grid.offsetY", grid.offsetY());
        size("grid.unitsPerCell", grid.unitsPerCell(), MAX_COORDINATE);
    }

    static void image(String field, Optional<ImageRef> image) {
        if (image.isEmpty()) {
            return;
        }
        ImageRef i = image.get();
        if (!HASH.matcher(i.hash()).matches()) {
            throw Refused.invalid(field, "An image is named by its content hash: 1-128 letters, digits, ':', '_' or '-'.");
        }
        if (i.width() < 1 || i.width() > MAX_IMAGE_SIDE || i.height() < 1 || i.height() > MAX_IMAGE_SIDE) {
            throw Refused.invalid(field, "An image is 1-" + MAX_IMAGE_SIDE + " pixels on each side.");
        }
    }

    /** 1 to {@link #MAX_CHANGES} changes (0 allowed for a create), at most one per property, each valid. */
    static void changes(String field, List<TokenChange> changes, boolean create) {
        if ((!create && changes.isEmpty()) || changes.size() > MAX_CHANGES) {
            throw Refused.invalid(field, "An edit changes 1-" + MAX_CHANGES + " properties.");
        }
        Set<TokenProperty> seen = EnumSet.noneOf(TokenProperty.class);
        for (TokenChange c : changes) {
            if (!seen.add(c.property())) {
                throw Refused.invalid(field, "An edit changes each property at most once; "
                        + c.property().name().toLowerCase(java.util.Locale.ROOT) + " twice.");
            }
            change(c);
        }
    }

    static void change(TokenChange change) {
        switch (change) {
            case TokenChange.OnLayer l -> {
                if (l.layer() == Layer.DRAWINGS) {
                    throw Refused.invalid("layer", "Tokens go on the map, tokens or GM layer.");
                }
            }
            case TokenChange.Position p -> {
                coordinate("x", p.x());
                coordinate("y", p.y());
            }
            case TokenChange.Size s -> {
                size("width", s.width(), MAX_COORDINATE);
                size("height", s.height(), MAX_COORDINATE);
            }
            case TokenChange.Rotation r -> {
                if (!Double.isFinite(r.degrees())) {
                    throw Refused.invalid("rotation", "A rotation is a finite number of degrees.");
                }
            }
            case TokenChange.Name n -> name("name", n.name(), 0);
            case TokenChange.Image i -> image("image", i.image());
            case TokenChange.Owners o -> {
                if (o.userIds().size() > MAX_OWNERS) {
                    throw Refused.invalid("owners", "A token has at most " + MAX_OWNERS + " owners.");
                }
                o.userIds().forEach(u -> id("owners", u));
            }
            case TokenChange.Combatant c -> c.combatantId().ifPresent(id -> id("combatantId", id));
            case TokenChange.Hidden h -> { }
            case TokenChange.Locked l -> { }
        }
    }

    static void shape(Shape shape) {
        switch (shape) {
            case Shape.Freehand f -> points("points", f.points(), 2);
            case Shape.Line l -> {
                coordinate("x1", l.x1());
                coordinate("y1", l.y1());
                coordinate("x2", l.x2());
                coordinate("y2", l.y2());
            }
            case Shape.Rect r -> {
                coordinate("x", r.x());
                coordinate("y", r.y());
                size("width", r.width(), MAX_COORDINATE);
                size("height", r.height(), MAX_COORDINATE);
            }
            case Shape.Ellipse e -> {
                coordinate("centreX", e.centreX());
                coordinate("centreY", e.centreY());
                size("radiusX", e.radiusX(), MAX_COORDINATE);
                size("radiusY", e.radiusY(), MAX_COORDINATE);
            }
            case Shape.Polygon p -> points("points", p.points(), 3);
            case Shape.Text t -> {
                coordinate("x", t.x());
                coordinate("y", t.y());
                size("size", t.size(), MAX_FONT);
                int n = t.text().codePointCount(0, t.text().length());
                if (t.text().isBlank() || n > MAX_TEXT || hasControl(t.text(), true)) {
                    throw Refused.invalid("text", "A text is 1-" + MAX_TEXT
                            + " characters; no control characters but newlines.");
                }
            }
        }
    }

    static void points(String field, List<Double> points, int minPoints) {
        if (points.size() > Shape.MAX_NUMBERS) {
            throw Refused.invalid(field, "A stroke or polygon holds at most " + Shape.MAX_NUMBERS
                    + " numbers (" + Shape.MAX_NUMBERS / 2 + " points); simplify it. This one has " + points.size() + ".");
        }
        if (points.size() % 2 != 0 || points.size() < 2 * minPoints) {
            throw Refused.invalid(field, "Points are x, y pairs, at least " + minPoints + " of them.");
        }
        for (Double v : points) {
            if (v == null) {
                throw Refused.invalid(field, "A point has no empty coordinate.");
            }
            coordinate(field, v);
        }
    }

    static void pen(Pen pen) {
        if (!COLOUR.matcher(pen.colour()).matches()) {
            throw Refused.invalid("colour", "A colour is #rgb, #rrggbb or #rrggbbaa.");
        }
        size("stroke", pen.stroke(), MAX_STROKE);
    }

    static void fogArea(FogArea area) {
        switch (area) {
            case FogArea.Rect r -> {
                coordinate("x", r.x());
                coordinate("y", r.y());
                size("width", r.width(), 2 * MAX_COORDINATE);
                size("height", r.height(), 2 * MAX_COORDINATE);
            }
            case FogArea.Polygon p -> points("points", p.points(), 3);
        }
    }

    static void stamp(Optional<Hlc> stamp) {
        stamp.ifPresent(h -> {
            if (h.wallMillis() < 0 || h.counter() < 0 || h.counter() > HybridLogicalClock.MAX_COUNTER) {
                throw Refused.invalid("stamp", "A stamp has a wall time of 0 or more and a counter of 0-"
                        + HybridLogicalClock.MAX_COUNTER + ".");
            }
        });
    }

    private static boolean hasControl(String s, boolean newlines) {
        return s.codePoints().anyMatch(c -> Character.isISOControl(c) && !(newlines && (c == '\n' || c == '\t')));
    }
}
