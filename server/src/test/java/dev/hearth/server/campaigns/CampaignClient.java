package dev.hearth.server.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** The campaign API through a real socket, as one test's client sees it. */
final class CampaignClient implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    CampaignClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    HttpResponse<String> send(String token, String method, String path, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(method + " " + path + " failed: " + e, e);
        }
    }

    /** Sends and checks the status; answers the parsed body (null for none). */
    JsonNode expect(int status, String token, String method, String path, String body) {
        HttpResponse<String> r = send(token, method, path, body);
        assertThat(r.statusCode()).as(method + " " + path + " -> " + r.body()).isEqualTo(status);
        return parse(r);
    }

    static JsonNode parse(HttpResponse<String> r) {
        try {
            return r.body().isEmpty() ? null : JSON.readTree(r.body());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + r.body(), e);
        }
    }

    static String json(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        try {
            return JSON.writeValueAsString(map);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Asserts a refusal: status, code, and the one error shape. */
    static void assertRefused(HttpResponse<String> r, int status, String code) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        JsonNode body = parse(r);
        assertThat(body.path("code").asText()).as(r.body()).isEqualTo(code);
        assertThat(body.path("message").asText()).isNotBlank();
    }

    @Override
    public void close() {
        http.close();
    }
}
