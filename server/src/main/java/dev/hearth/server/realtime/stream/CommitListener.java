package dev.hearth.server.realtime.stream;

import dev.hearth.core.session.SessionId;
import dev.hearth.core.stream.Caller;

/** Told of each event as it commits, on the actor's thread: must not block (it may submit to other actors). */
@FunctionalInterface
public interface CommitListener<E> {

    void committed(SessionId stream, E event, long seq, Caller by);

    static <E> CommitListener<E> none() {
        return (stream, event, seq, by) -> { };
    }
}
