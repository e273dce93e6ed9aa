package dev.hearth.core.inbox;

import java.util.Objects;

/** What may be asked of a user's inbox: the server delivers; the user marks read. */
public sealed interface InboxCommand {

    /** The server adds a notification (never a client: clients cannot notify each other directly). */
    record Deliver(Notification notification) implements InboxCommand {
        public Deliver {
            Objects.requireNonNull(notification, "notification");
        }
    }

    /** The user has read everything up to and including {@code upToSeq}. */
    record MarkRead(long upToSeq) implements InboxCommand {}
}
