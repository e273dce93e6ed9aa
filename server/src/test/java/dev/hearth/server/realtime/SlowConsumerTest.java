package dev.hearth.server.realtime;

import static dev.hearth.server.realtime.WsClient.payload;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.server.realtime.outbox.OutboxSettings;
import dev.hearth.server.realtime.stream.StreamSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client that stops reading fills its own outbound queue and is cut off (1013, or the TCP
 * connection dropped when the close frame cannot get through), while a reading client at the same
 * table receives every event, in order, as if nothing happened.
 */
class SlowConsumerTest {

    /** Lines of 1900 three-byte characters: a few events fill the small receive window of the slow client. */
    static final String LONG = "\u20ac".repeat(1900);

    @Test
    void a_client_that_stops_reading_is_closed_while_the_others_get_every_event_in_order(@TempDir Path dir)
            throws Exception {
        try (TestTable table = TestTable.start(dir, TestTable.unthrottled(new OutboxSettings(64, 16),
                StreamSettings.DEFAULT))) {
            double before = slowConsumerDisconnects(table);
            try (WsClient gm = table.seat(table.gm); WsClient bob = table.seat(table.bob);
                    Socket slow = stalledClient(table, table.alice.accessToken())) {
                // Alice's arrival is committed and seen before anything else is counted.
                bob.next(m -> m.path("type").asText().equals("member.arrived")
                        && m.path("payload").path("userId").asText().equals(table.alice.id()));
                long firstSeq = -1;
                long lastSeq = -1;
                int sent = 0;
                // Small pipelined batches keep the reading clients' own (small) queues short.
                while (sent < 4000 && (sent < 200 || slowConsumerDisconnects(table) <= before)) {
                    List<String> ids = new ArrayList<>();
                    for (int i = 0; i < 16; i++) {
                        ids.add(gm.send("chat.post", payload("text", sent++ + " " + LONG)));
                    }
                    for (String id : ids) {
                        JsonNode ack = gm.replyTo(id);
                        assertThat(ack.path("type").asText()).as(ack.toString()).isEqualTo("ack");
                        firstSeq = firstSeq < 0 ? ack.path("seq").asLong() : firstSeq;
                        lastSeq = ack.path("seq").asLong();
                    }
                }
                assertThat(slowConsumerDisconnects(table)).as("slow-consumer disconnects").isGreaterThan(before);

                // Bob got all of them, in order, no gaps.
                List<Long> seqs = new ArrayList<>();
                int lines = 0;
                while (lines < sent) {
                    JsonNode e = bob.next(m -> m.path("id").asText().startsWith("ev:"));
                    seqs.add(e.path("seq").asLong());
                    if (e.path("type").asText().equals("chat.posted") && e.path("payload").path("userId").asText()
                            .equals(table.gm.id())) {
                        assertThat(e.path("payload").path("text").asText()).startsWith(lines + " ");
                        lines++;
                    }
                }
                assertThat(seqs.get(0)).isEqualTo(firstSeq);
                assertThat(seqs.get(seqs.size() - 1)).isEqualTo(lastSeq);
                assertThat(seqs).isEqualTo(ResumeTest.range(firstSeq, lastSeq));
                assertThat(bob.isClosed()).isFalse();

                // The stalled connection ends: a close frame (1013) behind the unread data, or the TCP connection cut.
                assertThat(endsWithin(slow)).isTrue();
                // And the table goes on.
                JsonNode ack = bob.command("chat.post", payload("text", "still here"));
                assertThat(ack.path("type").asText()).isEqualTo("ack");
            }
        }
    }

