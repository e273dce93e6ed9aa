package dev.hearth.core.map;

import java.util.List;

/**
 * A scene's fog of war: a start (all fogged, or all clear) and the GM's operations over it, in
 * order. A point is fogged as the last operation whose area holds it says, or as the start if
 * none does. The geometry is public (players' clients draw the fog); what fog covers is not.
 *
 * <p>An object (token or drawing) is <em>under fog</em> when the centre of its bounding box is
 * fogged. One point, so the answer is cheap and the same for every viewer; an object whose centre
 * is clear shows whole, one whose centre is fogged is not sent at all.
 *
 * @param fogged true if the map starts fully fogged
 */
public record Fog(boolean fogged, List<FogOp> ops) {

    public static final Fog CLEAR = new Fog(false, List.of());
    public static final Fog FOGGED = new Fog(true, List.of());

    /** The most operations on one scene; past it the GM resets the fog, which compacts it. */
    public static final int MAX_OPS = 1000;

    public Fog {
        ops = List.copyOf(ops);
    }

    /** True if fog covers this point. */
    public boolean covers(double x, double y) {
        for (int i = ops.size() - 1; i >= 0; i--) {
            FogOp op = ops.get(i);
            if (op.area().contains(x, y)) {
                return op.mode() == FogMode.HIDE;
            }
        }
        return fogged;
    }

    /** True if fog covers the centre of this box, the rule for objects. */
    public boolean covers(Box box) {
        return covers(box.centreX(), box.centreY());
    }

    Fog with(FogOp op) {
        List<FogOp> next = new java.util.ArrayList<>(ops.size() + 1);
        next.addAll(ops);
        next.add(op);
        return new Fog(fogged, next);
    }
}
