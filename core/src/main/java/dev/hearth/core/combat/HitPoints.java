package dev.hearth.core.combat;

/** A creature's hit points: current (0 to max), maximum (at least 1) and temporary (0 or more). */
public record HitPoints(int current, int max, int temporary) {

    public HitPoints {
        if (max < 1 || current < 0 || current > max || temporary < 0) {
            throw new IllegalArgumentException("hit points " + current + "/" + max + " +" + temporary);
        }
    }

    public static HitPoints full(int max) {
        return new HitPoints(max, max, 0);
    }
}
