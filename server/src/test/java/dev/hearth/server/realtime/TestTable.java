package dev.hearth.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.server.TestServer;
import dev.hearth.server.auth.TestAccounts;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Map;

/**
 * A started server with one campaign and one game session, and its people: the GM (owner), two
 * players (alice, bob), a spectator, and an outsider who is in no campaign. Everything is set up
 * through the public API, as a client would.
 */
public final class TestTable implements AutoCloseable {

    public final TestServer server;
    public final PrometheusMeterRegistry registry;
    public final HttpClient http = HttpClient.newHttpClient();
    public final TestAccounts.Registered gm;
    public final TestAccounts.Registered alice;
    public final TestAccounts.Registered bob;
    public final TestAccounts.Registered spectator;
    public final TestAccounts.Registered outsider;
    public final String campaignId;
    public final String sessionId;

    private TestTable(TestServer server, PrometheusMeterRegistry registry) {
        this.server = server;
        this.registry = registry;
        this.gm = TestAccounts.register(server.auth().auth(), "gamemaster");
        this.alice = TestAccounts.register(server.auth().auth(), "alice");
        this.bob = TestAccounts.register(server.auth().auth(), "bob");
        this.spectator = TestAccounts.register(server.auth().auth(), "watcher");
        this.outsider = TestAccounts.register(server.auth().auth(), "outsider");
        this.campaignId = expect(201, gm.accessToken(), "POST", "/api/campaigns", "{\"name\":\"The Table\"}")
                .path("id").asText();
        join(alice, "player");
        join(bob, "player");
        join(spectator, "spectator");
        this.sessionId = expect(201, gm.accessToken(), "POST", "/api/campaigns/" + campaignId + "/sessions",
                "{\"name\":\"Session 1\"}").path("id").asText();
    }

    public static TestTable start(Path dir) {
        return start(dir, RealtimeSettings.DEFAULT);
    }

    /** With the real-time engine's settings given (shorter timeouts, a smaller outbox, small stream limits). */
    public static TestTable start(Path dir, RealtimeSettings realtime) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        return new TestTable(TestServer.start(dir, InstantSource.system(), registry, java.time.Duration.ofSeconds(5),
                realtime), registry);
    }

    /** With each campaign's image quota given. */
    public static TestTable withImageQuota(Path dir, long imageQuotaBytes) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        return new TestTable(TestServer.start(dir, InstantSource.system(), registry, java.time.Duration.ofSeconds(5),
                RealtimeSettings.DEFAULT, imageQuotaBytes), registry);
    }

    /**
     * The default settings without the per-connection command rate limit (tests that commit many
     * events quickly from one connection), with the given outbox and stream limits.
     */
    public static RealtimeSettings unthrottled(dev.hearth.server.realtime.outbox.OutboxSettings outbox,
            dev.hearth.server.realtime.stream.StreamSettings streams) {
        RealtimeSettings d = RealtimeSettings.DEFAULT;
        return new RealtimeSettings(d.helloTimeout(), d.heartbeatInterval(), d.silenceTimeout(), 100_000, 100_000,
                d.ephemeralPerSecond(), d.ephemeralBurst(), d.floodRefusals(), d.ticketTtl(), outbox, streams, d.admins(),
                d.sseHeartbeat());
    }

    public int port() {
        return server.port();
    }

    public String sessionPath() {
        return "/ws/session/" + sessionId;
    }

    /** Connects to the session's WebSocket as {@code who} and waits for the welcome. */
    public WsClient seat(TestAccounts.Registered who) {
        WsClient c = WsClient.connect(port(), sessionPath());
        JsonNode welcome = c.hello(who.accessToken(), null);
        assertThat(welcome.path("type").asText()).as(welcome.toString()).isEqualTo("welcome");
        return c;
    }

    public void join(TestAccounts.Registered who, String role) {
        String code = expect(201, gm.accessToken(), "POST", "/api/campaigns/" + campaignId + "/invites",
                "{\"role\":\"" + role + "\"}").path("code").asText();
        expect(200, who.accessToken(), "POST", "/api/invites/" + code + "/accept", null);
    }

    /** A second sign-in of the same account, with its own access token. */
    public TestAccounts.Registered login(TestAccounts.Registered who) {
        JsonNode body = expect(200, null, "POST", "/api/auth/login", "{\"username\":\"" + who.account().username()
                + "\",\"password\":\"" + TestAccounts.PASSWORD + "\"}");
        return new TestAccounts.Registered(who.account(), body.path("accessToken").asText());
    }

    public HttpResponse<String> send(String token, String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        headers.forEach(b::header);
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(method + " " + path + " failed: " + e, e);
        }
    }

    public HttpResponse<String> send(String token, String method, String path, String body) {
        return send(token, method, path, body, Map.of());
    }

    /** Sends and checks the status; answers the parsed body (null for none). */
    public JsonNode expect(int status, String token, String method, String path, String body) {
        HttpResponse<String> r = send(token, method, path, body);
        assertThat(r.statusCode()).as(method + " " + path + " -> " + r.body()).isEqualTo(status);
        try {
            return r.body().isEmpty() ? null : WsClient.JSON.readTree(r.body());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + r.body(), e);
        }
    }

    @Override
    public void close() {
        http.close();
        server.close();
    }
}
