package dev.hearth.server.realtime.stream;

import dev.hearth.core.access.Role;

/**
 * Something that receives a stream's events as they commit: a WebSocket or an SSE connection. The
 * actor calls it from its own thread and never waits: {@link #deliver} queues or refuses.
 */
public interface Subscriber {

    String userId();

    /** The role now: it may change while connected, and visibility is checked against it at delivery. */
    Role role();

    /**
     * Queues an ordered frame (an event, a welcome, an ack). Returns false when the subscriber's
     * queue is full: the subscriber is then too slow and closes itself; the actor drops it.
     */
    boolean deliver(String frame, long seq, long commandNanos);

    /**
     * Queues an event a resume replays. Replays (at most the stream's replay limit) do not count
     * against the queue's slow-consumer limit. False when the subscriber is closed.
     */
    boolean replay(String frame, long seq);

    /** Offers an ephemeral update (cursors, presence, typing): coalesced into its slot, dropped under pressure. */
    void ephemeral(String slot, dev.hearth.server.realtime.outbox.Ephemeral update);
}
