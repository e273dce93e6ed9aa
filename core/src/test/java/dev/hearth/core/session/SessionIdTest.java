package dev.hearth.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class SessionIdTest {

    @Test
    void accepts_url_safe_ids_up_to_the_maximum_length() {
        assertThat(SessionId.of("table-1_A").value()).isEqualTo("table-1_A");
        assertThat(SessionId.of("x".repeat(SessionId.MAX_LENGTH)).value()).hasSize(64);
        assertThat(SessionId.random().value()).hasSize(36);
    }

    @Test
    void rejects_empty_long_and_unsafe_ids_naming_the_rule() {
        assertThatThrownBy(() -> SessionId.of("")).hasMessageContaining("1-64 characters");
        assertThatThrownBy(() -> SessionId.of("x".repeat(65))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SessionId.of("a/b")).hasMessageContaining("'a/b'");
        assertThatThrownBy(() -> SessionId.of("x'; drop table events; --"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void any_id_with_a_character_outside_the_alphabet_is_rejected(
            @ForAll @StringLength(min = 1, max = 64) String s) {
        boolean valid = s.chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 128 || c == '_' || c == '-');
        if (valid) {
            assertThat(SessionId.of(s).value()).isEqualTo(s);
        } else {
            assertThatThrownBy(() -> SessionId.of(s)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void a_position_resumes_only_within_its_own_epoch() {
        var head = new StreamPosition("e1", 10);
        assertThat(head.canResumeFrom(new StreamPosition("e1", 7))).isTrue();
        assertThat(head.canResumeFrom(new StreamPosition("e1", 10))).isTrue();
        assertThat(head.canResumeFrom(new StreamPosition("e1", 11))).isFalse();
        assertThat(head.canResumeFrom(new StreamPosition("e2", 3))).isFalse();
        assertThatThrownBy(() -> new StreamPosition("e1", -1)).hasMessageContaining("seq must be >= 0");
    }
}
