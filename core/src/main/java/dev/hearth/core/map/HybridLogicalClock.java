package dev.hearth.core.map;

/**
 * The rules of a hybrid logical clock (Kulkarni et al., 2014), as pure functions of the last
 * timestamp and the current time: nothing here reads a clock.
 *
 * <p>Why a hybrid clock: map edits are last-writer-wins per property, and "last" should mean the
 * edit made later, not the one whose packet arrived later. A client stamps an edit with its own
 * clock, which has {@link #receive received} every event it saw, so an edit made after seeing
 * another orders after it even if the client's wall clock is slow. A client whose clock runs
 * fast would win every race for ever; so a stamp more than {@link #MAX_SKEW_MILLIS} ahead of the
 * server's time is {@link #clamp clamped} to that bound.
 */
public final class HybridLogicalClock {

    /** How far ahead of the server's time a client's stamp may be before it is clamped: one minute. */
    public static final long MAX_SKEW_MILLIS = 60_000;

    /**
     * The largest counter a client may send. The counter only counts events within one millisecond
     * (or while a wall clock lags), so real ones stay tiny; the bound keeps {@code counter + 1} safe.
     */
    public static final int MAX_COUNTER = 1 << 20;

    private HybridLogicalClock() {}

    /** The timestamp of a new local event after {@code last}, at wall time {@code nowMillis}. */
    public static Hlc tick(Hlc last, long nowMillis, String node) {
        long wall = Math.max(last.wallMillis(), nowMillis);
        return next(wall, wall == last.wallMillis() ? last.counter() + 1 : 0, node);
    }

    /**
     * The clock after receiving a remote timestamp (clamped first): later than both {@code last}
     * and the remote, and never behind {@code nowMillis}.
     */
    public static Hlc receive(Hlc last, Hlc remote, long nowMillis, String node) {
        Hlc r = clamp(remote, nowMillis);
        long wall = Math.max(Math.max(last.wallMillis(), r.wallMillis()), nowMillis);
        int counter;
        if (wall == last.wallMillis() && wall == r.wallMillis()) {
            counter = Math.max(last.counter(), r.counter()) + 1;
        } else if (wall == last.wallMillis()) {
            counter = last.counter() + 1;
        } else if (wall == r.wallMillis()) {
            counter = r.counter() + 1;
        } else {
            counter = 0;
        }
        return next(wall, counter, node);
    }

    /** The remote stamp, with its wall time cut to {@code nowMillis + MAX_SKEW_MILLIS} if it is further ahead. */
    public static Hlc clamp(Hlc remote, long nowMillis) {
        long bound = nowMillis + MAX_SKEW_MILLIS;
        return remote.wallMillis() > bound ? new Hlc(bound, Math.min(remote.counter(), MAX_COUNTER), remote.node())
                : remote;
    }

    /** A counter past the bound moves to the next millisecond instead of overflowing. */
    private static Hlc next(long wall, int counter, String node) {
        return counter > MAX_COUNTER ? new Hlc(wall + 1, 0, node) : new Hlc(wall, counter, node);
    }
}
