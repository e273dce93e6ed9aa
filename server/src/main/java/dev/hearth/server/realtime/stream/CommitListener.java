package dev.hearth.server.realtime.stream;

import dev.hearth.core.session.SessionId;

/**
 * Told of each event as it commits, on the actor's thread: must not block (it may submit to other
 * actors). A listener whose work lives outside the stream (another stream's commands) may ask for the
 * stream's latest events again when it loads, to finish what a crash between a commit and that work
 * left undone; it must then be idempotent.
 */
public interface CommitListener<E> {

    /** @param authorId who caused the event */
    void committed(SessionId stream, E event, long seq, String authorId);

    /** How many of the stream's latest events to replay through {@link #committed} as it loads: none by default. */
    default int replayOnLoad(SessionId stream) {
        return 0;
    }

    /** Each listener in turn; each is asked for its own replay, and given the longest one asked for. */
    @SafeVarargs
    static <E> CommitListener<E> all(CommitListener<E>... listeners) {
        java.util.List<CommitListener<E>> list = java.util.List.of(listeners);
        return new CommitListener<>() {
            @Override
            public void committed(SessionId stream, E event, long seq, String authorId) {
                list.forEach(l -> l.committed(stream, event, seq, authorId));
            }

            @Override
            public int replayOnLoad(SessionId stream) {
                return list.stream().mapToInt(l -> l.replayOnLoad(stream)).max().orElse(0);
            }
        };
    }

    static <E> CommitListener<E> none() {
        return (stream, event, seq, authorId) -> { };
    }
}
