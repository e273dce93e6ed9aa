package dev.hearth.core.dice;

import java.util.Optional;

/**
 * What is done to a pool of dice, in the order it is done whatever order it was written in: each
 * die is rerolled, then explodes, then is clamped to {@code min}/{@code max}; then the pool is kept
 * or dropped; then the kept dice are added, or counted.
 */
record DiceModifiers(Optional<Reroll> reroll, Optional<Explode> explode, Optional<Integer> min,
        Optional<Integer> max, Optional<Keep> keep, Optional<Counting> counting) {

    static final DiceModifiers NONE = new DiceModifiers(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty());

    /** A value after the clamps. */
    long clamp(long value) {
        long v = value;
        if (min.isPresent()) {
            v = Math.max(v, min.get());
        }
        if (max.isPresent()) {
            v = Math.min(v, max.get());
        }
        return v;
    }

    /**
     * Canonical order. A default compare point is left out unless a success count follows, which
     * would otherwise be read as the reroll's or explosion's own compare point.
     */
    String render(DieType type) {
        StringBuilder out = new StringBuilder();
        boolean explicit = counting.isPresent();
        reroll.ifPresent(r -> out.append(r.render(type, explicit)));
        explode.ifPresent(e -> out.append(e.render(type, explicit)));
        min.ifPresent(m -> out.append("min").append(m));
        max.ifPresent(m -> out.append("max").append(m));
        keep.ifPresent(out::append);
        counting.ifPresent(out::append);
        return out.toString();
    }
}
