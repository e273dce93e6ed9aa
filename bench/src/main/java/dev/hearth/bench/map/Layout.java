package dev.hearth.bench.map;

import dev.hearth.core.map.FogArea;
import dev.hearth.core.map.FogMode;
import dev.hearth.core.map.Pen;
import dev.hearth.core.map.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Where things are on the benchmark's 10,000 × 10,000 map, and random shapes in the sizes a client
 * sends. The party's tokens and the players' drawings stay in the party's area (0-4,000 on both
 * axes), which the first fog operation reveals; the GM's monsters, fog strokes and GM-layer notes are
 * in the dungeon (x 4,000-10,000), so fog changes there show and hide objects while players keep
 * moving in the clear.
 */
final class Layout {

    static final double CELL = 70;
    static final double PARTY = 4000;
    static final double DUNGEON_X = 4000;
    static final double SIDE = 10_000;
    /** A freehand stroke after the client's simplification: about 50 points. */
    static final int STROKE_POINTS = 50;
    /** A brush outline the client traces for the fog: about 24 points. */
    static final int BRUSH_POINTS = 24;

    /** How far a shape may reach from where it starts. */
    static final double MARGIN = 700;

    static final FogArea PARTY_AREA = new FogArea.Rect(0, 0, PARTY, PARTY);

    private static final List<String> COLOURS = List.of("#e03131", "#1971c2", "#2f9e44", "#f08c00", "#000000", "#ffffff80");
    private static final List<String> WORDS = List.of("trap", "door", "here", "goblins", "loot", "stairs", "watch out",
            "secret", "altar", "the lever", "north", "ambush");

    private Layout() {}

    static double partyX(RandomGenerator r) {
        return round(r.nextDouble(CELL, PARTY - 3 * CELL));
    }

    static double dungeonX(RandomGenerator r) {
        return round(r.nextDouble(DUNGEON_X + CELL, SIDE - 3 * CELL));
    }

    static double anyY(RandomGenerator r) {
        return round(r.nextDouble(CELL, SIDE - 3 * CELL));
    }

    static double partyY(RandomGenerator r) {
        return round(r.nextDouble(CELL, PARTY - 3 * CELL));
    }

    /**
     * Where a drawing in the party's area starts: far enough inside that the whole shape (a stroke
     * wanders up to 600 from its start, a rectangle is up to 600 wide) stays in the revealed area.
     */
    static double partyDrawing(RandomGenerator r) {
        return round(r.nextDouble(MARGIN, PARTY - MARGIN));
    }

    /** One step of a token: a cell in any direction, kept inside [low, high]. */
    static double step(double v, RandomGenerator r, double low, double high) {
        double next = v + CELL * (r.nextInt(3) - 1);
        return Math.max(low, Math.min(high, next));
    }

    /** A drawing at x, y: half freehand strokes, three tenths rectangles, a fifth text. */
    static Shape shape(RandomGenerator r, double x, double y) {
        int kind = r.nextInt(10);
        if (kind < 5) {
            return freehand(r, x, y);
        }
        if (kind < 8) {
            return new Shape.Rect(x, y, round(r.nextDouble(20, 600)), round(r.nextDouble(20, 600)));
        }
        StringBuilder text = new StringBuilder();
        int words = 1 + r.nextInt(6);
        for (int i = 0; i < words; i++) {
            text.append(i == 0 ? "" : " ").append(WORDS.get(r.nextInt(WORDS.size())));
        }
        return new Shape.Text(x, y, text.toString(), round(r.nextDouble(14, 60)));
    }

    /** A pen stroke as a random walk, one decimal per coordinate as a client sends it. */
    static Shape.Freehand freehand(RandomGenerator r, double x, double y) {
        List<Double> points = new ArrayList<>(2 * STROKE_POINTS);
        double px = x;
        double py = y;
        double heading = r.nextDouble(2 * Math.PI);
        for (int i = 0; i < STROKE_POINTS; i++) {
            points.add(round(px));
            points.add(round(py));
            heading += r.nextDouble(-0.5, 0.5);
            px += 12 * Math.cos(heading);
            py += 12 * Math.sin(heading);
        }
        return new Shape.Freehand(points);
    }

    static Pen pen(RandomGenerator r) {
        return new Pen(COLOURS.get(r.nextInt(COLOURS.size())), 1 + r.nextInt(8));
    }

    static FogMode fogMode(RandomGenerator r) {
        return r.nextBoolean() ? FogMode.REVEAL : FogMode.HIDE;
    }

    /** A GM fog stroke in the dungeon: half rectangles, half brush outlines (polygons). */
    static FogArea fogArea(RandomGenerator r) {
        double size = r.nextDouble(200, 1200);
        // A brush outline is centred at x: keep its left edge in the dungeon, out of the party's area.
        double x = Math.max(dungeonX(r), DUNGEON_X + size / 2 + CELL);
        double y = anyY(r);
        if (r.nextBoolean()) {
            return new FogArea.Rect(x, y, round(size), round(size * r.nextDouble(0.5, 1.5)));
        }
        List<Double> points = new ArrayList<>(2 * BRUSH_POINTS);
        for (int i = 0; i < BRUSH_POINTS; i++) {
            double angle = 2 * Math.PI * i / BRUSH_POINTS;
            double radius = size / 2 * r.nextDouble(0.7, 1.0);
            points.add(round(x + radius * Math.cos(angle)));
            points.add(round(y + radius * Math.sin(angle)));
        }
        return new FogArea.Polygon(points);
    }

    static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
