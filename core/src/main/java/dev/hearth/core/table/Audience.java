package dev.hearth.core.table;

import java.util.Set;

/** Who a chat line is for: the whole table, a whisper to chosen members, or a whisper to the GMs. */
public sealed interface Audience {

    record Table() implements Audience {}

    /** Only these members, and the sender. */
    record Whisper(Set<String> userIds) implements Audience {
        public Whisper {
            userIds = Set.copyOf(userIds);
        }
    }

    /** Whoever is GM, and the sender. */
    record Gms() implements Audience {}

    Audience TABLE = new Table();
    Audience GMS = new Gms();
}
