package dev.hearth.core.map;

import java.util.Comparator;
import java.util.Objects;

/**
 * A hybrid logical clock timestamp: wall-clock milliseconds, a counter that orders events within
 * one millisecond (and events whose clock ran behind), and the node that made it, which breaks the
 * last ties. Timestamps are totally ordered in that order; {@link HybridLogicalClock} makes them.
 *
 * @param node who stamped it: the server writes the caller's user id here, whatever a client sent
 */
public record Hlc(long wallMillis, int counter, String node) implements Comparable<Hlc> {

    /** Before every real timestamp. */
    public static final Hlc ZERO = new Hlc(0, 0, "");

    private static final Comparator<Hlc> ORDER = Comparator.comparingLong(Hlc::wallMillis)
            .thenComparingInt(Hlc::counter).thenComparing(Hlc::node);

    public Hlc {
        Objects.requireNonNull(node, "node");
    }

    @Override
    public int compareTo(Hlc other) {
        return ORDER.compare(this, other);
    }

    /** True if this timestamp orders after the other. */
    public boolean after(Hlc other) {
        return compareTo(other) > 0;
    }

    /** The later of two timestamps. */
    public static Hlc max(Hlc a, Hlc b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
