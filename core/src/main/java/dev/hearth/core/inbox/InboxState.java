package dev.hearth.core.inbox;

import java.util.ArrayList;
import java.util.List;

/**
 * An inbox: where reading got to, and the sequence numbers of notifications not yet read (the
 * oldest are dropped past {@link #MAX_UNREAD}: nobody reads ten thousand notifications one by one).
 *
 * @param latestSeq the last event applied
 */
public record InboxState(long readUpTo, List<Long> unread, long latestSeq) {

    public static final int MAX_UNREAD = 10_000;

    public static final InboxState EMPTY = new InboxState(0, List.of(), 0);

    public InboxState {
        unread = List.copyOf(unread);
    }

    public int unreadCount() {
        return unread.size();
    }

    InboxState notified(long seq) {
        List<Long> next = new ArrayList<>(unread.size() + 1);
        next.addAll(unread.size() >= MAX_UNREAD ? unread.subList(1, unread.size()) : unread);
        next.add(seq);
        return new InboxState(readUpTo, next, seq);
    }

    InboxState read(long upTo, long seq) {
        return new InboxState(Math.max(readUpTo, upTo), unread.stream().filter(s -> s > upTo).toList(), seq);
    }
}
