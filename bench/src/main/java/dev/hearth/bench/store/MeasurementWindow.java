package dev.hearth.bench.store;

/**
 * The interval in which acknowledgements count. Writers run before it opens (warm-up: JIT, caches,
 * the first pages of every table) and stop issuing once it closes; only acks that arrive while it
 * is open are counted and timed, so start-up and drain are kept out of the figures.
 */
final class MeasurementWindow {

    private volatile long opensAt = Long.MAX_VALUE;
    private volatile long closesAt = Long.MAX_VALUE;

    void open() {
        opensAt = System.nanoTime();
    }

    void close() {
        closesAt = System.nanoTime();
    }

    boolean isClosed() {
        return closesAt != Long.MAX_VALUE;
    }

    boolean contains(long nanos) {
        return nanos >= opensAt && nanos < closesAt;
    }

    double seconds() {
        return (closesAt - opensAt) / 1e9;
    }
}
