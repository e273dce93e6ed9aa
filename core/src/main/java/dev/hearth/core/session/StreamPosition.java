package dev.hearth.core.session;

import java.util.Objects;

/**
 * A point in one session's history: the epoch of the history and the sequence number within it.
 *
 * <p>The epoch changes only when a session's history is replaced (an import, a restore from
 * backup). A client holding a position of another epoch is not "behind": its history is gone and
 * it must reload the session instead of resuming.
 *
 * @param epoch identifies one history of the session
 * @param seq the last sequence number seen; 0 means "before the first event"
 */
public record StreamPosition(String epoch, long seq) {

    public StreamPosition {
        Objects.requireNonNull(epoch, "epoch");
        if (epoch.isEmpty()) {
            throw new IllegalArgumentException("epoch must not be empty");
        }
        if (seq < 0) {
            throw new IllegalArgumentException("seq must be >= 0, was " + seq);
        }
    }

    /** True when {@code other} is the same history, at this position or further along. */
    public boolean canResumeFrom(StreamPosition other) {
        return epoch.equals(other.epoch) && other.seq <= seq;
    }
}
