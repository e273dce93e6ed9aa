package dev.hearth.server.realtime.stream;

import dev.hearth.core.access.Role;
import dev.hearth.core.stream.Visibility;
import java.util.Map;

/**
 * A committed event ready for delivery: its frame is encoded once and sent as is to every
 * subscriber its visibility allows, or, for an event that reads differently by role (a table's
 * map events, which players receive translated), the frame made for the subscriber's role.
 *
 * @param frame the wire envelope, JSON text
 * @param commandNanos when the command that caused it was received ({@link System#nanoTime}), 0 if
 *     unknown (read back from the log), for the command-to-delivery latency
 * @param byRole frames for the roles that receive something other than {@code frame}
 */
public record Committed(long seq, String type, String author, Visibility visibility, String frame, long commandNanos,
        Map<Role, String> byRole) {

    public Committed {
        byRole = Map.copyOf(byRole);
    }

    public Committed(long seq, String type, String author, Visibility visibility, String frame, long commandNanos) {
        this(seq, type, author, visibility, frame, commandNanos, Map.of());
    }

    /** The frame a member with this role receives. */
    public String frameFor(Role role) {
        return byRole.getOrDefault(role, frame);
    }
}
