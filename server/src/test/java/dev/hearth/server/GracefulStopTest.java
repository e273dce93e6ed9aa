package dev.hearth.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.hearth.server.auth.TestAuth;
import dev.hearth.server.campaigns.Campaigns;
import dev.hearth.server.campaigns.TestCampaigns;
import dev.hearth.server.images.Images;
import dev.hearth.server.images.TestImages;
import dev.hearth.store.jdbc.JdbcEventStore;
import dev.hearth.store.GroupCommitSettings;
import dev.hearth.store.sqlite.SqliteEventStore;
import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a stop does to requests in flight, to new connections and to WebSockets. */
class GracefulStopTest {

    @TempDir
    Path dir;

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final HttpClient http = HttpClient.newHttpClient();
    private GatedEventStore store;
    private TestAuth auth;
    private Campaigns campaigns;
    private Images images;

    @BeforeEach
    void openStore() {
        JdbcEventStore sqlite = SqliteEventStore.open(SqliteEventStore.Options.at(dir.resolve("hearth.db")),
                GroupCommitSettings.DEFAULT, InstantSource.system(), registry);
        store = new GatedEventStore(sqlite);
        auth = TestAuth.on(sqlite, dir, InstantSource.system());
        campaigns = TestCampaigns.on(sqlite, InstantSource.system());
        images = TestImages.on(sqlite, InstantSource.system());
    }

    @AfterEach
    void closeStore() {
        store.open();
        store.close();
        http.close();
    }

    @Test
    void stop_refuses_new_connections_and_lets_a_request_in_flight_finish() throws Exception {
        HearthServer server = start(Duration.ofSeconds(30));
        int port = server.port();
        CompletableFuture<HttpResponse<String>> inFlight = http.sendAsync(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
        store.awaitRequestAtGate();

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::stop);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(refusesConnections(port)).isTrue());
        assertThat(stopping).as("stop waits for the request in flight").isNotDone();
        store.open();
        HttpResponse<String> response = inFlight.get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"ready\"");
        stopping.get(10, TimeUnit.SECONDS);
    }

    @Test
    void stop_cuts_off_a_request_that_outlasts_the_grace_period() throws Exception {
        HearthServer server = start(Duration.ofMillis(200));
        CompletableFuture<HttpResponse<String>> inFlight = http.sendAsync(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
        store.awaitRequestAtGate();

        long started = System.nanoTime();
        server.stop();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThatThrownBy(() -> inFlight.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(IOException.class);
    }

    @Test
    void stop_closes_websockets_with_1001_going_away() throws Exception {
        // No Hearth route speaks WebSocket yet, so this checks the mechanism every future one inherits:
        // a Javalin server set up with GracefulStop, as HearthServer is.
        Javalin javalin = Javalin.create(config -> {
            config.startup.startupWatcherEnabled = false;
            config.jetty.host = "127.0.0.1";
            config.jetty.port = 0;
            config.jetty.modifyServer(new GracefulStop(Duration.ofSeconds(5))::applyTo);
            config.routes.ws("/ws", ws -> ws.onConnect(ctx -> ctx.enableAutomaticPings()));
        }).start();
        CompletableFuture<Integer> closeCode = new CompletableFuture<>();
        WebSocket socket = http.newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + javalin.port() + "/ws"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                        closeCode.complete(statusCode);
                        return null;
                    }
                })
                .get(10, TimeUnit.SECONDS);

        javalin.stop();

        assertThat(closeCode.get(10, TimeUnit.SECONDS)).isEqualTo(1001);
        socket.abort();
    }

    private HearthServer start(Duration grace) {
        return new HearthServer(new ServerSettings("127.0.0.1", 0, grace), store, auth.auth(), auth.keys(), campaigns, images, registry).start();
    }

    @SuppressWarnings("try") // the resource is held for the block, not used in it
    private static boolean refusesConnections(int port) throws IOException {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return false;
        } catch (ConnectException refused) {
            return true;
        }
    }
}
