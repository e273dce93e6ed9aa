package dev.hearth.server.realtime.stream;

import dev.hearth.core.stream.Rejection;

/** How a submitted command ended. Exactly one outcome per submission, sent only after commit for {@link Acked}. */
public sealed interface CommandOutcome {

    /**
     * Committed (or committed before, by the same message id: {@code duplicate}).
     *
     * @param seq the sequence number of the command's last event; the stream's position if it
     *     caused none
     * @param events how many events it caused (0 when it changed nothing)
     */
    record Acked(long seq, int events, boolean duplicate) implements CommandOutcome {
        Acked asDuplicate() {
            return new Acked(seq, events, true);
        }
    }

    /** Decided against by the rules; nothing changed. */
    record Refused(Rejection rejection) implements CommandOutcome {}

    /** Not done, and nothing changed; {@link Failure} says whether retrying with the same id can help. */
    record Failed(Failure failure, String message) implements CommandOutcome {}

    enum Failure {
        /** The store failed or is overloaded: retry the same message later. */
        UNAVAILABLE,
        /** The message id was used before for a different message: send it with a new id. */
        ID_REUSED
    }
}