    @Test
    void a_resume_from_further_back_than_the_outbound_queue_is_long_replays_everything(@TempDir Path dir)
            throws Exception {
        try (TestTable table = TestTable.start(dir, TestTable.unthrottled(new OutboxSettings(64, 16),
                StreamSettings.DEFAULT))) {
            double before = slowConsumerDisconnects(table);
            try (WsClient gm = table.seat(table.gm)) {
                WsClient bob = WsClient.connect(table.port(), table.sessionPath());
                JsonNode welcome = bob.hello(table.bob.accessToken(), null);
                String epoch = welcome.path("payload").path("position").path("epoch").asText();
                JsonNode last = gm.command("chat.post", payload("text", "before the drop"));
                long lastSeq = last.path("seq").asLong();
                bob.next(m -> m.path("seq").asLong() == lastSeq);
                bob.abort();

                // Three times the queue's length is committed while Bob is away.
                int missedLines = 192;
                long newest = lastSeq;
                for (int sent = 0; sent < missedLines; ) {
                    List<String> ids = new ArrayList<>();
                    for (int i = 0; i < 16; i++) {
                        ids.add(gm.send("chat.post", payload("text", "line " + sent++)));
                    }
                    for (String id : ids) {
                        newest = Math.max(newest, gm.replyTo(id).path("seq").asLong());
                    }
                }

                try (WsClient back = WsClient.connect(table.port(), table.sessionPath())) {
                    JsonNode resumed = back.hello(table.bob.accessToken(), payload("epoch", epoch, "lastSeq", lastSeq));
                    assertThat(resumed.path("payload").path("resumed").asBoolean()).as(resumed.toString()).isTrue();
                    List<Long> seqs = new ArrayList<>();
                    long top = newest;
                    while (seqs.isEmpty() || seqs.getLast() < top) {
                        seqs.add(back.next(m -> m.path("id").asText().startsWith("ev:")).path("seq").asLong());
                    }
                    assertThat(seqs).isEqualTo(ResumeTest.range(lastSeq + 1, newest));
                    // Live events go on arriving after the replay; the connection was never cut.
                    long live = gm.command("chat.post", payload("text", "after the resume")).path("seq").asLong();
                    assertThat(back.next(m -> m.path("seq").asLong() == live).path("payload").path("text").asText())
                            .isEqualTo("after the resume");
                    assertThat(back.isClosed()).isFalse();
                }
            }
            assertThat(slowConsumerDisconnects(table)).isEqualTo(before);
        }
    }

    static double slowConsumerDisconnects(TestTable table) {
        String text = table.send(null, "GET", "/metrics", null).body();
        Matcher m = Pattern.compile("(?m)^hearth_realtime_slow_consumer_disconnects_total\\{[^}]*transport=\"websocket\"[^}]*} (\\S+)")
                .matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    /** A WebSocket opened by hand with a tiny receive buffer, that says hello and then never reads. */
    static Socket stalledClient(TestTable table, String token) throws IOException {
        Socket s = new Socket();
        s.setReceiveBufferSize(4096);
        s.connect(new InetSocketAddress("127.0.0.1", table.port()), 10_000);
        s.setSoTimeout(10_000);
        OutputStream out = s.getOutputStream();
        out.write(("GET " + table.sessionPath() + " HTTP/1.1\r\nHost: 127.0.0.1:" + table.port()
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = s.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed during the handshake: " + head);
            }
            head.write(b);
        }
        assertThat(head.toString(StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 101");
        out.write(maskedText("{\"id\":\"h1\",\"type\":\"hello\",\"payload\":{\"token\":\"" + token + "\"}}"));
        out.flush();
        return s;
    }

    static byte[] maskedText(String text) {
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        f.write(0x81);
        if (data.length < 126) {
            f.write(0x80 | data.length);
        } else {
            f.write(0x80 | 126);
            f.write(data.length >> 8);
            f.write(data.length & 0xff);
        }
        byte[] mask = {1, 2, 3, 4};
        f.writeBytes(mask);
        for (int i = 0; i < data.length; i++) {
            f.write(data[i] ^ mask[i % 4]);
        }
        return f.toByteArray();
    }

    /** Reads (at last) until the server ends the connection; false if it is still open after the wait. */
    static boolean endsWithin(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        byte[] buffer = new byte[65536];
        try {
            while (in.read(buffer) >= 0) {
                // Draining what was queued before the close.
            }
            return true;
        } catch (SocketException e) {
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }
}
