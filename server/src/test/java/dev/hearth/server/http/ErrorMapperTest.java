package dev.hearth.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearth.store.StoreException;
import dev.hearth.store.StoreOverloadedException;
import io.javalin.Javalin;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.HttpResponseException;
import io.javalin.http.TooManyRequestsResponse;
import io.javalin.json.JavalinJackson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every kind of failure reaches the client in the one error shape, with the right status. */
class ErrorMapperTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Javalin app;
    private static HttpClient http;

    @BeforeAll
    static void start() {
        ErrorMapper errors = new ErrorMapper();
        app = Javalin.create(config -> {
            config.startup.startupWatcherEnabled = false;
            config.jetty.host = "127.0.0.1";
            config.jetty.port = 0;
            config.jsonMapper(new JavalinJackson(new ObjectMapper(), false));
            config.routes.get("/overloaded", ctx -> {
                throw new StoreOverloadedException("write queue full (10000 waiting)");
            });
            config.routes.get("/store-down", ctx -> {
                throw new StoreException("could not commit: SQLITE_IOERR at /secret/path/hearth.db");
            });
            config.routes.get("/bug", ctx -> {
                throw new IllegalStateException("internal detail that must not leak");
            });
            config.routes.get("/bad", ctx -> {
                throw new BadRequestResponse("session id must be 1-64 characters");
            });
            config.routes.get("/slow-down", ctx -> {
                throw new TooManyRequestsResponse("too many dice rolls");
            });
            config.routes.exception(HttpResponseException.class, errors);
            config.routes.exception(Exception.class, errors);
        }).start();
        http = HttpClient.newHttpClient();
    }

    @AfterAll
    static void stop() {
        http.close();
        app.stop();
    }

    @Test
    void an_overloaded_store_answers_503_E008_asking_to_retry_after_a_second() throws Exception {
        HttpResponse<String> response = get("/overloaded");

        assertThat(response.statusCode()).isEqualTo(503);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("code").asText()).isEqualTo("E008");
        assertThat(body.path("retryAfter").asLong()).isEqualTo(1);
    }

    @Test
    void a_failing_store_answers_503_E008_without_its_internals() throws Exception {
        HttpResponse<String> response = get("/store-down");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(response.body()).path("code").asText()).isEqualTo("E008");
        assertThat(response.body()).doesNotContain("/secret/path").doesNotContain("SQLITE");
    }

    @Test
    void an_unexpected_exception_answers_500_E009_without_its_message() throws Exception {
        HttpResponse<String> response = get("/bug");

        assertThat(response.statusCode()).isEqualTo(500);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("code").asText()).isEqualTo("E009");
        assertThat(body.path("message").asText()).isEqualTo("Something went wrong inside Hearth; the server log has the details.");
        assertThat(response.body()).doesNotContain("internal detail");
    }

    @Test
    void a_bad_request_keeps_its_status_and_message_under_E007() throws Exception {
        HttpResponse<String> response = get("/bad");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()))
                .isEqualTo(JSON.readTree("{\"code\":\"E007\",\"message\":\"session id must be 1-64 characters\"}"));
    }

    @Test
    void too_many_requests_maps_to_the_rate_limit_code_E004() throws Exception {
        HttpResponse<String> response = get("/slow-down");

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(JSON.readTree(response.body()).path("code").asText()).isEqualTo("E004");
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
