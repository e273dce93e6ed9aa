package dev.hearth.server.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearth.server.AccessMode;
import dev.hearth.server.HearthServer;
import dev.hearth.server.ServerSettings;
import dev.hearth.server.auth.PasswordHasher;
import dev.hearth.server.auth.TestAuth;
import dev.hearth.server.campaigns.TestCampaigns;
import dev.hearth.server.images.TestImages;
import dev.hearth.store.GroupCommitSettings;
import dev.hearth.store.jdbc.JdbcEventStore;
import dev.hearth.store.sqlite.SqliteEventStore;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Local mode through real sockets: no login, every request the local GM, account routes refused. */
class LocalModeApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private JdbcEventStore store;
    private HearthServer server;
    private LocalTable table;

    @AfterEach
    void stop() {
        stopServer();
        http.close();
        registry.close();
    }

    @Test
    void me_without_a_token_is_the_local_game_master() throws Exception {
        start();

        JsonNode me = expect(200, "GET", "/api/me", null, Map.of());

        assertThat(me.path("id").asText()).isEqualTo(table.user().id());
        assertThat(me.path("username").asText()).isEqualTo("local");
        assertThat(me.path("displayName").asText()).isEqualTo("Game Master");
    }

    @Test
    void the_campaign_list_shows_the_default_campaign_with_role_gm_and_one_session() throws Exception {
        start();

        JsonNode campaigns = expect(200, "GET", "/api/campaigns", null, Map.of()).path("campaigns");

        assertThat(campaigns).hasSize(1);
        assertThat(campaigns.get(0).path("id").asText()).isEqualTo(table.campaign().id());
        assertThat(campaigns.get(0).path("name").asText()).isEqualTo("My table");
        assertThat(campaigns.get(0).path("role").asText()).isEqualTo("gm");
        JsonNode sessions = expect(200, "GET", "/api/campaigns/" + table.campaign().id() + "/sessions", null, Map.of());
        assertThat(sessions.toString()).contains("Session 1");
    }

    @Test
    void the_local_gm_creates_a_game_session() throws Exception {
        start();
        String path = "/api/campaigns/" + table.campaign().id() + "/sessions";

        JsonNode created = expect(201, "POST", path, "{\"name\":\"Session 2\"}", Map.of());

        assertThat(created.path("name").asText()).isEqualTo("Session 2");
        assertThat(expect(200, "GET", path, null, Map.of()).toString()).contains("Session 1", "Session 2");
    }

    @Test
    void account_routes_answer_e014_and_change_nothing() throws Exception {
        start();
        String origin = "http://127.0.0.1:" + server.port();
        Map<String, String> browser = Map.of("Origin", origin);
        var storedBefore = store.accounts().findById(table.user().id()).orElseThrow();
        String register = "{\"username\":\"mallory\",\"displayName\":\"Mallory\",\"password\":\"correct horse battery\"}";

        assertRefused(send("POST", "/api/auth/register", register, browser), 403, "E014");
        assertRefused(send("POST", "/api/auth/login", "{\"username\":\"local\",\"password\":\"x\"}", browser), 403, "E014");
        assertRefused(send("POST", "/api/auth/refresh", null, browser), 403, "E014");
        assertRefused(send("POST", "/api/auth/logout", null, browser), 403, "E014");
        assertRefused(send("POST", "/api/auth/password",
                "{\"currentPassword\":\"x\",\"newPassword\":\"correct horse battery\"}", Map.of()), 403, "E014");
        assertRefused(send("DELETE", "/api/me", "{\"password\":\"x\"}", Map.of()), 403, "E014");

        assertThat(store.accounts().findByUsername("mallory")).isEmpty();
        assertThat(store.accounts().findById(table.user().id())).contains(storedBefore);
        assertThat(expect(200, "GET", "/api/me", null, Map.of()).path("id").asText()).isEqualTo(table.user().id());
    }

    @Test
    void a_bearer_token_is_refused_with_a_message_saying_local_mode_needs_none() throws Exception {
        start();

        HttpResponse<String> r = send("GET", "/api/me", null, Map.of("Authorization", "Bearer abc.def.ghi"));

        assertRefused(r, 401, "E002");
        assertThat(r.body()).contains("local mode");
    }

    @Test
    void a_restart_on_the_same_data_keeps_the_user_campaign_and_session_ids() throws Exception {
        start();
        String campaignPath = "/api/campaigns/" + table.campaign().id();
        JsonNode before = expect(200, "GET", campaignPath, null, Map.of());
        stopServer();

        start();
        JsonNode after = expect(200, "GET", campaignPath, null, Map.of());

        assertThat(expect(200, "GET", "/api/me", null, Map.of()).path("id").asText())
                .isEqualTo(before.path("members").get(0).path("userId").asText());
        assertThat(after.path("sessions")).isEqualTo(before.path("sessions")).hasSize(1);
        assertThat(after.path("id")).isEqualTo(before.path("id"));
        assertThat(store.accounts().findByUsername("local")).hasValueSatisfying(a ->
                assertThat(a.id()).isEqualTo(table.user().id()));
    }

    private void start() {
        InstantSource clock = InstantSource.system();
        store = SqliteEventStore.open(SqliteEventStore.Options.at(dir.resolve("hearth.db")), GroupCommitSettings.DEFAULT,
                clock, registry);
        TestAuth auth = TestAuth.on(store, dir, clock);
        SecureRandom random = new SecureRandom();
        table = LocalTable.prepare(store.accounts(), store.campaigns(), new PasswordHasher(TestAuth.CHEAP_HASH, random),
                random, clock);
        server = new HearthServer(new ServerSettings("127.0.0.1", 0, Duration.ofSeconds(5)),
                new AccessMode.Local(table), store, auth.auth(), auth.keys(), TestCampaigns.on(store, clock),
                TestImages.on(store, clock), registry)
                .start();
    }

    private void stopServer() {
        if (server != null) {
            server.stop();
            server = null;
        }
        if (store != null) {
            store.close();
            store = null;
        }
    }

    private HttpResponse<String> send(String method, String path, String body, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode expect(int status, String method, String path, String body, Map<String, String> headers)
            throws Exception {
        HttpResponse<String> r = send(method, path, body, headers);
        assertThat(r.statusCode()).as(method + " " + path + " -> " + r.body()).isEqualTo(status);
        return JSON.readTree(r.body());
    }

    private static void assertRefused(HttpResponse<String> r, int status, String code) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.path("code").asText()).as(r.body()).isEqualTo(code);
        assertThat(body.path("message").asText()).isNotBlank();
    }
}
