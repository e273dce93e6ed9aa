package dev.hearth.bench.load;

import java.util.List;
import java.util.Map;

/**
 * What one scenario did on one target.
 *
 * @param offeredCommands durable commands per second the clients were scheduled to send
 * @param counts the measurement window's counters
 * @param targetCores cores the server's JVM used in the window (CPU time over wall time)
 * @param generatorCores cores this JVM (the generator) used in the window
 * @param audit the end-of-run check of every connection's event stream (Hearth only)
 * @param memory the server's live heap at each connection count (empty unless measured)
 */
record ScenarioResult(
        String target,
        Scenario scenario,
        int connections,
        Percentiles connect,
        long connectFailures,
        double offeredCommands,
        Meters.Snapshot counts,
        Percentiles ack,
        Percentiles delivery,
        Percentiles cursor,
        double targetCores,
        double generatorCores,
        Audit audit,
        List<MemoryPoint> memory) {

    /**
     * Whether every acknowledged event reached every connection of its table exactly once.
     *
     * @param behind events connections had not received when the run settled (lost)
     * @param duplicates events a connection received twice
     * @param gaps events a connection skipped (lost, then perhaps never re-sent)
     * @param unacknowledged commands never answered
     * @param resumesRefused resumes the server did not honour
     */
    record Audit(boolean checked, long behind, long duplicates, long gaps, long unacknowledged, long resumesRefused,
            long reconnects) {

        static final Audit NOT_CHECKED = new Audit(false, 0, 0, 0, 0, 0, 0);

        boolean clean() {
            return !checked || (behind == 0 && duplicates == 0 && gaps == 0 && unacknowledged == 0 && resumesRefused == 0);
        }
    }

    /** Live heap bytes of the server with {@code connections} open. */
    record MemoryPoint(int connections, long liveHeapBytes) {}

    double seconds() {
        return counts.seconds();
    }

    double acksPerSecond() {
        return counts.acks() / seconds();
    }

    double deliveriesPerSecond() {
        return counts.deliveries() / seconds();
    }

    double cursorDeliveriesPerSecond() {
        return counts.cursorDeliveries() / seconds();
    }

    double framesPerSecond() {
        return counts.framesIn() / seconds();
    }

    Map<String, Long> errors() {
        return counts.errors();
    }

    long errorCount() {
        return counts.errorTotal() + connectFailures + counts.unexpectedCloses();
    }

    /** Heap per connection between the first and the last memory point, in bytes. */
    double heapPerConnection() {
        if (memory.size() < 2) {
            return 0;
        }
        MemoryPoint first = memory.getFirst();
        MemoryPoint last = memory.getLast();
        return (last.liveHeapBytes() - first.liveHeapBytes()) / (double) (last.connections() - first.connections());
    }
}
