package dev.hearth.core.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.core.access.Role;
import dev.hearth.core.stream.Caller;
import dev.hearth.core.stream.CommandContext;
import dev.hearth.core.stream.Decision;
import dev.hearth.core.stream.Rejection;
import dev.hearth.core.stream.Roster;
import dev.hearth.core.stream.Visibility;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SystemChannelTest {

    final SystemChannel channel = new SystemChannel();
    static final CommandContext ADMIN = new CommandContext(new Caller("u-admin", "Admin", Role.GM), Roster.EMPTY,
            Instant.parse("2026-01-02T03:04:05Z"), new java.util.SplittableRandom(8));

    Decision<SystemEvent> announce(String text) {
        return channel.decide(channel.initial(), new SystemCommand.Announce(text, SystemCommand.Level.INFO), ADMIN);
    }

    @Test
    void an_announcement_is_recorded_as_said_with_its_level() {
        assertThat(channel.decide(channel.initial(),
                new SystemCommand.Announce("Restart at 02:00 UTC", SystemCommand.Level.WARNING), ADMIN))
                .isEqualTo(Decision.accept(
                        new SystemEvent.Announced("Restart at 02:00 UTC", SystemCommand.Level.WARNING)));
    }

    @Test
    void a_blank_announcement_is_refused() {
        for (String blank : List.of("", " ", "\n\t ")) {
            assertThat(announce(blank)).as("'%s'", blank).isInstanceOfSatisfying(Decision.Rejected.class, r -> {
                Rejection rejection = ((Decision.Rejected<?>) r).rejection();
                assertThat(rejection.kind()).isEqualTo(Rejection.Kind.INVALID);
                assertThat(rejection.details()).containsEntry("field", "text");
            });
        }
    }

    @Test
    void an_announcement_is_at_most_1000_characters() {
        assertThat(announce("x".repeat(SystemChannel.MAX_TEXT))).isInstanceOf(Decision.Accepted.class);
        assertThat(announce("x".repeat(SystemChannel.MAX_TEXT + 1))).isInstanceOfSatisfying(Decision.Rejected.class,
                r -> assertThat(((Decision.Rejected<?>) r).rejection().message()).contains("1000"));
    }

    @Test
    void an_announcement_is_visible_to_everyone_whatever_their_role() {
        Visibility v = channel.visibility(new SystemEvent.Announced("Maintenance", SystemCommand.Level.INFO));
        assertThat(v).isEqualTo(Visibility.EVERYONE);
        for (Role role : Role.values()) {
            assertThat(v.allows("u-anyone", role)).isTrue();
        }
    }

    @Test
    void the_state_counts_the_announcements_applied() {
        Long state = channel.initial();
        assertThat(state).isZero();
        for (long seq = 1; seq <= 3; seq++) {
            state = channel.apply(state, new SystemEvent.Announced("n" + seq, SystemCommand.Level.INFO), seq);
        }
        assertThat(state).isEqualTo(3L);
    }

    @Test
    void levels_have_lower_case_ids() {
        assertThat(SystemCommand.Level.INFO.id()).isEqualTo("info");
        assertThat(SystemCommand.Level.WARNING.id()).isEqualTo("warning");
    }
}
