package dev.hearth.server.realtime;

import static dev.hearth.server.realtime.WsClient.payload;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.server.auth.TestAccounts;
import dev.hearth.server.realtime.outbox.OutboxSettings;
import dev.hearth.server.realtime.stream.StreamSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Clients that chat, drop (a TCP abort) at random points and come back with a resume end up, over
 * all their connections, with exactly the durable events committed since they first sat down that
 * they may see: no gap, no duplicate. The truth is what a GM who never dropped saw. One server for
 * the class; each try has a game session of its own.
 */
class ResumeProperties {

    static Path dir;
    static TestTable table;

    @BeforeContainer
    static void start() throws IOException {
        dir = Files.createTempDirectory("hearth-resume-properties");
        table = TestTable.start(dir, TestTable.unthrottled(OutboxSettings.DEFAULT, StreamSettings.DEFAULT));
    }

    @AfterContainer
    static void stop() throws IOException {
        table.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    enum Kind { CHAT, GM_CHAT, GM_WHISPER, DROP, RESUME }

    record Step(Kind kind, int who) {}

    @Provide
    Arbitrary<List<Step>> steps() {
        return Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.integers().between(0, 2))
                .as(Step::new).list().ofMinSize(5).ofMaxSize(40);
    }

    /** One client (alice, bob or the spectator) and everything it received on all its connections. */
    final class Client {
        final TestAccounts.Registered who;
        final String path;
        WsClient ws;
        String epoch;
        long startSeq;
        long lastSeq;
        final List<JsonNode> received = new ArrayList<>();

        Client(TestAccounts.Registered who, String path) {
            this.who = who;
            this.path = path;
            ws = WsClient.connect(table.port(), path);
            JsonNode welcome = ws.hello(who.accessToken(), null);
            assertThat(welcome.path("type").asText()).as(welcome.toString()).isEqualTo("welcome");
            startSeq = lastSeq = welcome.path("payload").path("position").path("seq").asLong();
            epoch = welcome.path("payload").path("position").path("epoch").asText(null);
        }

        /** Keeps what this connection received; the client's lastSeq is the newest event it got. */
        void collect() {
            for (JsonNode m : ws.seenSoFar()) {
                if (m.path("id").asText().startsWith("ev:")) {
                    received.add(m);
                    lastSeq = Math.max(lastSeq, m.path("seq").asLong());
                }
            }
        }

        void drop() {
            if (ws != null) {
                ws.abort();
                collect();
                ws.close();
                ws = null;
            }
        }

        void resume() {
            if (ws != null) {
                return;
            }
            ws = WsClient.connect(table.port(), path);
            ObjectNode resume = payload("lastSeq", lastSeq);
            if (epoch != null) {
                resume.put("epoch", epoch);
            }
            JsonNode welcome = ws.hello(who.accessToken(), resume);
            JsonNode p = welcome.path("payload");
            assertThat(p.path("resumed").asBoolean()).as(welcome.toString()).isTrue();
            assertThat(p.path("missed").asLong()).isBetween(0L, p.path("position").path("seq").asLong() - lastSeq);
            if (epoch == null) {
                epoch = p.path("position").path("epoch").asText(null);
            }
        }
    }

    @Property(tries = 8)
    void every_client_gets_exactly_the_events_it_may_see_across_drops_and_resumes(
            @ForAll("steps") List<Step> steps) {
        String sessionId = table.expect(201, table.gm.accessToken(), "POST", "/api/campaigns/" + table.campaignId
                + "/sessions", "{\"name\":\"Resume " + System.nanoTime() + "\"}").path("id").asText();
        String path = "/ws/session/" + sessionId;
        try (WsClient gm = WsClient.connect(table.port(), path)) {
            long gmStart = gm.hello(table.gm.accessToken(), null).path("payload").path("position").path("seq").asLong();
            List<Client> clients = List.of(new Client(table.alice, path), new Client(table.bob, path),
                    new Client(table.spectator, path));
            int n = 0;
            for (Step step : steps) {
                Client c = clients.get(step.who());
                switch (step.kind()) {
                    case CHAT -> {
                        if (c.ws != null && c.who != table.spectator) {
                            JsonNode ack = c.ws.command("chat.post", payload("text", "line " + n++));
                            assertThat(ack.path("type").asText()).as(ack.toString()).isEqualTo("ack");
                        }
                    }
                    case GM_CHAT -> gm.command("chat.post", payload("text", "gm " + n++));
                    case GM_WHISPER -> gm.command("chat.post", payload("text", "whisper " + n++,
                            "to", List.of(table.bob.id())));
                    case DROP -> c.drop();
                    case RESUME -> c.resume();
                }
            }
            clients.forEach(Client::resume);
            String marker = "the end " + System.nanoTime();
            long end = gm.command("chat.post", payload("text", marker)).path("seq").asLong();
            for (Client c : clients) {
                c.ws.next(m -> m.path("payload").path("text").asText().equals(marker));
                c.collect();
                c.ws.close();
            }

            List<JsonNode> truth = gm.seenSoFar().stream().filter(m -> m.path("id").asText().startsWith("ev:")
                    && m.path("seq").asLong() <= end).toList();
            assertThat(truth.stream().map(m -> m.path("seq").asLong()).toList())
                    .as("the GM saw every event").isEqualTo(ResumeTest.range(gmStart + 1, end));
            for (Client c : clients) {
                List<JsonNode> visible = truth.stream().filter(m -> m.path("seq").asLong() > c.startSeq)
                        .filter(m -> !m.path("payload").path("to").isArray()
                                || m.path("payload").path("to").toString().contains(c.who.id()))
                        .toList();
                List<JsonNode> received = c.received.stream().filter(m -> m.path("seq").asLong() <= end).toList();
                List<Long> got = received.stream().map(m -> m.path("seq").asLong()).toList();
                assertThat(got).as(c.who.id() + " received, in order, over all its connections")
                        .doesNotHaveDuplicates().isSorted()
                        .isEqualTo(visible.stream().map(m -> m.path("seq").asLong()).toList());
                assertThat(received).isEqualTo(visible);
            }
        }
    }
}
