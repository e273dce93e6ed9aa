package dev.hearth.server.campaigns;

import static dev.hearth.server.campaigns.CampaignClient.assertRefused;
import static dev.hearth.server.campaigns.CampaignClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.server.TestServer;
import dev.hearth.server.auth.TestAccounts;
import dev.hearth.server.auth.TestAccounts.Registered;
import dev.hearth.server.auth.TestAuth;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input to the campaign API through real sockets: each answered clearly, each changing nothing. */
class CampaignApiTest {

    /** A clock the test moves, so invites expire without sleeping. */
    static final class Clock implements InstantSource {
        volatile Instant now = Instant.parse("2026-11-23T12:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }
    }

    @TempDir
    Path dir;

    final Clock clock = new Clock();
    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    TestServer server;
    CampaignClient client;
    TestAuth auth;
    Registered gm;
    Registered pia;
    String campaign;

    @BeforeEach
    void start() {
        server = TestServer.start(dir, clock, registry);
        auth = server.auth();
        client = new CampaignClient(server.port());
        gm = TestAccounts.register(auth.auth(), "gwen");
        pia = TestAccounts.register(auth.auth(), "pia");
        campaign = client.expect(201, gm.accessToken(), "POST", "/api/campaigns", json("name", "Keep")).path("id").asText();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    JsonNode invite(String role, int maxUses, long expiresInSeconds) {
        return client.expect(201, gm.accessToken(), "POST", "/api/campaigns/" + campaign + "/invites",
                json("role", role, "maxUses", maxUses, "expiresInSeconds", expiresInSeconds));
    }

    HttpResponse<String> accept(Registered who, String code) {
        return client.send(who.accessToken(), "POST", "/api/invites/" + code + "/accept", null);
    }

    JsonNode view() {
        return client.expect(200, gm.accessToken(), "GET", "/api/campaigns/" + campaign, null);
    }

    @Test
    void an_invite_joins_with_its_role_and_its_code_is_shown_once_and_stored_only_as_a_hash() throws Exception {
        JsonNode created = invite("spectator", 1, 3600);
        String code = created.path("code").asText();

        assertThat(code).matches("[A-Za-z0-9_-]{43}");
        assertThat(created.path("acceptPath").asText()).isEqualTo("/api/invites/" + code + "/accept");
        assertThat(view().path("invites").toString()).doesNotContain(code);
        JsonNode joined = CampaignClient.parse(accept(pia, code));
        assertThat(joined.path("joined").asBoolean()).isTrue();
        assertThat(joined.path("role").asText()).isEqualTo("spectator");
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("hearth.db"));
                var rs = c.createStatement().executeQuery("SELECT code_hash FROM campaign_invites")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).hasSize(64).isNotEqualTo(code);
        }
    }

    @Test
    void a_member_accepting_again_keeps_its_role_and_uses_nothing() {
        client.expect(200, pia.accessToken(), "POST", "/api/invites/" + invite("player", 5, 3600).path("code").asText()
                + "/accept", null);
        JsonNode gmInvite = invite("gm", 1, 3600);
        JsonNode before = view();

        JsonNode again = CampaignClient.parse(accept(pia, gmInvite.path("code").asText()));

        assertThat(again.path("joined").asBoolean()).isFalse();
        assertThat(again.path("role").asText()).isEqualTo("player");
        assertThat(view()).isEqualTo(before);
    }

    @Test
    void an_expired_invite_is_refused_and_changes_nothing() {
        String code = invite("player", 5, 60).path("code").asText();
        clock.now = clock.now.plusSeconds(61);
        Registered late = TestAccounts.register(auth.auth(), "late");
        JsonNode before = view();

        HttpResponse<String> r = accept(late, code);

        assertRefused(r, 410, "E013");
        assertThat(CampaignClient.parse(r).path("details").path("reason").asText()).isEqualTo("expired");
        assertThat(view()).isEqualTo(before);
    }

    @Test
    void an_exhausted_invite_is_refused_and_changes_nothing() {
        String code = invite("player", 1, 3600).path("code").asText();
        client.expect(200, pia.accessToken(), "POST", "/api/invites/" + code + "/accept", null);
        Registered second = TestAccounts.register(auth.auth(), "second");
        JsonNode before = view();

        HttpResponse<String> r = accept(second, code);

        assertRefused(r, 410, "E013");
        assertThat(CampaignClient.parse(r).path("details").path("reason").asText()).isEqualTo("exhausted");
        assertThat(view()).isEqualTo(before);
    }

    @Test
    void a_revoked_invite_is_refused_and_changes_nothing() {
        JsonNode invite = invite("player", 5, 3600);
        client.expect(204, gm.accessToken(), "DELETE", "/api/campaigns/" + campaign + "/invites/" + invite.path("id").asText(), null);
        JsonNode before = view();

        HttpResponse<String> r = accept(pia, invite.path("code").asText());

        assertRefused(r, 410, "E013");
        assertThat(CampaignClient.parse(r).path("details").path("reason").asText()).isEqualTo("revoked");
        assertThat(view()).isEqualTo(before);
    }

    @Test
    void unknown_and_malformed_invite_codes_are_refused_alike() {
        JsonNode before = view();

        assertRefused(accept(pia, "A".repeat(43)), 404, "E013");
        assertRefused(accept(pia, "x'%20OR%20'1'='1"), 404, "E013");
        assertThat(view()).isEqualTo(before);
    }

    @Test
    void a_banned_account_cannot_rejoin_with_a_fresh_invite() {
        client.expect(200, pia.accessToken(), "POST", "/api/invites/" + invite("player", 1, 3600).path("code").asText()
                + "/accept", null);
        client.expect(204, gm.accessToken(), "DELETE", "/api/campaigns/" + campaign + "/members/" + pia.id() + "?ban=true", null);
        String fresh = invite("spectator", 1, 3600).path("code").asText();
        JsonNode before = view();

        assertRefused(accept(pia, fresh), 403, "E011");
        assertThat(view()).isEqualTo(before);
        assertRefused(client.send(pia.accessToken(), "GET", "/api/campaigns/" + campaign, null), 404, "E005");
    }

    @Test
    void sql_and_script_text_in_names_is_stored_verbatim_and_returned_json_escaped() {
        String name = "x'); DROP TABLE campaigns;-- <script>alert(\"hi\")</script> \\";

        HttpResponse<String> created = client.send(gm.accessToken(), "POST", "/api/campaigns", json("name", name));
        String id = CampaignClient.parse(created).path("id").asText();
        HttpResponse<String> session = client.send(gm.accessToken(), "POST", "/api/campaigns/" + id + "/sessions",
                json("name", name));

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).contains("\\\"hi\\\"").contains("\\\\");
        assertThat(created.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(CampaignClient.parse(session).path("name").asText()).isEqualTo(name);
        JsonNode view = client.expect(200, gm.accessToken(), "GET", "/api/campaigns/" + id, null);
        assertThat(view.path("name").asText()).isEqualTo(name);
        assertThat(view.path("sessions").get(0).path("name").asText()).isEqualTo(name);
        client.expect(200, gm.accessToken(), "GET", "/api/campaigns", null);
    }

    @Test
    void names_that_are_blank_too_long_or_hold_control_characters_are_refused_naming_the_field() {
        JsonNode before = client.expect(200, gm.accessToken(), "GET", "/api/campaigns", null);

        for (String bad : new String[] {"", "   ", "a".repeat(101), "line\nbreak", "nul\u0000"}) {
            HttpResponse<String> r = client.send(gm.accessToken(), "POST", "/api/campaigns", json("name", bad));
            assertRefused(r, 400, "E007");
            assertThat(CampaignClient.parse(r).path("details").path("field").asText()).isEqualTo("name");
            assertRefused(client.send(gm.accessToken(), "POST", "/api/campaigns/" + campaign + "/sessions",
                    json("name", bad)), 400, "E007");
        }
        assertRefused(client.send(gm.accessToken(), "POST", "/api/campaigns", "{}"), 400, "E007");
        assertThat(client.expect(200, gm.accessToken(), "GET", "/api/campaigns", null)).isEqualTo(before);
        assertThat(view().path("sessions").size()).isZero();
    }

    @Test
    void oversize_bodies_unknown_fields_and_malformed_json_are_refused_and_change_nothing() {
        JsonNode before = view();
        String big = json("name", "x".repeat(CampaignEndpoints.BODY_LIMIT));

        assertRefused(client.send(gm.accessToken(), "POST", "/api/campaigns", big), 413, "E003");
        assertRefused(client.send(gm.accessToken(), "POST", "/api/campaigns/" + campaign + "/sessions", big), 413, "E003");
        assertRefused(client.send(gm.accessToken(), "POST", "/api/campaigns/" + campaign + "/invites", big), 413, "E003");
        assertRefused(client.send(gm.accessToken(), "POST", "/api/campaigns/" + campaign + "/sessions",
                json("name", "S", "admin", true)), 400, "E007");
        assertRefused(client.send(gm.accessToken(), "POST", "/api/campaigns/" + campaign + "/invites",
                "{\"role\": \"player\""), 400, "E007");
        assertRefused(client.send(gm.accessToken(), "POST", "/api/campaigns/" + campaign + "/invites",
                json("role", "owner")), 400, "E007");
        assertRefused(client.send(gm.accessToken(), "POST", "/api/campaigns/" + campaign + "/invites",
                json("role", "player", "maxUses", 0)), 400, "E007");
        assertRefused(client.send(gm.accessToken(), "POST", "/api/campaigns/" + campaign + "/invites",
                json("role", "player", "expiresInSeconds", 31L * 24 * 3600)), 400, "E007");
        assertThat(view()).isEqualTo(before);
        assertThat(client.expect(200, gm.accessToken(), "GET", "/api/campaigns", null).path("campaigns").size()).isEqualTo(1);
    }

    @Test
    void malformed_ids_are_refused_clearly() {
        JsonNode before = view();

        assertRefused(client.send(gm.accessToken(), "GET", "/api/campaigns/not-a-uuid", null), 400, "E007");
        assertRefused(client.send(gm.accessToken(), "GET", "/api/campaigns/1%27%20OR%201=1", null), 400, "E007");
        assertRefused(client.send(gm.accessToken(), "PATCH", "/api/campaigns/" + campaign + "/members/bob",
                json("role", "gm")), 400, "E007");
        assertRefused(client.send(gm.accessToken(), "DELETE", "/api/campaigns/" + campaign + "/members/" + pia.id()
                + "?ban=maybe", null), 400, "E007");
        assertRefused(client.send(gm.accessToken(), "DELETE", "/api/campaigns/" + campaign + "/invites/nope", null), 404, "E006");
        assertRefused(client.send(gm.accessToken(), "DELETE", "/api/campaigns/" + campaign + "/members/" + pia.id(), null),
                404, "E006");
        assertRefused(client.send(gm.accessToken(), "POST", "/api/campaigns/" + campaign + "/owner",
                json("userId", "x")), 400, "E007");
        assertThat(view()).isEqualTo(before);
    }

    @Test
    void a_campaign_that_does_not_exist_looks_like_one_you_are_not_in() {
        HttpResponse<String> missing = client.send(pia.accessToken(), "GET",
                "/api/campaigns/00000000-0000-0000-0000-000000000000", null);
        HttpResponse<String> notMine = client.send(pia.accessToken(), "GET", "/api/campaigns/" + campaign, null);

        assertRefused(missing, 404, "E005");
        assertRefused(notMine, 404, "E005");
        assertThat(CampaignClient.parse(missing)).isEqualTo(CampaignClient.parse(notMine));
    }

    @Test
    void the_owner_stays_a_gm_and_ownership_goes_only_to_a_gm() {
        client.expect(200, pia.accessToken(), "POST", "/api/invites/" + invite("player", 1, 3600).path("code").asText()
                + "/accept", null);
        JsonNode before = view();

        assertRefused(client.send(gm.accessToken(), "PATCH", "/api/campaigns/" + campaign + "/members/" + gm.id(),
                json("role", "player")), 409, "E012");
        assertRefused(client.send(gm.accessToken(), "DELETE", "/api/campaigns/" + campaign + "/members/" + gm.id(), null),
                409, "E012");
        assertRefused(client.send(gm.accessToken(), "POST", "/api/campaigns/" + campaign + "/owner",
                json("userId", pia.id())), 409, "E012");
        assertThat(view()).isEqualTo(before);
    }

    @Test
    void every_campaign_route_needs_a_valid_bearer_token() {
        for (String[] route : new String[][] {{"GET", "/api/campaigns"}, {"POST", "/api/campaigns"},
                {"GET", "/api/campaigns/" + campaign}, {"DELETE", "/api/campaigns/" + campaign},
                {"POST", "/api/invites/" + "A".repeat(43) + "/accept"}}) {
            HttpResponse<String> r = client.send("forged." + gm.accessToken().substring(7), route[0], route[1], null);
            assertRefused(r, 401, "E002");
            assertRefused(client.send(null, route[0], route[1], null), 401, "E002");
        }
        assertThat(view().path("name").asText()).isEqualTo("Keep");
    }
}
