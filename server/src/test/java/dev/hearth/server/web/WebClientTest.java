package dev.hearth.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.server.TestServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built web client through a started server: pages, hashed assets, caching, CSP, gzip and 404s. */
class WebClientTest {

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private TestServer running;

    @BeforeEach
    void start() {
        running = TestServer.start(dir, InstantSource.system(), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    @AfterEach
    void stop() {
        http.close();
        running.close();
    }

    @Test
    void every_page_of_the_router_answers_index_html_revalidated_under_a_strict_csp() throws Exception {
        for (String page : new String[] {"/", "/signin", "/campaigns", "/campaigns/c-1", "/invite/abc", "/play/s-1"}) {
            HttpResponse<String> response = get(page);
            assertThat(response.statusCode()).as(page).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
            assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-cache");
            assertThat(response.headers().firstValue("Content-Security-Policy")).hasValue(WebClient.CSP);
            assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
            assertThat(response.body()).contains("<div id=\"app\">");
        }
        assertThat(WebClient.CSP).contains("script-src 'self'").doesNotContain("unsafe");
    }

    @Test
    void hashed_assets_are_immutable_revalidate_by_etag_and_come_gzipped_when_asked() throws Exception {
        String index = get("/").body();
        Matcher script = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(index);
        assertThat(script.find()).as("index.html loads a hashed script").isTrue();
        String path = script.group(1);

        HttpResponse<String> plain = get(path);
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(plain.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/javascript"));
        String etag = plain.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> again = http.send(HttpRequest.newBuilder(uri(path)).header("If-None-Match", etag).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).isEqualTo(304);

        HttpResponse<byte[]> gzipped = http.send(HttpRequest.newBuilder(uri(path)).header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(plain.body());
        }
    }

    @Test
    void an_unknown_asset_is_a_json_404_and_the_api_is_untouched() throws Exception {
        HttpResponse<String> missing = get("/assets/nope-123.js");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("\"code\":\"E006\"");
        assertThat(get("/assets/../index.html").statusCode()).isIn(400, 404);
        assertThat(get("/api/nothing").body()).contains("E006");
        assertThat(get("/health").body()).contains("up");
    }

    @Test
    void a_browser_asking_for_an_unknown_page_gets_the_app_with_404_and_other_clients_get_json() throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(uri("/campaigns/a/b"))
                .header("Accept", "text/html,application/xhtml+xml").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("<div id=\"app\">");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(WebClient.CSP);
        HttpResponse<String> api = http.send(HttpRequest.newBuilder(uri("/api/nothing/here"))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.body()).contains("\"code\":\"E006\"");
        assertThat(get("/campaigns/a/b").body()).contains("\"code\":\"E006\"");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + running.port() + path);
    }
}
