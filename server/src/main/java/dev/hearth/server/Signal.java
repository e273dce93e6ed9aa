package dev.hearth.server;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * An in-process notice that something changed, for the parts that hold state derived from it: ended
 * sign-ins close their connections, membership changes update roles at the table. Listeners run on
 * the announcer's thread and must not block.
 */
public final class Signal<T> {

    private final List<Consumer<T>> listeners = new CopyOnWriteArrayList<>();

    public void subscribe(Consumer<T> listener) {
        listeners.add(listener);
    }

    public void announce(T value) {
        listeners.forEach(l -> l.accept(value));
    }
}
