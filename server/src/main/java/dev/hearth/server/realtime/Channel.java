package dev.hearth.server.realtime;

import dev.hearth.core.access.Role;
import dev.hearth.server.auth.Identity;
import dev.hearth.server.http.Outcome;
import dev.hearth.server.realtime.protocol.Inbound;
import dev.hearth.server.realtime.stream.Resume;
import java.util.Optional;

/**
 * What a connection is attached to: a game session's table, a user's inbox, or the system channel.
 * The {@link Connection} runs the protocol (hello, heartbeats, auth, limits); the channel decides
 * who may join, subscribes, and carries out commands, requests and ephemeral messages.
 */
public interface Channel {

    /** For metrics and logs: {@code session}, {@code user} or {@code system}. */
    String name();

    /** The role the identity has here, or the refusal (E005 for a session it is not a member of). */
    Outcome<Role> admit(Identity identity);

    /** Subscribes the (welcomed) connection; the channel sends the welcome and any missed events. */
    void attach(Connection connection, Optional<Resume> resume, boolean resuming);

    void detach(Connection connection);

    /** True if {@code type} is one of this channel's commands (stored, acknowledged with a seq). */
    boolean isCommand(String type);

    void command(Connection connection, Inbound message);

    /** Requests; by default the channel knows no method (E007). */
    default void request(Connection connection, Inbound message) {
        Replies.request(connection, message, (method, params) -> null);
    }

    /** True if {@code type} is an ephemeral message this channel takes; by default none. */
    default boolean isEphemeral(String type) {
        return false;
    }

    /** Called only for types {@link #isEphemeral} accepts. */
    default void ephemeral(Connection connection, Inbound message) {
        throw new IllegalStateException("no ephemeral messages on a " + name() + " channel");
    }

    /** Re-checks the connection's standing (membership changed): its new role, or empty if it must go. */
    Optional<Role> recheck(Connection connection);
}
