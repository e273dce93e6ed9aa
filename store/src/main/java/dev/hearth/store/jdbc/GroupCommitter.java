package dev.hearth.store.jdbc;

import dev.hearth.store.GroupCommitSettings;
import dev.hearth.store.StoreException;
import dev.hearth.store.StoreOverloadedException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's one writer: a thread that drains the bounded write queue into batches and hands each
 * to the {@link BatchWriter}. One writer per store keeps SQLite free of lock contention and makes
 * the queue the only place where writes wait.
 */
final class GroupCommitter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommitter.class);

    private final BlockingQueue<PendingWrite> queue;
    private final BatchWriter writer;
    private final GroupCommitSettings settings;
    private final Thread thread;
    private volatile boolean closing;
    /** A write taken from the queue that did not fit its batch; it opens the next one. */
    private PendingWrite carried;

    GroupCommitter(BatchWriter writer, GroupCommitSettings settings, String name) {
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.writer = writer;
        this.settings = settings;
        this.thread = Thread.ofPlatform().name(name).daemon(false).unstarted(this::run);
        thread.start();
    }

    void submit(PendingWrite write) {
        if (closing) {
            write.fail(new StoreException("the event store is closed"));
        } else if (!queue.offer(write)) {
            write.fail(new StoreOverloadedException(
                    "the event store's write queue is full (" + settings.queueCapacity() + " writes); retry shortly"));
        }
    }

    int queueDepth() {
        return queue.size();
    }

    private void run() {
        List<PendingWrite> batch = new ArrayList<>();
        while (true) {
            try {
                if (!fill(batch)) {
                    if (closing && queue.isEmpty() && carried == null) {
                        writer.closeConnection();
                        return;
                    }
                    continue;
                }
            } catch (InterruptedException e) {
                // Interrupts are not how this thread stops (close() is); keep draining.
                continue;
            }
            try {
                writer.write(batch);
            } catch (RuntimeException | Error e) {
                // BatchWriter answers every write itself; this is the last line that keeps one
                // unexpected failure from killing the only writer and leaving later writes waiting forever.
                log.error("the store writer failed on a batch of {} writes", batch.size(), e);
                StoreException failure = new StoreException("the event store failed to write: " + e, e);
                batch.forEach(w -> w.fail(failure));
            }
            batch.clear();
        }
    }

    /** Takes the next batch; false when nothing arrived within the idle poll. */
    private boolean fill(List<PendingWrite> batch) throws InterruptedException {
        PendingWrite first = carried != null ? carried : queue.poll(50, TimeUnit.MILLISECONDS);
        carried = null;
        if (first == null) {
            return false;
        }
        batch.add(first);
        int weight = first.weight();
        long deadline = first.enqueuedNanos() + settings.maxWait().toNanos();
        while (weight < settings.maxBatchEvents()) {
            PendingWrite next = queue.poll();
            if (next == null) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0 || closing) {
                    break;
                }
                next = queue.poll(remaining, TimeUnit.NANOSECONDS);
                if (next == null) {
                    break;
                }
            }
            if (weight + next.weight() > settings.maxBatchEvents()) {
                carried = next;
                break;
            }
            batch.add(next);
            weight += next.weight();
        }
        return true;
    }

    /** Stops taking writes and returns once every accepted write has been committed or failed. */
    @Override
    public void close() {
        closing = true;
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        // A submit that raced close() may have slipped in after the writer's last look.
        StoreException closed = new StoreException("the event store is closed");
        for (PendingWrite w; (w = queue.poll()) != null; ) {
            w.fail(closed);
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
