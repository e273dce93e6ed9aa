package dev.hearth.server.realtime.stream;

import java.util.ArrayList;
import java.util.List;

/** The latest committed events of a stream, kept in memory so most resumes never touch the store. */
final class Tail {

    private final Committed[] ring;
    private long lastSeq;
    private int size;

    Tail(int capacity) {
        this.ring = new Committed[capacity];
    }

    void add(Committed c) {
        ring[(int) (c.seq() % ring.length)] = c;
        lastSeq = c.seq();
        size = Math.min(size + 1, ring.length);
    }

    /** True if every event after {@code afterSeq} (up to the last) is held. */
    boolean covers(long afterSeq) {
        return afterSeq >= lastSeq - size;
    }

    /** The events after {@code afterSeq}; only call when {@link #covers} is true. */
    List<Committed> after(long afterSeq) {
        List<Committed> out = new ArrayList<>((int) Math.max(0, lastSeq - afterSeq));
        for (long seq = afterSeq + 1; seq <= lastSeq; seq++) {
            out.add(ring[(int) (seq % ring.length)]);
        }
        return out;
    }

    /** Forgets everything: the stream was reloaded at {@code seq}. */
    void reset(long seq) {
        java.util.Arrays.fill(ring, null);
        size = 0;
        lastSeq = seq;
    }
}
