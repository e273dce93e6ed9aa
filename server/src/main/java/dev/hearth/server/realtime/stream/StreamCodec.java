package dev.hearth.server.realtime.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.core.access.Role;
import dev.hearth.core.stream.Caller;
import dev.hearth.core.stream.Domain;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How one kind of stream looks on the wire and in the log: event types and payloads, commands,
 * snapshots, and the view a member gets on joining. The domain stays free of JSON; this is its
 * one translation.
 */
public interface StreamCodec<S, C, E> {

    /** The dotted event type, the same in the log and on the wire: {@code chat.posted}. */
    String eventType(E event);

    ObjectNode eventPayload(E event);

    /**
     * The payload a member with this role receives, when it is not {@link #eventPayload}: a table's
     * map events reach players translated (what came into and went out of their view), never as
     * recorded. Empty for events everyone allowed receives alike.
     */
    default Optional<ObjectNode> eventPayload(E event, Role role) {
        return Optional.empty();
    }

    /**
     * The payload as the log keeps it: the wire payload, plus what only the log needs (a table's
     * combat events keep the visibility decided when they were recorded). {@link #decodeEvent}
     * reads this form.
     */
    default ObjectNode logPayload(E event) {
        return eventPayload(event);
    }

    /** Reads back an event this codec wrote; throws {@link IllegalArgumentException} for anything else. */
    E decodeEvent(String type, JsonNode payload);

    /** The command message types clients may send on this stream. */
    Set<String> commandTypes();

    /**
     * The command a client message stands for; throws {@link CommandFormatException} naming the
     * field at fault when the payload is not one.
     */
    C decodeCommand(String type, JsonNode payload);

    byte[] encodeState(S state);

    S decodeState(byte[] bytes);

    /** The state as {@code viewer} may see it, for {@code welcome} and {@code GET} views. */
    ObjectNode view(S state, Caller viewer, Domain<S, C, E> domain);

    /**
     * Fields every welcome carries besides the view, resumed or not, for state that events alone do
     * not keep a viewer up to date with (a table's encounter, whose hidden parts players never see).
     */
    default Optional<ObjectNode> welcomeExtras(S state, Caller viewer) {
        return Optional.empty();
    }

    /** The frame each subscriber gets after these events of one command commit, if they call for one. */
    default Optional<FollowUp<S>> followUp(List<E> events) {
        return Optional.empty();
    }
}
