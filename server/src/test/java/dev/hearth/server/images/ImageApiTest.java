package dev.hearth.server.images;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearth.server.auth.TestAccounts;
import dev.hearth.server.realtime.TestTable;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Image upload and download through real sockets: a GM uploads PNG, JPEG and WebP; every member
 * reads them back byte for byte with cache headers; players, spectators and outsiders are refused
 * as the contract says; and every bad body is refused with its code, storing nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImageApiTest {

    static final ObjectMapper JSON = new ObjectMapper();
    /** Small enough to fill in a test, large enough for everything else here. */
    static final long QUOTA = 3L * 1024 * 1024;

    TestTable table;

    @BeforeAll
    void start(@TempDir Path dir) {
        table = TestTable.withImageQuota(dir, QUOTA);
    }

    @AfterAll
    void stop() {
        table.close();
    }

    String imagesPath(String sessionId) {
        return "/api/sessions/" + sessionId + "/images";
    }

    HttpResponse<byte[]> upload(TestAccounts.Registered who, String sessionId, String contentType,
            HttpRequest.BodyPublisher body) {
        return upload(who, sessionId, contentType, body, false);
    }

    /**
     * @param expectContinue send {@code Expect: 100-continue}, as a client uploading a large body
     *     should: a refusal that comes before the body is read then reaches it for sure, where
     *     otherwise the server may close the connection while the client is still sending
     */
    HttpResponse<byte[]> upload(TestAccounts.Registered who, String sessionId, String contentType,
            HttpRequest.BodyPublisher body, boolean expectContinue) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + table.port() + imagesPath(sessionId)))
                .expectContinue(expectContinue).POST(body);
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (who != null) {
            b.header("Authorization", "Bearer " + who.accessToken());
        }
        return send(b.build());
    }

    HttpResponse<byte[]> upload(TestAccounts.Registered who, String contentType, byte[] body) {
        return upload(who, table.sessionId, contentType, HttpRequest.BodyPublishers.ofByteArray(body));
    }

    HttpResponse<byte[]> get(TestAccounts.Registered who, String sessionId, String hash, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + table.port()
                + imagesPath(sessionId) + "/" + hash)).header("Authorization", "Bearer " + who.accessToken());
        headers.forEach(b::header);
        return send(b.build());
    }

    HttpResponse<byte[]> get(TestAccounts.Registered who, String hash) {
        return get(who, table.sessionId, hash, Map.of());
    }

    HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return table.http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(request.method() + " " + request.uri() + " failed: " + e, e);
        }
    }

    static JsonNode json(HttpResponse<byte[]> r) {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + new String(r.body(), StandardCharsets.UTF_8), e);
        }
    }

    /** Checks the status and the error code, and answers the error's details. */
    static JsonNode refused(HttpResponse<byte[]> r, int status, String code) {
        JsonNode body = json(r);
        assertThat(r.statusCode()).as(body.toString()).isEqualTo(status);
        assertThat(body.path("code").asText()).as(body.toString()).isEqualTo(code);
        assertThat(body.path("message").asText()).isNotBlank();
        return body.path("details");
    }

    static String sha256(byte[] bytes) {
        try {
            return "sha256-" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    long used() {
        return table.server.store().images().usedBytes(table.campaignId);
    }

    /** The refusal stored nothing: the campaign holds as many bytes as before, and no image has these bytes' hash. */
    void assertNothingStored(long usedBefore, byte[] bytes) {
        assertThat(used()).isEqualTo(usedBefore);
        assertThat(get(table.gm, sha256(bytes)).statusCode()).isEqualTo(404);
    }

    @Test
    void a_gm_uploads_png_jpeg_and_webp_and_gets_each_ones_hash_size_and_type() {
        record Case(String mediaType, byte[] bytes, int width, int height) {}
        for (Case c : new Case[] {
                new Case("image/png", SampleImages.png(64, 48), 64, 48),
                new Case("image/jpeg", SampleImages.jpeg(40, 30), 40, 30),
                new Case("image/webp", SampleImages.webpLossless(300, 200), 300, 200),
                new Case("image/webp", SampleImages.webpExtended(1024, 768), 1024, 768),
                new Case("image/webp", SampleImages.webpLossy(320, 240), 320, 240)}) {
            HttpResponse<byte[]> r = upload(table.gm, c.mediaType(), c.bytes());

            JsonNode body = json(r);
            assertThat(r.statusCode()).as(body.toString()).isEqualTo(201);
            assertThat(body.path("hash").asText()).isEqualTo(sha256(c.bytes()));
            assertThat(body.path("width").asInt()).isEqualTo(c.width());
            assertThat(body.path("height").asInt()).isEqualTo(c.height());
            assertThat(body.path("mediaType").asText()).isEqualTo(c.mediaType());
            assertThat(body.path("size").asLong()).isEqualTo(c.bytes().length);
            assertThat(r.headers().firstValue("Location")).contains(imagesPath(table.sessionId) + "/" + sha256(c.bytes()));
        }
    }

    @Test
    void uploading_the_same_bytes_again_answers_200_with_the_same_record_and_stores_nothing_more() {
        byte[] png = SampleImages.png(17, 9);
        JsonNode first = json(upload(table.gm, "image/png", png));
        long usedBefore = used();

        HttpResponse<byte[]> again = upload(table.gm, "image/png", png);

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again)).isEqualTo(first);
        assertThat(again.headers().firstValue("Location")).isEmpty();
        assertThat(used()).isEqualTo(usedBefore);
    }

    @Test
    void every_member_gets_the_same_bytes_back_with_cache_headers_and_304_when_they_have_them() {
        byte[] jpeg = SampleImages.jpeg(33, 21);
        String hash = json(upload(table.gm, "image/jpeg", jpeg)).path("hash").asText();

        for (TestAccounts.Registered member : new TestAccounts.Registered[] {table.gm, table.alice, table.spectator}) {
            HttpResponse<byte[]> r = get(member, hash);

            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo(jpeg);
            assertThat(r.headers().firstValue("Content-Type")).contains("image/jpeg");
            assertThat(r.headers().firstValue("Cache-Control")).contains("private, max-age=31536000, immutable");
            assertThat(r.headers().firstValue("ETag")).contains("\"" + hash + "\"");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");

            for (String ifNoneMatch : new String[] {"\"" + hash + "\"", "W/\"" + hash + "\"", "\"other\", \"" + hash + "\""}) {
                HttpResponse<byte[]> cached = get(member, table.sessionId, hash, Map.of("If-None-Match", ifNoneMatch));
                assertThat(cached.statusCode()).as(ifNoneMatch).isEqualTo(304);
                assertThat(cached.body()).isEmpty();
                assertThat(cached.headers().firstValue("ETag")).contains("\"" + hash + "\"");
                assertThat(cached.headers().firstValue("Cache-Control")).contains("private, max-age=31536000, immutable");
            }
            HttpResponse<byte[]> stale = get(member, table.sessionId, hash, Map.of("If-None-Match", "\"sha256-other\""));
            assertThat(stale.statusCode()).isEqualTo(200);
            assertThat(stale.body()).isEqualTo(jpeg);
        }
    }

    @Test
    void an_outsider_gets_the_same_404_as_for_an_image_or_session_that_does_not_exist() {
        byte[] png = SampleImages.png(5, 5);
        String hash = json(upload(table.gm, "image/png", png)).path("hash").asText();
        String unknown = sha256("never uploaded".getBytes(StandardCharsets.UTF_8));

        JsonNode outsider = json(get(table.outsider, hash));
        JsonNode missing = json(get(table.gm, unknown));
        JsonNode noSession = json(get(table.gm, "00000000-0000-0000-0000-000000000000", hash, Map.of()));
        JsonNode notASession = json(get(table.gm, "not-a-session", hash, Map.of()));

        assertThat(get(table.outsider, hash).statusCode()).isEqualTo(404);
        assertThat(outsider.path("code").asText()).isEqualTo("E006");
        assertThat(outsider).isEqualTo(missing).isEqualTo(noSession).isEqualTo(notASession);
        assertThat(get(table.outsider, unknown).statusCode()).isEqualTo(404);
        assertThat(json(get(table.outsider, hash, Map.of("If-None-Match", "\"" + hash + "\"")))).isEqualTo(missing);
    }

    HttpResponse<byte[]> get(TestAccounts.Registered who, String hash, Map<String, String> headers) {
        return get(who, table.sessionId, hash, headers);
    }

    @Test
    void a_malformed_hash_is_a_bad_request_whoever_asks() {
        assertThat(refused(get(table.alice, "sha256-XYZ"), 400, "E007").path("field").asText()).isEqualTo("hash");
        assertThat(refused(get(table.outsider, "..%2F..%2Fetc"), 400, "E007").path("field").asText()).isEqualTo("hash");
    }

    @Test
    void only_a_gm_may_upload_and_a_refused_upload_stores_nothing() {
        byte[] png = SampleImages.png(7, 7);
        long before = used();

        JsonNode player = refused(upload(table.alice, "image/png", png), 403, "E011");
        assertThat(player.path("permission").asText()).isEqualTo("manage_map");
        assertThat(json(upload(table.alice, "image/png", png)).path("message").asText())
                .isEqualTo("A player may not manage the map.");
        assertThat(refused(upload(table.spectator, "image/png", png), 403, "E011").path("permission").asText())
                .isEqualTo("manage_map");
        refused(upload(table.outsider, "image/png", png), 404, "E005");
        refused(upload(table.gm, "00000000-0000-0000-0000-000000000000", "image/png",
                HttpRequest.BodyPublishers.ofByteArray(png)), 404, "E005");
        refused(upload(null, table.sessionId, "image/png", HttpRequest.BodyPublishers.ofByteArray(png)), 401, "E002");

        assertNothingStored(before, png);
    }

    @Test
    void a_body_that_is_not_an_image_of_its_declared_type_is_refused_and_stores_nothing() {
        record Bad(String contentType, byte[] body, String reason) {}
        byte[] png = SampleImages.png(9, 9);
        for (Bad bad : new Bad[] {
                new Bad("image/png", "just some text, not a picture".getBytes(StandardCharsets.UTF_8), "not_an_image"),
                new Bad("image/png", new byte[0], "not_an_image"),
                new Bad("image/jpeg", png, "type_mismatch"),
                new Bad("image/webp", SampleImages.jpeg(8, 8), "type_mismatch"),
                new Bad("image/png", SampleImages.pngHeader(100_000, 100_000), "too_many_pixels"),
                new Bad("image/webp", SampleImages.webpExtended(20_000, 20_000), "too_many_pixels"),
                new Bad("image/png", Arrays.copyOf(png, 20), "malformed"),
                new Bad("image/jpeg", Arrays.copyOf(SampleImages.jpeg(8, 8), 30), "malformed"),
                new Bad("image/webp", Arrays.copyOf(SampleImages.webpLossless(8, 8), 24), "malformed")}) {
            long before = used();

            JsonNode details = refused(upload(table.gm, bad.contentType(), bad.body()), 400, "E007");

            assertThat(details.path("field").asText()).isEqualTo("body");
            assertThat(details.path("reason").asText()).as(bad.toString()).isEqualTo(bad.reason());
            assertNothingStored(before, bad.body());
        }
    }

    @Test
    void a_bomb_is_refused_naming_its_size_and_the_limits() {
        JsonNode details = refused(upload(table.gm, "image/png", SampleImages.pngHeader(100_000, 100_000)), 400, "E007");

        assertThat(details.path("reason").asText()).isEqualTo("too_many_pixels");
        assertThat(details.path("width").asLong()).isEqualTo(100_000);
        assertThat(details.path("height").asLong()).isEqualTo(100_000);
        assertThat(details.path("maxSide").asLong()).isEqualTo(16_384);
        assertThat(details.path("maxPixels").asLong()).isEqualTo(100_000_000);
    }

    @Test
    void a_content_type_that_is_not_an_accepted_image_type_is_refused_before_the_body() {
        byte[] png = SampleImages.png(6, 6);
        long before = used();

        for (String contentType : new String[] {"image/gif", "image/svg+xml", "application/octet-stream", "text/plain"}) {
            assertThat(refused(upload(table.gm, contentType, png), 400, "E007").path("field").asText())
                    .isEqualTo("Content-Type");
        }
        assertThat(refused(upload(table.gm, table.sessionId, null, HttpRequest.BodyPublishers.ofByteArray(png)), 400,
                "E007").path("field").asText()).isEqualTo("Content-Type");
        assertNothingStored(before, png);
    }

    @Test
    void a_body_over_10_mib_is_refused_with_413_by_its_length_and_when_chunked() {
        byte[] big = SampleImages.concat(SampleImages.pngHeader(100, 100), new byte[Images.MAX_BYTES + 1 - 45]);
        assertThat(big).hasSize(Images.MAX_BYTES + 1);
        long before = used();

        JsonNode declared = refused(upload(table.gm, table.sessionId, "image/png",
                HttpRequest.BodyPublishers.ofByteArray(big), true), 413, "E003");
        assertThat(declared.path("limitBytes").asLong()).isEqualTo(10L * 1024 * 1024);
        JsonNode chunked = refused(upload(table.gm, table.sessionId, "image/png",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)), true), 413, "E003");
        assertThat(chunked.path("limitBytes").asLong()).isEqualTo(10L * 1024 * 1024);

        assertNothingStored(before, big);
        byte[] exactly = Arrays.copyOf(big, Images.MAX_BYTES);
        // Exactly at the limit the body is read in full and probed; only this test's small quota refuses it.
        JsonNode atTheLimit = refused(upload(table.gm, table.sessionId, "image/png",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(exactly))), 409, "E012");
        assertThat(atTheLimit.path("size").asLong()).isEqualTo(Images.MAX_BYTES);
    }

    @Test
    void a_campaign_over_its_quota_is_refused_with_409_and_keeps_what_it_has() {
        String campaignId = table.expect(201, table.gm.accessToken(), "POST", "/api/campaigns", "{\"name\":\"Big maps\"}")
                .path("id").asText();
        String sessionId = table.expect(201, table.gm.accessToken(), "POST", "/api/campaigns/" + campaignId + "/sessions",
                "{\"name\":\"One\"}").path("id").asText();
        // The probe reads headers only: a valid header and padding make an image of any size.
        byte[] two = SampleImages.concat(SampleImages.pngHeader(10, 10), new byte[2 * 1024 * 1024]);
        byte[] more = SampleImages.concat(SampleImages.pngHeader(11, 11), new byte[2 * 1024 * 1024]);
        assertThat(upload(table.gm, sessionId, "image/png", HttpRequest.BodyPublishers.ofByteArray(two)).statusCode())
                .isEqualTo(201);

        JsonNode details = refused(upload(table.gm, sessionId, "image/png", HttpRequest.BodyPublishers.ofByteArray(more)),
                409, "E012");

        assertThat(details.path("reason").asText()).isEqualTo("quota");
        assertThat(details.path("quotaBytes").asLong()).isEqualTo(QUOTA);
        assertThat(details.path("usedBytes").asLong()).isEqualTo(two.length);
        assertThat(details.path("size").asLong()).isEqualTo(more.length);
        assertThat(table.server.store().images().usedBytes(campaignId)).isEqualTo(two.length);
        assertThat(get(table.gm, sessionId, sha256(more), Map.of()).statusCode()).isEqualTo(404);
        // Bytes it has already need no room.
        assertThat(upload(table.gm, sessionId, "image/png", HttpRequest.BodyPublishers.ofByteArray(two)).statusCode())
                .isEqualTo(200);
    }
}
