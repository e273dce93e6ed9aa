package dev.hearth.core.inbox;

import java.util.Objects;

public sealed interface InboxEvent {

    record Notified(Notification notification) implements InboxEvent {
        public Notified {
            Objects.requireNonNull(notification, "notification");
        }
    }

    record MarkedRead(long upToSeq) implements InboxEvent {}
}
