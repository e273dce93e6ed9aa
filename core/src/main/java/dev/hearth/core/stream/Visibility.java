package dev.hearth.core.stream;

import dev.hearth.core.access.Role;
import java.util.Objects;
import java.util.Set;

/**
 * Who may receive an event. The server checks it for every receiver before anything is sent, so
 * hidden information is never on the wire for those who may not see it; clients never filter.
 */
public sealed interface Visibility {

    boolean allows(String userId, Role role);

    /** Everyone at the table, spectators included. */
    record Everyone() implements Visibility {
        @Override
        public boolean allows(String userId, Role role) {
            return true;
        }
    }

    /** Only these users (a whisper's sender and recipients); not even GMs besides. */
    record Users(Set<String> userIds) implements Visibility {
        public Users {
            userIds = Set.copyOf(userIds);
        }

        @Override
        public boolean allows(String userId, Role role) {
            return userIds.contains(userId);
        }
    }

    /** Whoever is a GM when it is delivered, and these users (a whisper to the GMs includes its sender). */
    record GmsAnd(Set<String> userIds) implements Visibility {
        public GmsAnd {
            userIds = Set.copyOf(userIds);
        }

        @Override
        public boolean allows(String userId, Role role) {
            return role == Role.GM || userIds.contains(userId);
        }
    }

    Visibility EVERYONE = new Everyone();

    static Visibility only(String... userIds) {
        return new Users(Set.of(userIds));
    }

    static Visibility requireNonNull(Visibility v) {
        return Objects.requireNonNull(v, "visibility");
    }
}
