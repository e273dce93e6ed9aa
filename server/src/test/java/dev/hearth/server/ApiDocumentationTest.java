package dev.hearth.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/api.md, the served OpenAPI document and the server's routes name the same routes. */
class ApiDocumentationTest {

    private static final Path DOC = Path.of(System.getProperty("basedir", ".")).resolve("../docs/api.md").normalize();
    private static final Pattern HEADING = Pattern.compile("^### `(GET|POST|PUT|PATCH|DELETE) (\\S+)`$");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void api_md_and_the_served_openapi_document_list_the_same_routes_and_the_server_answers_each() throws Exception {
        Set<String> documented = new TreeSet<>();
        for (String line : Files.readAllLines(DOC)) {
            Matcher m = HEADING.matcher(line);
            if (m.matches()) {
                documented.add(m.group(1) + " " + m.group(2));
            }
        }
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (TestServer server = TestServer.start(dir, InstantSource.system(), registry, Duration.ofSeconds(1));
                HttpClient http = HttpClient.newHttpClient()) {
            String base = "http://127.0.0.1:" + server.port();
            HttpResponse<String> openApi = http.send(HttpRequest.newBuilder(URI.create(base + "/api/openapi.json")).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode document = JSON.readTree(openApi.body());
            assertThat(document.path("openapi").asText()).isEqualTo("3.1.0");
            Set<String> specified = new TreeSet<>();
            document.path("paths").properties().forEach(path -> path.getValue().properties().stream().map(java.util.Map.Entry::getKey)
                    .forEach(method -> specified.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));

            assertThat(documented).isNotEmpty().isEqualTo(specified);
            for (String route : specified) {
                String[] parts = route.split(" ");
                // A path parameter gets a sample value: the route must match it (unauthenticated, it answers 401).
                String path = parts[1].replaceAll("\\{[^}]+}", "00000000-0000-0000-0000-000000000000");
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                        .method(parts[0], HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.body()).as(route + " is routed").doesNotContain("\"E006\"");
            }
        }
    }
}
