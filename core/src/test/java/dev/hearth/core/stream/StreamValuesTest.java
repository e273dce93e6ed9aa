package dev.hearth.core.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hearth.core.access.Role;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The values every domain shares: rosters, decisions, rejections. */
class StreamValuesTest {

    static final Caller PIA = new Caller("u-pia", "Pia", Role.PLAYER);

    @Test
    void a_roster_finds_members_and_their_roles_and_nobody_else() {
        Map<String, Caller> members = new HashMap<>(Map.of("u-pia", PIA));
        Roster roster = new Roster(members);
        members.put("u-sam", new Caller("u-sam", "Sam", Role.SPECTATOR));
        assertThat(roster.member("u-pia")).contains(PIA);
        assertThat(roster.roleOf("u-pia")).contains(Role.PLAYER);
        assertThat(roster.member("u-sam")).as("a copy").isEmpty();
        assertThat(roster.roleOf("u-nobody")).isEmpty();
        assertThat(Roster.EMPTY.member("u-pia")).isEmpty();
    }

    @Test
    void an_accepted_decision_holds_a_copy_of_its_events() {
        List<String> events = new ArrayList<>(List.of("a"));
        Decision.Accepted<String> accepted = new Decision.Accepted<>(events);
        events.add("b");
        assertThat(accepted.events()).containsExactly("a");
        assertThat(Decision.accept()).isEqualTo(new Decision.Accepted<>(List.of()));
        assertThat(Decision.accept("x", "y")).isEqualTo(new Decision.Accepted<>(List.of("x", "y")));
    }

    @Test
    void rejections_name_their_kind_and_field() {
        assertThat(Rejection.invalid("text", "Say something."))
                .isEqualTo(new Rejection(Rejection.Kind.INVALID, "Say something.", Map.of("field", "text")));
        assertThat(Rejection.notPermitted("No.").kind()).isEqualTo(Rejection.Kind.NOT_PERMITTED);
        assertThat(Rejection.notPermitted("No.").details()).isEmpty();
        assertThat(Rejection.conflict("Too late.").kind()).isEqualTo(Rejection.Kind.CONFLICT);
        assertThat(Decision.reject(Rejection.conflict("Too late.")))
                .isEqualTo(new Decision.Rejected<>(Rejection.conflict("Too late.")));
        assertThatThrownBy(() -> Decision.reject(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void a_caller_and_a_context_need_every_field() {
        assertThatThrownBy(() -> new Caller(null, "Pia", Role.PLAYER)).hasMessage("userId");
        assertThatThrownBy(() -> new Caller("u-pia", "Pia", null)).hasMessage("role");
        assertThatThrownBy(() -> new CommandContext(PIA, Roster.EMPTY, null, new java.util.SplittableRandom(8))).hasMessage("now");
    }
}
