package dev.hearth.bench.store;

import dev.hearth.store.EventStore;
import dev.hearth.store.NewEvent;
import dev.hearth.store.StoredEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads every session's log back, from a store opened anew after the benchmark's store closed, and
 * checks that it holds exactly the acknowledged events: seq 1 to the last ack, no gap, nothing
 * beyond, each with the client message id and the bytes its writer sent. A benchmark that lost
 * writes would otherwise report them as throughput.
 */
final class LogAudit {

    /** The store's bound on one read. */
    private static final int PAGE = 10_000;
    private static final int MAX_PROBLEMS = 20;

    private LogAudit() {}

    /**
     * @param eventsChecked events read back and compared
     * @param problems what did not match, at most {@value #MAX_PROBLEMS}; empty when the logs are exact
     */
    record Result(long eventsChecked, List<String> problems) {
        boolean passed() {
            return problems.isEmpty();
        }
    }

    static Result check(EventStore store, List<SessionOutcome> outcomes, EventPayloads payloads) {
        List<String> problems = new ArrayList<>();
        long checked = 0;
        for (SessionOutcome o : outcomes) {
            long latest = store.latestSeq(o.sessionId());
            if (latest != o.lastAckedSeq()) {
                report(problems, o.sessionId() + ": the log ends at seq " + latest + " but " + o.lastAckedSeq()
                        + " appends were acknowledged");
            }
            long expected = 1;
            for (List<StoredEvent> page; !(page = store.read(o.sessionId(), expected - 1, PAGE)).isEmpty(); ) {
                for (StoredEvent e : page) {
                    checked++;
                    mismatch(o, e, expected, payloads).ifPresent(p -> report(problems, p));
                    expected = e.seq() + 1;
                }
            }
            if (expected - 1 != o.lastAckedSeq()) {
                report(problems, o.sessionId() + ": read back up to seq " + (expected - 1) + ", expected "
                        + o.lastAckedSeq());
            }
        }
        return new Result(checked, List.copyOf(problems));
    }

    private static Optional<String> mismatch(SessionOutcome o, StoredEvent e, long expectedSeq, EventPayloads payloads) {
        if (e.seq() != expectedSeq) {
            return Optional.of(o.sessionId() + ": expected seq " + expectedSeq + ", found " + e.seq());
        }
        if (e.seq() > o.lastAckedSeq()) {
            return Optional.of(o.sessionId() + ": seq " + e.seq() + " is in the log but was never acknowledged");
        }
        NewEvent sent = payloads.event(o.index(), e.seq());
        if (!e.clientMsgId().equals(Optional.of(SessionWriter.clientMsgId(e.seq())))
                || !e.type().equals(sent.type())
                || !Arrays.equals(e.payload(), sent.payload())) {
            return Optional.of(o.sessionId() + ": seq " + e.seq() + " does not hold the event sent for it");
        }
        return Optional.empty();
    }

    private static void report(List<String> problems, String problem) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(problem);
        }
    }
}
