package dev.hearth.server.realtime.stream;

import dev.hearth.core.session.SessionId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The live actors of one kind of stream, loaded on first use and unloaded when idle. Two actors
 * for one stream can exist only for a moment around an unload; the store's expected sequence
 * numbers keep that safe (the second conflicts, reloads, and decides again).
 */
public final class StreamRegistry<S, C, E> {

    private final Map<SessionId, StreamActor<S, C, E>> live = new ConcurrentHashMap<>();
    private final Function<SessionId, StreamActor<S, C, E>> factory;

    public StreamRegistry(Function<SessionId, StreamActor<S, C, E>> factory) {
        this.factory = factory;
    }

    public StreamActor<S, C, E> actor(SessionId id) {
        return live.computeIfAbsent(id, factory);
    }

    /** Unloads the actors idle for their idle time; called now and then by the hub's sweeper. */
    public void unloadIdle() {
        long now = System.nanoTime();
        live.values().forEach(actor -> {
            if (actor.idle(now)) {
                actor.whenQuiet(() -> {
                    if (actor.idle(System.nanoTime())) {
                        live.remove(actor.id(), actor);
                    }
                });
            }
        });
    }

    public int size() {
        return live.size();
    }
}
