package dev.hearth.bench.store;

import dev.hearth.core.session.SessionId;
import dev.hearth.store.AppendRequest;
import dev.hearth.store.AppendResult;
import dev.hearth.store.EventStore;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.HdrHistogram.Histogram;

/**
 * Drives one session as its actor would: append one event, wait for the ack, append the next. With
 * a pipeline depth above 1 it keeps that many appends in flight, each naming the seq the one before
 * it will take (the actor knows its own next seq), and still takes the acks in order.
 *
 * <p>Every ack is checked: it must be a fresh append at exactly the seq this writer asked for. The
 * first anything else stops the writer and is reported, so the benchmark never counts a lost or
 * misplaced write as throughput.
 */
final class SessionWriter implements Runnable {

    private final int index;
    private final SessionId sessionId;
    private final EventStore store;
    private final EventPayloads payloads;
    private final MeasurementWindow window;
    private final int pipeline;
    /** Ack latency in nanoseconds; auto-resizing, so no value is ever clipped. */
    private final Histogram latency = new Histogram(3);

    private long lastAckedSeq;
    private long measuredAcks;
    private String failure;

    SessionWriter(int index, EventStore store, EventPayloads payloads, MeasurementWindow window, int pipeline) {
        this.index = index;
        this.sessionId = SessionId.of(String.format("bench-session-%04d", index));
        this.store = store;
        this.payloads = payloads;
        this.window = window;
        this.pipeline = pipeline;
    }

    /** The client message id of the append that takes {@code seq}; the audit expects it back. */
    static String clientMsgId(long seq) {
        return "m-" + seq;
    }

    @Override
    public void run() {
        ArrayDeque<InFlight> inFlight = new ArrayDeque<>(pipeline);
        long nextSeq = 1;
        while (failure == null) {
            while (inFlight.size() < pipeline && !window.isClosed()) {
                long seq = nextSeq++;
                var request = AppendRequest.of(sessionId, seq - 1, clientMsgId(seq), List.of(payloads.event(index, seq)));
                long issuedAt = System.nanoTime();
                inFlight.add(new InFlight(seq, issuedAt, store.append(request)));
            }
            InFlight oldest = inFlight.poll();
            if (oldest == null) {
                break;
            }
            settle(oldest);
        }
        // After a failure the appends behind it are answered too (as conflicts): take them so the
        // store is quiet before it closes, but count none of them.
        for (InFlight rest; (rest = inFlight.poll()) != null; ) {
            rest.ack().exceptionally(e -> null).join();
        }
    }

    private void settle(InFlight write) {
        AppendResult result;
        try {
            result = write.ack().join();
        } catch (CompletionException e) {
            fail("append at seq " + write.seq() + " failed: " + e.getCause());
            return;
        }
        long now = System.nanoTime();
        if (result instanceof AppendResult.Appended a
                && !a.duplicate() && a.firstSeq() == write.seq() && a.lastSeq() == write.seq()) {
            lastAckedSeq = write.seq();
            if (window.contains(now)) {
                measuredAcks++;
                latency.recordValue(now - write.issuedAt());
            }
        } else {
            fail("append at seq " + write.seq() + " was answered " + result);
        }
    }

    private void fail(String why) {
        if (failure == null) {
            failure = sessionId + ": " + why;
        }
    }

    /** What this writer saw; read only after its thread has ended. */
    SessionOutcome outcome() {
        return new SessionOutcome(index, sessionId, lastAckedSeq, measuredAcks, latency, Optional.ofNullable(failure));
    }

    private record InFlight(long seq, long issuedAt, CompletableFuture<AppendResult> ack) {}
}
