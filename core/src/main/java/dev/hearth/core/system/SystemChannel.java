package dev.hearth.core.system;

import dev.hearth.core.stream.CommandContext;
import dev.hearth.core.stream.Decision;
import dev.hearth.core.stream.Domain;
import dev.hearth.core.stream.Rejection;
import dev.hearth.core.stream.Visibility;

/** The system channel everyone receives; only administrators write to it (checked at the edge). */
public final class SystemChannel implements Domain<Long, SystemCommand, SystemEvent> {

    static final int MAX_TEXT = 1000;

    /** The state is just how many announcements there were. */
    @Override
    public Long initial() {
        return 0L;
    }

    @Override
    public Decision<SystemEvent> decide(Long state, SystemCommand command, CommandContext context) {
        return switch (command) {
            case SystemCommand.Announce announce -> announce.text().isBlank() || announce.text().length() > MAX_TEXT
                    ? Decision.reject(Rejection.invalid("text", "An announcement is 1-" + MAX_TEXT + " characters."))
                    : Decision.accept(new SystemEvent.Announced(announce.text(), announce.level()));
        };
    }

    @Override
    public Long apply(Long state, SystemEvent event, long seq) {
        return state + 1;
    }

    @Override
    public Visibility visibility(SystemEvent event) {
        return Visibility.EVERYONE;
    }
}
