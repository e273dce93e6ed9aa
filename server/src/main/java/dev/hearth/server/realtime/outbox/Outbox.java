package dev.hearth.server.realtime.outbox;

import dev.hearth.server.realtime.RealtimeMetrics;
import dev.hearth.server.realtime.protocol.Frames;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One connection's bounded outbound queue and the virtual thread that writes it. Producers (the
 * stream actors, the ephemeral broadcasters) never wait: an ordered frame is queued or, when the
 * queue is full, the connection is closed as a slow consumer; an ephemeral update is coalesced into
 * its slot, or dropped under pressure. So a slow client never slows anyone else.
 */
public final class Outbox {

    /** WebSocket close code for a consumer that could not keep up (1013 "try again later"). */
    public static final int SLOW_CONSUMER = 1013;

    private final Sink sink;
    private final OutboxSettings settings;
    private final RealtimeMetrics metrics;
    private final String transport;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition ready = lock.newCondition();
    private final ArrayDeque<Ordered> ordered = new ArrayDeque<>();
    private final Map<String, Ephemeral> slots = new LinkedHashMap<>();
    private boolean closed;
    private Closing closing;
    private long lastSeq = -1;
    /** Replayed frames still queued: they do not count against the slow-consumer limit. */
    private int replayQueued;
    private final Thread writer;

    private record Ordered(String frame, long seq, long commandNanos, boolean replay) {}

    /** Most ordered frames handed to the transport in one go. */
    static final int MAX_BATCH = 64;

    public Outbox(Sink sink, OutboxSettings settings, RealtimeMetrics metrics, String transport) {
        this.sink = sink;
        this.settings = settings;
        this.metrics = metrics;
        this.transport = transport;
        this.writer = Thread.ofVirtual().name("hearth-out-" + transport).unstarted(this::write);
    }

    public Outbox start() {
        writer.start();
        return this;
    }

    /**
     * Queues an ordered frame. False when the connection is closed, or now closes because the queue
     * is full (a slow consumer).
     *
     * @param seq the event's sequence number, or -1 for frames that are not events
     * @param commandNanos when the command behind it arrived, 0 when not measured
     */
    public boolean offer(String frame, long seq, long commandNanos) {
        lock.lock();
        try {
            if (closed || closing != null) {
                return false;
            }
            if (ordered.size() - replayQueued >= settings.capacity()) {
                metrics.slowConsumer(transport);
                closeLocked(SLOW_CONSUMER, "too slow: the outbound queue is full; reconnect and resume from your last seq");
                return false;
            }
            ordered.add(new Ordered(frame, seq, commandNanos, false));
            ready.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Queues an event a resume replays. Replays are bounded by the stream's replay limit and are
     * not counted against the slow-consumer limit: a client resuming further back than the queue is
     * long must get its events, not be cut off again at every resume. Live frames queued behind a
     * replay still are. False only when the connection is closed.
     */
    public boolean offerReplay(String frame, long seq) {
        lock.lock();
        try {
            if (closed || closing != null) {
                return false;
            }
            ordered.add(new Ordered(frame, seq, 0, true));
            replayQueued++;
            ready.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Puts an ephemeral update in its slot, unless ordered frames are backing up (then it is dropped). */
    public void offerEphemeral(String slot, Ephemeral update) {
        lock.lock();
        try {
            if (closed || closing != null) {
                return;
            }
            if (ordered.size() >= settings.pressure()) {
                metrics.ephemeralDropped();
                return;
            }
            slots.merge(slot, update, Ephemeral::merge);
            ready.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Closes after the frames already queued are written (an error, then the close); later offers are refused. */
    public void closeAfterQueued(int code, String reason) {
        lock.lock();
        try {
            if (!closed && closing == null) {
                closing = new Closing(code, reason);
                ready.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    private record Closing(int code, String reason) {}

    /** Closes at once; queued frames are dropped. */
    public void close(int code, String reason) {
        lock.lock();
        try {
            closeLocked(code, reason);
        } finally {
            lock.unlock();
        }
    }

    public boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    /** The sequence number of the last event written to the transport; -1 before any. */
    public long lastSeqSent() {
        lock.lock();
        try {
            return lastSeq;
        } finally {
            lock.unlock();
        }
    }

    private void closeLocked(int code, String reason) {
        if (closed) {
            return;
        }
        closed = true;
        ordered.clear();
        replayQueued = 0;
        slots.clear();
        ready.signal();
        Thread.ofVirtual().start(() -> sink.close(code, reason));
    }

    private void write() {
        List<Ordered> batch = new ArrayList<>(MAX_BATCH);
        while (true) {
            int queued;
            lock.lock();
            try {
                while (!closed && closing == null && ordered.isEmpty() && slots.isEmpty()) {
                    ready.awaitUninterruptibly();
                }
                if (closed) {
                    return;
                }
                if (ordered.isEmpty() && closing != null) {
                    closeLocked(closing.code(), closing.reason());
                    return;
                }
                if (ordered.isEmpty()) {
                    Iterator<Map.Entry<String, Ephemeral>> it = slots.entrySet().iterator();
                    Ephemeral update = it.next().getValue();
                    it.remove();
                    lock.unlock();
                    try {
                        send(List.of(update.render()), 0);
                    } finally {
                        lock.lock();
                    }
                    continue;
                }
                batch.clear();
                while (batch.size() < MAX_BATCH && !ordered.isEmpty()) {
                    Ordered next = ordered.poll();
                    if (next.replay) {
                        replayQueued--;
                    }
                    batch.add(next);
                }
                queued = ordered.size();
            } finally {
                lock.unlock();
            }
            List<String> frames = new ArrayList<>(batch.size());
            batch.forEach(o -> frames.add(o.frame));
            if (!send(frames, queued)) {
                return;
            }
            long now = System.nanoTime();
            long newest = -1;
            for (Ordered o : batch) {
                newest = Math.max(newest, o.seq);
                if (o.commandNanos > 0) {
                    metrics.delivered(transport, now - o.commandNanos);
                }
            }
            if (newest >= 0) {
                lock.lock();
                try {
                    lastSeq = newest;
                } finally {
                    lock.unlock();
                }
            }
        }
    }

    /**
     * Hands the transport every frame that waits (up to {@link #MAX_BATCH}) at once: a WebSocket
     * gathers them into few writes instead of one write and one wake-up per frame, which is most of
     * the cost of fan-out when a table is busy.
     */
    private boolean send(List<String> frames, int queued) {
        try {
            sink.send(frames);
            for (String frame : frames) {
                metrics.messageOut(transport, Frames.typeOf(frame), frame.length(), queued);
            }
            return true;
        } catch (IOException | RuntimeException e) {
            close(1006, "send failed");
            return false;
        }
    }
}
