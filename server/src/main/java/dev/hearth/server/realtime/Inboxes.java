package dev.hearth.server.realtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.core.access.Role;
import dev.hearth.core.inbox.InboxCommand;
import dev.hearth.core.inbox.InboxEvent;
import dev.hearth.core.inbox.InboxState;
import dev.hearth.core.session.SessionId;
import dev.hearth.core.stream.Caller;
import dev.hearth.server.auth.Identity;
import dev.hearth.server.realtime.codec.InboxCodec;
import dev.hearth.server.realtime.stream.StreamActor;
import dev.hearth.server.realtime.stream.StreamRegistry;
import dev.hearth.server.realtime.stream.Submission;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Users' inboxes, shared by every transport: the stream of each (only its owner subscribes), a page
 * of notifications with the unread count, and marking read. An inbox is a stream of its own,
 * {@code inbox-<userId>}.
 */
public final class Inboxes {

    private final StreamRegistry<InboxState, InboxCommand, InboxEvent> registry;
    private final HistoryPages pages;

    Inboxes(StreamRegistry<InboxState, InboxCommand, InboxEvent> registry, HistoryPages pages) {
        this.registry = registry;
        this.pages = pages;
    }

    static SessionId streamOf(String userId) {
        return SessionId.of(Realtime.INBOX_PREFIX + userId);
    }

    public StreamActor<InboxState, InboxCommand, InboxEvent> actor(String userId) {
        return registry.actor(streamOf(userId));
    }

    void unloadIdle() {
        registry.unloadIdle();
    }

    /** {@code {unread, readUpTo, latestSeq}}; empty when the inbox cannot be loaded. */
    public CompletableFuture<Optional<ObjectNode>> summary(String userId) {
        StreamActor<InboxState, InboxCommand, InboxEvent> actor = actor(userId);
        return actor.read(r -> actor.view(r.state(), owner(userId, "")));
    }

    /**
     * {@code {unread, readUpTo, latestSeq, items, nextBefore}}: the inbox's state and a page of its
     * notifications ({@code notification.added} frames, oldest first) before {@code beforeSeq}; empty
     * when the inbox cannot be loaded.
     */
    public CompletableFuture<Optional<ObjectNode>> page(String userId, long beforeSeq, int limit) {
        StreamActor<InboxState, InboxCommand, InboxEvent> actor = actor(userId);
        return summary(userId).thenApply(view -> view.map(summary -> {
            ObjectNode page = pages.page(streamOf(userId), beforeSeq, limit, stored ->
                    InboxCodec.NOTIFIED.equals(stored.type()) ? Optional.of(actor.committedOf(stored).frame())
                            : Optional.empty());
            return summary.setAll(page);
        }));
    }

    /** Submits any inbox command as its owner. */
    public void submit(Identity owner, InboxCommand command, Optional<String> clientId, String digest, long receivedNanos,
            Consumer<Tables.Reply> reply) {
        String userId = owner.account().id();
        actor(userId).submit(new Submission<>(command, owner(userId, owner.account().displayName()), clientId, digest,
                receivedNanos, outcome -> reply.accept(Tables.Reply.of(outcome))));
    }

    private static Caller owner(String userId, String displayName) {
        return new Caller(userId, displayName, Role.PLAYER);
    }
}
