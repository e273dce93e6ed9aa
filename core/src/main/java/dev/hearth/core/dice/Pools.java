package dev.hearth.core.dice;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.ToLongFunction;
import java.util.stream.IntStream;

/** Keep and drop over a pool, of dice or of group members alike. */
final class Pools {

    private Pools() {}

    /**
     * The pool in its own order, each marked {@link DieState#KEPT} or {@link DieState#DROPPED};
     * unchanged without a keep modifier. Among equal values the earlier ones are kept first, so a
     * roll's marks never depend on sorting details.
     */
    static <T> List<T> keep(List<T> pool, Optional<Keep> keep, ToLongFunction<T> value, BiFunction<T, DieState, T> mark) {
        if (keep.isEmpty()) {
            return new ArrayList<>(pool);
        }
        boolean[] kept = kept(pool, keep.get(), value);
        List<T> marked = new ArrayList<>();
        for (int i = 0; i < pool.size(); i++) {
            marked.add(mark.apply(pool.get(i), kept[i] ? DieState.KEPT : DieState.DROPPED));
        }
        return marked;
    }

    /** Which of the pool are kept. */
    static <T> boolean[] kept(List<T> pool, Keep keep, ToLongFunction<T> value) {
        Comparator<Integer> byValue = Comparator.comparingLong(i -> value.applyAsLong(pool.get(i)));
        List<Integer> order = IntStream.range(0, pool.size()).boxed()
                .sorted(keep.fromHighest() ? byValue.reversed() : byValue)
                .toList();
        boolean[] kept = new boolean[pool.size()];
        order.subList(0, keep.kept(pool.size())).forEach(i -> kept[i] = true);
        return kept;
    }
}
