package dev.hearth.store;

import java.time.Duration;
import java.util.Objects;

/**
 * How writes are batched into transactions.
 *
 * <p>The writer takes whatever is queued, up to {@code maxBatchEvents}; while the batch is not full
 * it waits at most {@code maxWait} after the first write for more to arrive. Under load, batches
 * fill while the previous one commits, so {@code maxWait} of zero already batches well and adds no
 * latency when the server is quiet.
 *
 * @param maxBatchEvents most events in one transaction (a single larger append still goes alone); 1 turns batching off
 * @param maxWait longest a write waits for company before its batch commits
 * @param queueCapacity most writes waiting; beyond it writes fail fast with {@link StoreOverloadedException}
 */
public record GroupCommitSettings(int maxBatchEvents, Duration maxWait, int queueCapacity) {

    public static final GroupCommitSettings DEFAULT = new GroupCommitSettings(1024, Duration.ZERO, 10_000);

    /** One transaction per write: the unbatched baseline for benchmarks. */
    public static final GroupCommitSettings OFF = new GroupCommitSettings(1, Duration.ZERO, 10_000);

    public GroupCommitSettings {
        Objects.requireNonNull(maxWait, "maxWait");
        if (maxBatchEvents < 1) {
            throw new IllegalArgumentException("maxBatchEvents must be >= 1, was " + maxBatchEvents);
        }
        if (maxWait.isNegative() || maxWait.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException("maxWait must be between 0 and 1s, was " + maxWait);
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queueCapacity must be >= 1, was " + queueCapacity);
        }
    }
}
