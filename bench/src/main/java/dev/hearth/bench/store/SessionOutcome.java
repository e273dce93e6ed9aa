package dev.hearth.bench.store;

import dev.hearth.core.session.SessionId;
import java.util.Optional;
import org.HdrHistogram.Histogram;

/**
 * What one session writer saw.
 *
 * @param lastAckedSeq every seq from 1 to this one was acknowledged; the log must hold exactly these
 * @param measuredAcks acks that arrived inside the measurement window
 * @param latency ack latency (ns) of those acks
 * @param failure the first unexpected answer or error, which stopped the writer
 */
record SessionOutcome(
        int index, SessionId sessionId, long lastAckedSeq, long measuredAcks, Histogram latency, Optional<String> failure) {}
