package dev.hearth.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** The few REST routes the generator needs to set a table up, as any client calls them (docs/api.md). */
final class HearthApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    HearthApi(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** An account and its access token. */
    record Account(String userId, String token) {}

    Account register(String username, String displayName, String password) throws IOException, InterruptedException {
        JsonNode r = call("POST", "/api/auth/register", null,
                Map.of("username", username, "displayName", displayName, "password", password), 201);
        return new Account(r.path("account").path("id").asText(), r.path("accessToken").asText());
    }

    String createCampaign(String token, String name) throws IOException, InterruptedException {
        return call("POST", "/api/campaigns", token, Map.of("name", name), 201).path("id").asText();
    }

    String createSession(String token, String campaignId, String name) throws IOException, InterruptedException {
        return call("POST", "/api/campaigns/" + campaignId + "/sessions", token, Map.of("name", name), 201)
                .path("id").asText();
    }

    String invite(String token, String campaignId, int uses) throws IOException, InterruptedException {
        return call("POST", "/api/campaigns/" + campaignId + "/invites", token, Map.of("role", "player", "maxUses", uses),
                201).path("code").asText();
    }

    void accept(String token, String code) throws IOException, InterruptedException {
        call("POST", "/api/invites/" + code + "/accept", token, Map.of(), 200);
    }

    boolean ready() {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + "/ready")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private JsonNode call(String method, String path, String token, Map<String, ?> body, int expected)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IOException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }
}
