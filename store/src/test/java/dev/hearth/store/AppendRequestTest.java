package dev.hearth.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hearth.core.session.SessionId;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class AppendRequestTest {

    static final SessionId S = SessionId.of("s");
    static final NewEvent E = new NewEvent("chat.posted", new byte[] {1});

    @Test
    void an_append_carries_one_to_a_thousand_events() {
        assertThatThrownBy(() -> AppendRequest.of(S, 0, List.of())).hasMessageContaining("1-1000 events, not 0");
        assertThatThrownBy(() -> AppendRequest.of(S, 0, Collections.nCopies(1001, E))).hasMessageContaining("not 1001");
        assertThat(AppendRequest.of(S, 0, Collections.nCopies(1000, E)).events()).hasSize(1000);
    }

    @Test
    void expected_seq_and_client_message_id_are_checked() {
        assertThatThrownBy(() -> AppendRequest.of(S, -1, List.of(E))).hasMessageContaining("expectedSeq must be >= 0");
        assertThatThrownBy(() -> AppendRequest.of(S, 0, "", List.of(E))).hasMessageContaining("1-128 characters");
        assertThatThrownBy(() -> AppendRequest.of(S, 0, "x".repeat(129), List.of(E))).hasMessageContaining("1-128");
    }

    @Test
    void event_types_are_dotted_lower_case_names_and_payloads_are_bounded() {
        assertThat(new NewEvent("token.moved", new byte[0]).type()).isEqualTo("token.moved");
        assertThatThrownBy(() -> new NewEvent("Token Moved", new byte[0])).hasMessageContaining("invalid event type");
        assertThatThrownBy(() -> new NewEvent("x'; drop table events", new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NewEvent("a." + "b".repeat(100), new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NewEvent("big", new byte[NewEvent.MAX_PAYLOAD_BYTES + 1]))
                .hasMessageContaining("exceeds the limit");
    }

    @Test
    void group_commit_settings_are_bounded() {
        assertThatThrownBy(() -> new GroupCommitSettings(0, Duration.ZERO, 1)).hasMessageContaining("maxBatchEvents");
        assertThatThrownBy(() -> new GroupCommitSettings(1, Duration.ofSeconds(2), 1)).hasMessageContaining("maxWait");
        assertThatThrownBy(() -> new GroupCommitSettings(1, Duration.ofMillis(-1), 1)).hasMessageContaining("maxWait");
        assertThatThrownBy(() -> new GroupCommitSettings(1, Duration.ZERO, 0)).hasMessageContaining("queueCapacity");
    }
}
