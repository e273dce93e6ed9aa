package dev.hearth.server.realtime.outbox;

/**
 * An update that only its latest value matters for (a cursor, the presence list, typing): it waits
 * in a slot, a newer one replaces or merges with it, and it is dropped first under pressure.
 */
public interface Ephemeral {

    /** The frame to send. */
    String render();

    /** What the slot holds when {@code newer} arrives before this was sent: by default, the newer. */
    default Ephemeral merge(Ephemeral newer) {
        return newer;
    }

    /** An update that is a ready frame and is simply replaced by the next. */
    static Ephemeral of(String frame) {
        return () -> frame;
    }
}
