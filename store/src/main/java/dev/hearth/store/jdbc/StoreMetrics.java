package dev.hearth.store.jdbc;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** The store's meters: how long writes take end to end, how big batches are, how deep the queue is. */
final class StoreMetrics implements AutoCloseable {

    private final Timer writeLatency;
    private final Timer commitDuration;
    private final DistributionSummary batchSize;
    private final Counter failedWrites;
    private final MeterRegistry registry;
    private final String engine;

    StoreMetrics(MeterRegistry registry, String engine) {
        this.registry = registry;
        this.engine = engine;
        this.writeLatency = Timer.builder("hearth.store.append.latency")
                .description("Time from a write entering the queue to its commit")
                .tag("engine", engine)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(50_000))
                .maximumExpectedValue(Duration.ofSeconds(5))
                .register(registry);
        this.commitDuration = Timer.builder("hearth.store.commit.duration")
                .description("Time to write and commit one batch")
                .tag("engine", engine)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(50_000))
                .maximumExpectedValue(Duration.ofSeconds(5))
                .register(registry);
        this.batchSize = DistributionSummary.builder("hearth.store.batch.writes")
                .description("Writes committed together in one transaction")
                .tag("engine", engine)
                .register(registry);
        this.failedWrites = Counter.builder("hearth.store.writes.failed")
                .description("Writes whose batch failed to commit")
                .tag("engine", engine)
                .register(registry);
    }

    private Gauge queueDepth;

    void watchQueue(Supplier<Number> depth) {
        queueDepth = Gauge.builder("hearth.store.queue.depth", depth)
                .description("Writes waiting for a batch")
                .tag("engine", engine)
                .register(registry);
    }

    /** The gauge reads a live queue; once the store is closed it must not keep it reachable. */
    @Override
    public void close() {
        if (queueDepth != null) {
            registry.remove(queueDepth);
        }
    }

    void batchCommitted(int writes, long nanos) {
        batchSize.record(writes);
        commitDuration.record(nanos, TimeUnit.NANOSECONDS);
    }

    void batchFailed(int writes) {
        failedWrites.increment(writes);
    }

    void writeCompleted(long nanos) {
        writeLatency.record(nanos, TimeUnit.NANOSECONDS);
    }
}
