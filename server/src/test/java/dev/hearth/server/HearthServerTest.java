package dev.hearth.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearth.core.session.SessionId;
import dev.hearth.server.ops.JvmMetrics;
import dev.hearth.store.AppendRequest;
import dev.hearth.server.auth.TestAuth;
import dev.hearth.server.campaigns.TestCampaigns;
import dev.hearth.server.images.TestImages;
import dev.hearth.store.jdbc.JdbcEventStore;
import dev.hearth.store.NewEvent;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server through real sockets, on a free port, with a real SQLite store. */
class HearthServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final HttpClient http = HttpClient.newHttpClient();
    private JvmMetrics jvmMetrics;
    private TestServer running;
    private JdbcEventStore store;
    private TestAuth auth;
    private HearthServer server;

    @BeforeEach
    void start() {
        jvmMetrics = JvmMetrics.bindTo(registry);
        running = TestServer.start(dir, InstantSource.system(), registry);
        store = running.store();
        auth = running.auth();
        server = running.server();
    }

    @AfterEach
    void stop() {
        http.close(); // no idle keep-alive connection left for the server's stop to wait out
        running.close();
        jvmMetrics.close();
    }

    @Test
    void port_zero_binds_a_free_port_and_reports_it() {
        assertThat(server.port()).isBetween(1, 65_535);
    }

    @Test
    void requests_are_handled_on_virtual_threads() throws Exception {
        GatedEventStore gated = new GatedEventStore(store);
        gated.open();
        HearthServer other = new HearthServer(new ServerSettings("127.0.0.1", 0, Duration.ofSeconds(1)), gated, auth.auth(), auth.keys(), TestCampaigns.on(store, InstantSource.system()),
                TestImages.on(store, InstantSource.system()), registry).start();
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + other.port() + "/ready")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(gated.lastCaller().isVirtual()).isTrue();
        } finally {
            other.stop();
        }
    }

    @Test
    void health_answers_200_up() throws Exception {
        HttpResponse<String> response = get("/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree("{\"status\":\"up\"}"));
    }

    @Test
    void ready_answers_200_naming_the_store_when_the_store_is_reachable() throws Exception {
        HttpResponse<String> response = get("/ready");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree("{\"status\":\"ready\",\"store\":\"sqlite\"}"));
    }

    @Test
    void ready_answers_503_with_the_reason_when_the_store_is_closed() throws Exception {
        store.close();

        HttpResponse<String> response = get("/ready");

        assertThat(response.statusCode()).isEqualTo(503);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("code").asText()).isEqualTo("E008");
        assertThat(body.path("message").asText()).startsWith("Not ready: the event store (sqlite) is not reachable: ");
        assertThat(body.path("details").path("store").asText()).isEqualTo("sqlite");
    }

    @Test
    void health_stays_200_while_the_store_is_unreachable() throws Exception {
        store.close();

        assertThat(get("/health").statusCode()).isEqualTo(200);
    }

    @Test
    void unknown_path_answers_404_in_the_error_shape() throws Exception {
        HttpResponse<String> response = get("/no/such/thing");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("code").asText()).isEqualTo("E006");
        assertThat(body.path("message").asText()).isEqualTo("Nothing here: GET /no/such/thing");
        assertThat(body.has("details")).as("empty details are omitted").isFalse();
        assertThat(body.has("retryAfter")).isFalse();
    }

    @Test
    void headers_too_large_for_jetty_answer_431_in_the_error_shape() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/health"))
                        .header("X-Padding", "x".repeat(20_000)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(431);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("code").asText()).isEqualTo("E003");
        assertThat(body.path("message").asText()).isNotBlank();
    }

    @Test
    void metrics_expose_store_http_and_jvm_meters_in_prometheus_text() throws Exception {
        store.append(AppendRequest.of(SessionId.of("s1"), 0, List.of(new NewEvent("chat.posted", new byte[] {1}))))
                .get(10, TimeUnit.SECONDS);
        get("/health");

        HttpResponse<String> response = get("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        assertThat(response.body())
                .contains("hearth_store_append_latency_seconds_bucket{engine=\"sqlite\"")
                .contains("hearth_store_append_latency_seconds_count{engine=\"sqlite\"} 1")
                .contains("http_server_requests_seconds_bucket{")
                .contains("jvm_memory_used_bytes")
                .contains("jvm_gc_")
                .contains("jvm_threads_live_threads")
                .contains("jvm_classes_loaded_classes")
                .contains("system_cpu_count")
                .contains("process_uptime_seconds");
    }

    @Test
    void metrics_tag_requests_with_the_route_template_and_never_the_raw_path() throws Exception {
        get("/health");
        get("/secret/path/1234");

        String metrics = get("/metrics").body();

        assertThat(metrics).contains(
                "http_server_requests_seconds_count{method=\"GET\",outcome=\"SUCCESS\",status=\"200\",uri=\"/health\"} 1");
        assertThat(metrics).contains(
                "http_server_requests_seconds_count{method=\"GET\",outcome=\"CLIENT_ERROR\",status=\"404\",uri=\"NOT_FOUND\"} 1");
        assertThat(metrics).doesNotContain("/secret/path");
    }

    @Test
    void metrics_answer_openmetrics_when_the_scraper_asks_for_it() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/metrics"))
                        .header("Accept", "application/openmetrics-text; version=1.0.0,text/plain;q=0.5").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/openmetrics-text"));
        assertThat(response.body()).endsWith("# EOF\n");
    }

    @Test
    void starting_on_a_port_in_use_fails_naming_the_address_and_the_fix() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            HearthServer second = new HearthServer(
                    new ServerSettings("127.0.0.1", taken.getLocalPort(), Duration.ofSeconds(1)), store, auth.auth(), auth.keys(), TestCampaigns.on(store, InstantSource.system()),
                TestImages.on(store, InstantSource.system()), registry);

            assertThatThrownBy(second::start)
                    .isInstanceOf(ServerStartException.class)
                    .hasMessage("Cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": the port is already in use."
                            + " Stop the other process or choose another port (server.port).");
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }
}
