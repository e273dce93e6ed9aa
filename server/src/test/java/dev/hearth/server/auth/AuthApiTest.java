package dev.hearth.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.hearth.server.HearthServer;
import dev.hearth.server.TestServer;
import dev.hearth.server.http.Outcome;
import dev.hearth.store.accounts.Account;
import dev.hearth.store.jdbc.JdbcEventStore;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import dev.hearth.server.secrets.TestBoxes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Accounts and tokens through real sockets, against a server on a free port with a SQLite store. */
class AuthApiTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String PASSWORD = "correct horse battery";

    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T12:00:00Z"));
    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    final HttpClient http = HttpClient.newHttpClient();
    TestServer running;
    JdbcEventStore store;
    TestAuth auth;
    HearthServer server;
    String origin;

    @BeforeEach
    void start() {
        running = TestServer.start(dir, clock, registry);
        store = running.store();
        auth = running.auth();
        server = running.server();
        origin = "http://127.0.0.1:" + server.port();
    }

    @AfterEach
    void stop() {
        http.close();
        running.close();
    }

    /** A browser's view of one signed-in tab: its access token and its cookies. */
    record Session(String accessToken, String refreshCookie, String csrf, JsonNode body) {}

    HttpResponse<String> send(String method, String path, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(origin + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String body) throws Exception {
        return send("POST", path, body, Map.of());
    }

    static String json(Object... keyValues) throws Exception {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return JSON.writeValueAsString(map);
    }

    static JsonNode body(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    static String cookie(HttpResponse<String> r, String name) {
        return r.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1, c.indexOf(';')))
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " cookie in " + r.headers()));
    }

    static Session session(HttpResponse<String> r) throws Exception {
        JsonNode body = body(r);
        return new Session(body.path("accessToken").asText(), cookie(r, AuthEndpoints.REFRESH_COOKIE),
                cookie(r, AuthEndpoints.CSRF_COOKIE), body);
    }

    Session register(String username) throws Exception {
        HttpResponse<String> r = post("/api/auth/register",
                json("username", username, "displayName", "The " + username, "password", PASSWORD));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return session(r);
    }

    HttpResponse<String> login(String username, String password) throws Exception {
        return post("/api/auth/login", json("username", username, "password", password));
    }

    HttpResponse<String> me(String accessToken) throws Exception {
        return send("GET", "/api/me", null, Map.of("Authorization", "Bearer " + accessToken));
    }

    HttpResponse<String> withCookies(String path, Session s, Map<String, String> extra) throws Exception {
        Map<String, String> headers = new LinkedHashMap<>(Map.of(
                "Cookie", AuthEndpoints.REFRESH_COOKIE + "=" + s.refreshCookie() + "; " + AuthEndpoints.CSRF_COOKIE + "=" + s.csrf(),
                "Origin", origin, AuthEndpoints.CSRF_HEADER, s.csrf()));
        headers.putAll(extra);
        headers.values().removeIf(String::isEmpty);
        return send("POST", path, null, headers);
    }

    HttpResponse<String> refresh(Session s) throws Exception {
        return withCookies("/api/auth/refresh", s, Map.of());
    }

    static void assertError(HttpResponse<String> r, int status, String code) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(body(r).path("code").asText()).as(r.body()).isEqualTo(code);
        assertThat(body(r).path("message").asText()).isNotBlank();
    }

    Account account(String username) {
        return store.accounts().findByUsername(username).orElseThrow();
    }

    // --- the whole flow ---

    @Test
    void register_me_refresh_logout_and_login_work_end_to_end() throws Exception {
        Session registered = register("Alice");
        assertThat(registered.body().path("tokenType").asText()).isEqualTo("Bearer");
        assertThat(registered.body().path("expiresIn").asLong()).isEqualTo(900);
        assertThat(registered.body().path("csrfToken").asText()).isEqualTo(registered.csrf());

        JsonNode me = body(me(registered.accessToken()));
        assertThat(me.path("username").asText()).isEqualTo("Alice");
        assertThat(me.path("displayName").asText()).isEqualTo("The Alice");

        HttpResponse<String> refreshed = refresh(registered);
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        Session next = session(refreshed);
        assertThat(next.refreshCookie()).isNotEqualTo(registered.refreshCookie());
        assertThat(me(next.accessToken()).statusCode()).isEqualTo(200);

        assertThat(withCookies("/api/auth/logout", next, Map.of()).statusCode()).isEqualTo(204);
        assertError(me(next.accessToken()), 401, "E002");
        assertError(refresh(next), 401, "E002");

        HttpResponse<String> loggedIn = login("ALICE", PASSWORD);
        assertThat(loggedIn.statusCode()).isEqualTo(200);
        assertThat(me(session(loggedIn).accessToken()).statusCode()).isEqualTo(200);
    }

    @Test
    void the_refresh_cookie_is_http_only_secure_strict_and_scoped_to_the_auth_path() throws Exception {
        HttpResponse<String> r = post("/api/auth/register", json("username", "bob", "displayName", "Bob", "password", PASSWORD));

        String refresh = r.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(AuthEndpoints.REFRESH_COOKIE)).findFirst().orElseThrow();
        assertThat(refresh).contains("HttpOnly", "Secure", "SameSite=Strict", "Path=/api/auth", "Max-Age=604800");
        assertThat(r.body()).doesNotContain(cookie(r, AuthEndpoints.REFRESH_COOKIE));
    }

    @Test
    void the_jwks_document_holds_the_public_signing_key_and_no_private_part() throws Exception {
        Session s = register("carol");
        HttpResponse<String> r = send("GET", "/.well-known/jwks.json", null, Map.of());

        JsonNode keys = body(r).path("keys");
        String kid = SignedJWT.parse(s.accessToken()).getHeader().getKeyID();
        assertThat(keys).hasSize(1);
        assertThat(keys.get(0).path("kid").asText()).isEqualTo(kid);
        assertThat(keys.get(0).path("alg").asText()).isEqualTo("ES256");
        assertThat(keys.get(0).has("d")).isFalse();
    }

    // --- bad access tokens: each refused with E002, none changes anything ---

    String validToken() throws Exception {
        return register("dave").accessToken();
    }

    void assertRefusedAndAccountUnchanged(String token) throws Exception {
        Account before = account("dave");
        assertError(me(token), 401, "E002");
        assertThat(account("dave")).isEqualTo(before);
    }

    @Test
    void a_token_with_alg_none_is_refused() throws Exception {
        String valid = validToken();
        String claims = valid.split("\\.")[1];
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"none\",\"typ\":\"at+jwt\"}".getBytes(StandardCharsets.UTF_8));

        assertRefusedAndAccountUnchanged(none + "." + claims + ".");
    }

    @Test
    void a_token_with_a_forged_signature_is_refused() throws Exception {
        String[] parts = validToken().split("\\.");
        JWTClaimsSet claims = JWTClaimsSet.parse(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        JWTClaimsSet changed = new JWTClaimsSet.Builder(claims).subject("someone-else").build();
        String forgedPayload = Base64URL.encode(changed.toString()).toString();

        assertRefusedAndAccountUnchanged(parts[0] + "." + forgedPayload + "." + parts[2]);
    }

    @Test
    void a_token_signed_by_another_key_is_refused() throws Exception {
        String valid = validToken();
        SigningKeyRing otherRing = SigningKeyRing.open(dir.resolve("other/keys.json"), TestBoxes.fresh(), Duration.ofDays(30),
                Duration.ofMinutes(16), clock);
        JWTClaimsSet claims = SignedJWT.parse(valid).getJWTClaimsSet();
        var otherKey = otherRing.signingKey();
        // The other key even claims our kid: only the key ring decides which key verifies.
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256)
                .keyID(SignedJWT.parse(valid).getHeader().getKeyID()).type(new JOSEObjectType("at+jwt")).build(), claims);
        forged.sign(new ECDSASigner(otherKey));

        assertRefusedAndAccountUnchanged(forged.serialize());
    }

    @Test
    void an_expired_token_is_refused_while_the_refresh_token_still_works() throws Exception {
        Session s = register("dave");
        clock.advance(Duration.ofMinutes(16));

        assertRefusedAndAccountUnchanged(s.accessToken());
        assertThat(refresh(s).statusCode()).isEqualTo(200);
    }

    @Test
    void a_token_for_another_audience_is_refused() throws Exception {
        String valid = validToken();
        JWTClaimsSet claims = SignedJWT.parse(valid).getJWTClaimsSet();
        String token = new AccessTokens(auth.keys(), "hearth-test", "another-service", Duration.ofMinutes(15))
                .issue(claims.getSubject(), (String) claims.getClaim("sid"), clock.instant());

        assertRefusedAndAccountUnchanged(token);
    }

    @Test
    void a_token_from_another_issuer_is_refused() throws Exception {
        JWTClaimsSet claims = SignedJWT.parse(validToken()).getJWTClaimsSet();
        String token = new AccessTokens(auth.keys(), "someone-else", "hearth-test-api", Duration.ofMinutes(15))
                .issue(claims.getSubject(), (String) claims.getClaim("sid"), clock.instant());

        assertRefusedAndAccountUnchanged(token);
    }

    @Test
    void a_token_issued_in_the_future_is_refused() throws Exception {
        JWTClaimsSet claims = SignedJWT.parse(validToken()).getJWTClaimsSet();
        String token = new AccessTokens(auth.keys(), "hearth-test", "hearth-test-api", Duration.ofMinutes(15))
                .issue(claims.getSubject(), (String) claims.getClaim("sid"), clock.instant().plus(Duration.ofMinutes(5)));

        assertRefusedAndAccountUnchanged(token);
    }

    @Test
    void garbage_and_missing_bearer_tokens_are_refused() throws Exception {
        validToken();
        assertRefusedAndAccountUnchanged("not.a.jwt");
        assertError(send("GET", "/api/me", null, Map.of()), 401, "E002");
    }

    // --- refresh tokens and CSRF ---

    @Test
    void a_reused_refresh_token_ends_the_sign_in_so_the_newer_tokens_stop_working_too() throws Exception {
        Session first = register("erin");
        Session second = session(refresh(first));

        HttpResponse<String> reuse = refresh(first);

        assertError(reuse, 401, "E002");
        assertThat(body(reuse).path("message").asText()).contains("used twice");
        assertError(refresh(second), 401, "E002");
        assertError(me(second.accessToken()), 401, "E002");
        assertThat(login("erin", PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void a_cookie_post_from_a_foreign_origin_is_refused_and_changes_nothing() throws Exception {
        Session s = register("frank");

        assertError(withCookies("/api/auth/refresh", s, Map.of("Origin", "https://evil.example")), 403, "E002");
        assertError(withCookies("/api/auth/logout", s, Map.of("Origin", "https://evil.example")), 403, "E002");
        assertError(withCookies("/api/auth/logout", s, Map.of("Origin", "")), 403, "E002");

        assertThat(me(s.accessToken()).statusCode()).isEqualTo(200);
        assertThat(refresh(s).statusCode()).isEqualTo(200); // the refresh token was neither rotated nor revoked
    }

    @Test
    void a_cookie_post_without_the_csrf_token_or_with_a_wrong_one_is_refused_and_changes_nothing() throws Exception {
        Session s = register("grace");

        assertError(withCookies("/api/auth/logout", s, Map.of(AuthEndpoints.CSRF_HEADER, "")), 403, "E002");
        assertError(withCookies("/api/auth/refresh", s, Map.of(AuthEndpoints.CSRF_HEADER, "guess")), 403, "E002");

        assertThat(me(s.accessToken()).statusCode()).isEqualTo(200);
        assertThat(refresh(s).statusCode()).isEqualTo(200);
    }

    @Test
    void login_from_a_foreign_origin_is_refused() throws Exception {
        register("heidi");

        assertError(send("POST", "/api/auth/login", json("username", "heidi", "password", PASSWORD),
                Map.of("Origin", "https://evil.example")), 403, "E002");
    }

    // --- names, bodies ---

    @Test
    void sql_and_script_text_in_a_display_name_is_stored_and_returned_verbatim() throws Exception {
        String name = "<script>alert(1)</script>'; DROP TABLE accounts;--";
        HttpResponse<String> r = post("/api/auth/register", json("username", "ivan", "displayName", name, "password", PASSWORD));

        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(body(me(session(r).accessToken())).path("displayName").asText()).isEqualTo(name);
        assertThat(account("ivan").displayName()).isEqualTo(name);
    }

    @Test
    void sql_text_in_a_username_is_refused_naming_the_field_and_nothing_is_created() throws Exception {
        HttpResponse<String> r = post("/api/auth/register",
                json("username", "x' OR '1'='1", "displayName", "X", "password", PASSWORD));

        assertError(r, 400, "E007");
        assertThat(body(r).path("details").path("field").asText()).isEqualTo("username");
        assertThat(store.accounts().findByUsername("x' OR '1'='1")).isEmpty();
    }

    @Test
    void names_and_passwords_outside_the_rules_are_refused_naming_the_field() throws Exception {
        record Case(String username, String displayName, String password, String field) {}
        for (Case c : List.of(
                new Case("ab", "A", PASSWORD, "username"),
                new Case("a".repeat(33), "A", PASSWORD, "username"),
                new Case("k\u212Ate", "A", PASSWORD, "username"),
                new Case("judy", "", PASSWORD, "displayName"),
                new Case("judy", "bell\u0007", PASSWORD, "displayName"),
                new Case("judy", "x".repeat(65), PASSWORD, "displayName"),
                new Case("judy", "Judy", "short", "password"),
                new Case("judy", "Judy", "p".repeat(257), "password"))) {
            HttpResponse<String> r = post("/api/auth/register",
                    json("username", c.username(), "displayName", c.displayName(), "password", c.password()));
            assertError(r, 400, "E007");
            assertThat(body(r).path("details").path("field").asText()).as(c.toString()).isEqualTo(c.field());
        }
        assertThat(store.accounts().findByUsername("judy")).isEmpty();
    }

    @Test
    void a_username_taken_in_another_case_answers_E010_and_keeps_the_first_account() throws Exception {
        register("kate");
        Account before = account("kate");

        assertError(post("/api/auth/register", json("username", "KATE", "displayName", "K", "password", PASSWORD)), 409, "E010");
        assertThat(account("kate")).isEqualTo(before);
    }

    @Test
    void an_oversize_body_answers_413_E003_and_creates_nothing() throws Exception {
        HttpResponse<String> r = post("/api/auth/register",
                json("username", "leo", "displayName", "x".repeat(10_000), "password", PASSWORD));

        assertError(r, 413, "E003");
        assertThat(store.accounts().findByUsername("leo")).isEmpty();
    }

    @Test
    void malformed_json_unknown_fields_and_wrong_types_answer_E007() throws Exception {
        assertError(post("/api/auth/login", "{\"username\": "), 400, "E007");
        assertError(post("/api/auth/login", "[]"), 400, "E007");
        assertError(post("/api/auth/login", ""), 400, "E007");
        assertError(post("/api/auth/login", "{\"username\":{\"$ne\":null},\"password\":\"x\"}"), 400, "E007");
        HttpResponse<String> unknown = post("/api/auth/register",
                json("username", "mia", "displayName", "Mia", "password", PASSWORD, "admin", true));
        assertError(unknown, 400, "E007");
        assertThat(body(unknown).path("details").path("field").asText()).isEqualTo("admin");
        assertThat(store.accounts().findByUsername("mia")).isEmpty();
    }

    // --- failures that must not reveal whether an account exists, and limits ---

    @Test
    void a_wrong_password_and_an_unknown_user_get_the_same_answer() throws Exception {
        register("nina");

        HttpResponse<String> wrongPassword = login("nina", "wrong password!");
        HttpResponse<String> unknownUser = login("nobody", "wrong password!");

        assertThat(wrongPassword.statusCode()).isEqualTo(401).isEqualTo(unknownUser.statusCode());
        assertThat(wrongPassword.body()).isEqualTo(unknownUser.body());
        assertThat(body(wrongPassword).path("code").asText()).isEqualTo("E002");
    }

    @Test
    void repeated_failed_logins_are_limited_with_growing_retry_after_for_known_and_unknown_users_alike() throws Exception {
        register("oscar");
        for (String username : List.of("oscar", "ghost")) {
            for (int i = 0; i < 5; i++) {
                assertError(login(username, "wrong password!"), 401, "E002");
            }
            HttpResponse<String> limited = login(username, PASSWORD);
            assertError(limited, 429, "E004");
            assertThat(body(limited).path("retryAfter").asLong()).isEqualTo(1);
            assertThat(limited.headers().firstValue("Retry-After")).contains("1");

            clock.advance(Duration.ofSeconds(1));
            assertError(login(username, "wrong password!"), 401, "E002");
            HttpResponse<String> longer = login(username, PASSWORD);
            assertError(longer, 429, "E004");
            assertThat(body(longer).path("retryAfter").asLong()).isEqualTo(2);
            clock.advance(Duration.ofSeconds(2));
        }
        assertThat(login("oscar", PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void registrations_from_one_address_are_limited() throws Exception {
        for (int i = 0; i < 5; i++) {
            register("user" + i);
        }
        HttpResponse<String> limited = post("/api/auth/register",
                json("username", "user5", "displayName", "U", "password", PASSWORD));

        assertError(limited, 429, "E004");
        assertThat(body(limited).path("retryAfter").asLong()).isEqualTo(30);
        assertThat(store.accounts().findByUsername("user5")).isEmpty();
    }

    @Test
    void the_registrations_an_address_may_make_are_configurable() {
        var settings = new AuthSettings("hearth-test", "hearth-test-api", Duration.ofMinutes(15), Duration.ofDays(7),
                List.of(), true, TestAuth.CHEAP_HASH, 8);
        Authentication roomy = new Authentication(store.accounts(), store.campaigns(), auth.keys(), settings, clock);

        for (int i = 0; i < 8; i++) {
            assertThat(roomy.register(new Requests.Register("club" + i, "C", PASSWORD), "10.0.0.9"))
                    .isInstanceOf(Outcome.Done.class);
        }
        assertThat(roomy.register(new Requests.Register("club8", "C", PASSWORD), "10.0.0.9"))
                .isInstanceOf(Outcome.Refused.class);
        assertThat(store.accounts().findByUsername("club8")).isEmpty();
    }

    // --- password change and deletion ---

    @Test
    void changing_the_password_ends_every_sign_in_and_only_the_new_password_works() throws Exception {
        Session laptop = register("pat");
        Session phone = session(login("pat", PASSWORD));

        HttpResponse<String> r = send("POST", "/api/auth/password",
                json("currentPassword", PASSWORD, "newPassword", "a much newer secret"),
                Map.of("Authorization", "Bearer " + laptop.accessToken()));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
        assertError(me(laptop.accessToken()), 401, "E002");
        assertError(refresh(phone), 401, "E002");
        assertError(login("pat", PASSWORD), 401, "E002");
        assertThat(login("pat", "a much newer secret").statusCode()).isEqualTo(200);
    }

    @Test
    void a_wrong_current_password_changes_nothing() throws Exception {
        Session s = register("quinn");
        Account before = account("quinn");

        assertError(send("POST", "/api/auth/password", json("currentPassword", "not my password", "newPassword", "whatever else"),
                Map.of("Authorization", "Bearer " + s.accessToken())), 401, "E002");

        assertThat(account("quinn")).isEqualTo(before);
        assertThat(me(s.accessToken()).statusCode()).isEqualTo(200);
    }

    @Test
    void deleting_the_account_needs_its_password_and_then_ends_everything() throws Exception {
        Session s = register("rita");
        Account before = account("rita");

        assertError(send("DELETE", "/api/me", json("password", "not my password"),
                Map.of("Authorization", "Bearer " + s.accessToken())), 401, "E002");
        assertThat(account("rita")).isEqualTo(before);

        assertThat(send("DELETE", "/api/me", json("password", PASSWORD),
                Map.of("Authorization", "Bearer " + s.accessToken())).statusCode()).isEqualTo(204);
        assertThat(store.accounts().findByUsername("rita")).isEmpty();
        assertError(me(s.accessToken()), 401, "E002");
        assertError(refresh(s), 401, "E002");
        assertError(login("rita", PASSWORD), 401, "E002");
    }

    @Test
    void a_stored_hash_made_with_weaker_parameters_is_rehashed_at_login() throws Exception {
        register("sam");
        String weak = account("sam").passwordHash();
        var stronger = new PasswordHashParameters(128, 2, 1);
        var settings = new AuthSettings("hearth-test", "hearth-test-api", Duration.ofMinutes(15), Duration.ofDays(7),
                List.of(), true, stronger, 5);
        Authentication raised = new Authentication(store.accounts(), store.campaigns(), auth.keys(), settings, clock);

        assertThat(raised.login(new Requests.Login("sam", PASSWORD), "10.0.0.1")).isInstanceOf(Outcome.Done.class);

        String rehashed = account("sam").passwordHash();
        assertThat(weak).startsWith("$argon2id$v=19$m=64,t=1,p=1$");
        assertThat(rehashed).startsWith("$argon2id$v=19$m=128,t=2,p=1$");
        assertThat(new PasswordHasher(stronger, new java.security.SecureRandom()).check(PASSWORD, rehashed))
                .isEqualTo(PasswordHasher.Check.MATCH);
    }
}
