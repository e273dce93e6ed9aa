package dev.hearth.server.realtime.stream;

import dev.hearth.core.stream.Caller;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A command on its way into a stream's actor.
 *
 * @param clientId the sender's message id, which makes a resend idempotent; empty for commands the
 *     server originates
 * @param digest a hash of the message's type and payload, to tell a retry from a different message
 *     under a reused id
 * @param receivedNanos when the edge received it ({@link System#nanoTime})
 * @param reply called once, on the actor's thread, with the outcome; it must not block
 */
public record Submission<C>(C command, Caller caller, Optional<String> clientId, String digest, long receivedNanos,
        Consumer<CommandOutcome> reply) {

    public Submission {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(reply, "reply");
    }

    /** The idempotency key: message ids are the sender's, so two users' ids never collide. */
    Optional<String> key() {
        return clientId.map(id -> caller.userId() + ":" + id);
    }
}
