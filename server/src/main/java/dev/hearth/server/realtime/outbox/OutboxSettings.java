package dev.hearth.server.realtime.outbox;

/**
 * Bounds of one connection's outbound queue.
 *
 * @param capacity ordered frames (events, acks, replies) that may wait; one more and the
 *     connection is closed as a slow consumer, to resume from its last seq
 * @param pressure from this many waiting ordered frames on, ephemeral updates are dropped
 */
public record OutboxSettings(int capacity, int pressure) {

    public static final OutboxSettings DEFAULT = new OutboxSettings(2048, 64);

    public OutboxSettings {
        if (capacity < 1 || pressure < 0 || pressure > capacity) {
            throw new IllegalArgumentException("need 0 <= pressure <= capacity, capacity >= 1");
        }
    }
}
