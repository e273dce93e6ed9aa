package dev.hearth.bench.store;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * What the store's own meters say about its transactions: how many, how many writes each carried,
 * how long each took to write and commit. Taken as the difference between two readings, so only
 * the measurement window counts. The meter names are the store's; if they change, the figures read 0.
 */
record BatchStats(long batches, double writes, double commitNanos) {

    static BatchStats read(MeterRegistry registry) {
        DistributionSummary sizes = registry.find("hearth.store.batch.writes").summary();
        Timer commits = registry.find("hearth.store.commit.duration").timer();
        if (sizes == null || commits == null) {
            return new BatchStats(0, 0, 0);
        }
        return new BatchStats(sizes.count(), sizes.totalAmount(), commits.totalTime(TimeUnit.NANOSECONDS));
    }

    BatchStats since(BatchStats earlier) {
        return new BatchStats(batches - earlier.batches, writes - earlier.writes, commitNanos - earlier.commitNanos);
    }

    double writesPerBatch() {
        return batches == 0 ? 0 : writes / batches;
    }

    double commitMillis() {
        return batches == 0 ? 0 : commitNanos / batches / 1e6;
    }
}
