package dev.hearth.core.map;

import java.util.Objects;

/**
 * A last-writer-wins register: a value and the timestamp of the write that set it. Merging keeps
 * the write with the later timestamp, so replicas that saw the same writes agree whatever order
 * they saw them in. Within one log no two accepted writes to a register share a timestamp (decide
 * accepts only a strictly later one), so the latest is unique.
 */
public record Lww<T>(T value, Hlc stamp) {

    public Lww {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(stamp, "stamp");
    }

    /** This register after a write of {@code candidate} stamped {@code at}: the later write wins. */
    public Lww<T> merge(T candidate, Hlc at) {
        return at.after(stamp) ? new Lww<>(candidate, at) : this;
    }
}
