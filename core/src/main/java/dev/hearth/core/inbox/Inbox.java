package dev.hearth.core.inbox;

import dev.hearth.core.stream.CommandContext;
import dev.hearth.core.stream.Decision;
import dev.hearth.core.stream.Domain;
import dev.hearth.core.stream.Rejection;
import dev.hearth.core.stream.Visibility;

/**
 * A user's notifications across campaigns and sessions, with an unread count. Each user has their
 * own stream, which only they receive; so every event in it is visible to everyone who may
 * subscribe, the owner.
 */
public final class Inbox implements Domain<InboxState, InboxCommand, InboxEvent> {

    @Override
    public InboxState initial() {
        return InboxState.EMPTY;
    }

    @Override
    public Decision<InboxEvent> decide(InboxState state, InboxCommand command, CommandContext context) {
        return switch (command) {
            case InboxCommand.Deliver deliver -> Decision.accept(new InboxEvent.Notified(deliver.notification()));
            case InboxCommand.MarkRead read -> {
                if (read.upToSeq() < 0 || read.upToSeq() > state.latestSeq()) {
                    yield Decision.reject(Rejection.invalid("upToSeq", "upToSeq is 0-" + state.latestSeq()
                            + ", the inbox's latest sequence number."));
                }
                // Marking read what is read already changes nothing and records nothing.
                yield read.upToSeq() <= state.readUpTo()
                        ? Decision.accept()
                        : Decision.accept(new InboxEvent.MarkedRead(read.upToSeq()));
            }
        };
    }

    @Override
    public InboxState apply(InboxState state, InboxEvent event, long seq) {
        return switch (event) {
            case InboxEvent.Notified notified -> state.notified(seq);
            case InboxEvent.MarkedRead read -> state.read(read.upToSeq(), seq);
        };
    }

    @Override
    public Visibility visibility(InboxEvent event) {
        return Visibility.EVERYONE;
    }
}
