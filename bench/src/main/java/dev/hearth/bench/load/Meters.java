package dev.hearth.bench.load;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What every simulated client records, shared by all of them: wait-free latency recorders and
 * counters. A measurement window is opened with {@link #open()} and read with {@link #close()},
 * so warm-up traffic never reaches the figures.
 */
final class Meters {

    /** Longer than any latency a run can see; values beyond it are clamped into the top bucket. */
    private static final long MAX_NANOS = 600_000_000_000L;

    final Recorder ack = recorder();
    final Recorder delivery = recorder();
    final Recorder cursor = recorder();
    final Recorder connect = recorder();

    final LongAdder commandsSent = new LongAdder();
    final LongAdder acks = new LongAdder();
    final LongAdder deliveries = new LongAdder();
    final LongAdder cursorsSent = new LongAdder();
    final LongAdder cursorDeliveries = new LongAdder();
    final LongAdder framesIn = new LongAdder();
    final LongAdder bytesIn = new LongAdder();
    final LongAdder connected = new LongAdder();
    final LongAdder connectFailures = new LongAdder();
    final LongAdder unexpectedCloses = new LongAdder();
    final LongAdder reconnects = new LongAdder();
    final LongAdder resumesRefused = new LongAdder();
    final LongAdder duplicates = new LongAdder();
    final LongAdder gaps = new LongAdder();
    final LongAdder skippedWhileAway = new LongAdder();
    final LongAdder retries = new LongAdder();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();

    private Snapshot start;

    private static Recorder recorder() {
        return new Recorder(MAX_NANOS, 3);
    }

    static void record(Recorder r, long nanos) {
        r.recordValue(Math.max(0, Math.min(nanos, MAX_NANOS)));
    }

    void error(String code) {
        errors.computeIfAbsent(code, c -> new LongAdder()).increment();
    }

    /** Starts a measurement window: what was recorded before it is dropped. */
    void open() {
        ack.reset();
        delivery.reset();
        cursor.reset();
        connect.reset();
        start = snapshot();
    }

    /** Ends the window: its histograms and how much each counter grew in it. */
    Window close() {
        Snapshot end = snapshot();
        return new Window(ack.getIntervalHistogram(), delivery.getIntervalHistogram(), cursor.getIntervalHistogram(),
                connect.getIntervalHistogram(), end.minus(start));
    }

    /** Connections made since the meters were made: read once, after everyone has connected. */
    Histogram connectSoFar() {
        return connect.getIntervalHistogram();
    }

    private Snapshot snapshot() {
        Map<String, Long> errorCounts = new TreeMap<>();
        errors.forEach((code, n) -> errorCounts.put(code, n.sum()));
        return new Snapshot(System.nanoTime(), commandsSent.sum(), acks.sum(), deliveries.sum(), cursorsSent.sum(),
                cursorDeliveries.sum(), framesIn.sum(), bytesIn.sum(), connectFailures.sum(), unexpectedCloses.sum(),
                reconnects.sum(), resumesRefused.sum(), duplicates.sum(), gaps.sum(), skippedWhileAway.sum(), retries.sum(),
                errorCounts);
    }

    /** Counter values at one instant; the difference of two is a window's counts. */
    record Snapshot(long nanos, long commandsSent, long acks, long deliveries, long cursorsSent, long cursorDeliveries,
            long framesIn, long bytesIn, long connectFailures, long unexpectedCloses, long reconnects, long resumesRefused,
            long duplicates, long gaps, long skippedWhileAway, long retries, Map<String, Long> errors) {

        Snapshot minus(Snapshot o) {
            Map<String, Long> e = new TreeMap<>(errors);
            o.errors.forEach((code, n) -> e.merge(code, -n, Long::sum));
            e.values().removeIf(n -> n == 0);
            return new Snapshot(nanos - o.nanos, commandsSent - o.commandsSent, acks - o.acks, deliveries - o.deliveries,
                    cursorsSent - o.cursorsSent, cursorDeliveries - o.cursorDeliveries, framesIn - o.framesIn,
                    bytesIn - o.bytesIn, connectFailures - o.connectFailures, unexpectedCloses - o.unexpectedCloses,
                    reconnects - o.reconnects, resumesRefused - o.resumesRefused, duplicates - o.duplicates,
                    gaps - o.gaps, skippedWhileAway - o.skippedWhileAway, retries - o.retries, Map.copyOf(e));
        }

        double seconds() {
            return nanos / 1e9;
        }

        long errorTotal() {
            return errors.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** A measurement window: latency histograms (nanoseconds) and counts. */
    record Window(Histogram ack, Histogram delivery, Histogram cursor, Histogram connect, Snapshot counts) {}
}
