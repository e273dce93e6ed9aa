package dev.hearth.server.realtime.stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.core.stream.Caller;

/**
 * A frame every subscriber gets after a command's events commit, beyond the events themselves, each
 * made for that subscriber: a table's {@code combat.view}, the encounter as each member may see it.
 * Ordered with the events (after them) and not an event: no {@code seq} at top level.
 *
 * @param type the frame's type
 * @param payload the payload for one viewer, given the committed state and the command's last seq
 */
public record FollowUp<S>(String type, Payload<S> payload) {

    @FunctionalInterface
    public interface Payload<S> {
        ObjectNode of(S state, Caller viewer, long seq);
    }
}
