package dev.hearth.core.stream;

import dev.hearth.core.access.Role;
import java.util.Map;
import java.util.Optional;

/** The members of the table's campaign, by user id, as the server knows them when a command is decided. */
public record Roster(Map<String, Caller> members) {

    public static final Roster EMPTY = new Roster(Map.of());

    public Roster {
        members = Map.copyOf(members);
    }

    public Optional<Caller> member(String userId) {
        return Optional.ofNullable(members.get(userId));
    }

    public Optional<Role> roleOf(String userId) {
        return member(userId).map(Caller::role);
    }
}
