package dev.hearth.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The generator reads frames by scanning them; these are the frames Hearth and the relay really send. */
class InboundTest {

    private static final long ORIGIN = 1_000_000_000L;

    @Test
    void a_chat_event_names_its_sender_number_send_time_and_seq() {
        String text = new ChatMarker(17, 42, 123_456).text();
        String frame = "{\"id\":\"ev:9\",\"type\":\"chat.posted\",\"payload\":{\"userId\":\"u\",\"displayName\":\"D\","
                + "\"kind\":\"ooc\",\"text\":\"" + text + "\",\"to\":\"table\"},\"timestamp\":1,\"userId\":\"u\","
                + "\"sessionId\":\"s\",\"seq\":9}";

        assertThat(Inbound.read(frame, ORIGIN)).isEqualTo(new Inbound.Chat(17, 42, ORIGIN + 123_456_000L, 9));
    }

    @Test
    void the_relay_echoes_the_command_as_sent_without_a_seq() {
        String frame = "{\"id\":\"x-d0m3\",\"type\":\"chat.post\",\"payload\":{\"text\":\"" + new ChatMarker(2, 3, 5).text()
                + "\"}}";

        assertThat(Inbound.read(frame, ORIGIN)).isEqualTo(new Inbound.Chat(2, 3, ORIGIN + 5_000, -1));
    }

    @Test
    void a_dice_roll_carries_the_marker_in_its_label() {
        String label = new ChatMarker(4, 8, 900).label();
        String frame = "{\"id\":\"ev:12\",\"type\":\"dice.rolled\",\"payload\":{\"userId\":\"u\",\"mode\":\"public\","
                + "\"expression\":\"1d20+5\",\"label\":\"" + label + "\",\"text\":\"" + label + ": 1d20+5 → [3]+5 = 8\"},"
                + "\"timestamp\":1,\"seq\":12}";

        assertThat(Inbound.read(frame, ORIGIN)).isEqualTo(new Inbound.Chat(4, 8, ORIGIN + 900_000, 12));
    }

    @Test
    void an_ack_is_read_by_its_re_and_its_own_seq_not_the_payloads() {
        String frame = "{\"id\":\"srv:7\",\"type\":\"ack\",\"payload\":{\"seq\":43,\"events\":1},\"timestamp\":1,"
                + "\"seq\":43,\"re\":\"x-d0m1\"}";

        assertThat(Inbound.read(frame, ORIGIN)).isEqualTo(new Inbound.Ack("x-d0m1", 43));
    }

    @Test
    void merged_cursors_are_read_even_in_exponent_form() {
        String frame = "{\"id\":\"srv:3\",\"type\":\"cursor_moves\",\"payload\":{\"cursors\":["
                + "{\"userId\":\"a\",\"x\":1.2345678E7,\"y\":4.0},{\"userId\":\"b\",\"x\":250.0,\"y\":5.0}]},\"timestamp\":1}";

        Inbound.Cursors cursors = (Inbound.Cursors) Inbound.read(frame, ORIGIN);

        assertThat(cursors.sentNanos()).containsExactly(ORIGIN + 12_345_678_000L, ORIGIN + 250_000L);
        assertThat(cursors.clients()).containsExactly(4, 5);
    }

    @Test
    void errors_other_events_and_the_rest_are_told_apart() {
        assertThat(Inbound.read("{\"id\":\"srv:2\",\"type\":\"error\",\"payload\":{\"code\":\"E004\",\"message\":\"m\","
                + "\"details\":{\"retryAfterMillis\":250},\"retryAfter\":1},\"re\":\"x1\"}", ORIGIN))
                .isEqualTo(new Inbound.Error("E004", "x1", 250));
        assertThat(Inbound.read("{\"id\":\"srv:2\",\"type\":\"error\",\"payload\":{\"code\":\"E008\",\"message\":\"m\","
                + "\"retryAfter\":1},\"re\":\"x2\"}", ORIGIN)).isEqualTo(new Inbound.Error("E008", "x2", 1000));
        assertThat(Inbound.read("{\"id\":\"srv:2\",\"type\":\"error\",\"payload\":{\"code\":\"E007\",\"message\":\"m\"}}",
                ORIGIN)).isEqualTo(new Inbound.Error("E007", null, 0));
        assertThat(Inbound.read("{\"id\":\"ev:12\",\"type\":\"member.arrived\",\"payload\":{\"userId\":\"u\"},\"seq\":12}",
                ORIGIN)).isEqualTo(new Inbound.Event(12));
        assertThat(Inbound.read("{\"id\":\"srv:1\",\"type\":\"welcome\",\"payload\":{}}", ORIGIN))
                .isInstanceOf(Inbound.Welcome.class);
        assertThat(Inbound.read("{\"id\":\"srv:5\",\"type\":\"presence_update\",\"payload\":{}}", ORIGIN))
                .isEqualTo(Inbound.OTHER);
        assertThat(Inbound.read("not json at all", ORIGIN)).isEqualTo(Inbound.OTHER);
    }
}
