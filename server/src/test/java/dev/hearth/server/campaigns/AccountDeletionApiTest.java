package dev.hearth.server.campaigns;

import static dev.hearth.server.campaigns.CampaignClient.assertRefused;
import static dev.hearth.server.campaigns.CampaignClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.server.TestServer;
import dev.hearth.server.auth.TestAccounts;
import dev.hearth.server.auth.TestAccounts.Registered;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code DELETE /api/me} and campaigns, through real sockets: an owner's account stays until each of
 * its campaigns is transferred or deleted; any other account leaves every campaign it was in.
 */
class AccountDeletionApiTest {

    @TempDir
    Path dir;

    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    TestServer server;
    CampaignClient client;
    Registered gm;
    Registered pia;
    String keep;

    @BeforeEach
    void start() {
        server = TestServer.start(dir, InstantSource.system(), registry);
        client = new CampaignClient(server.port());
        gm = TestAccounts.register(server.auth().auth(), "gwen");
        pia = TestAccounts.register(server.auth().auth(), "pia");
        keep = create(gm, "Keep");
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    String create(Registered owner, String name) {
        return client.expect(201, owner.accessToken(), "POST", "/api/campaigns", json("name", name)).path("id").asText();
    }

    void join(Registered who, String campaign, String role) {
        String code = client.expect(201, gm.accessToken(), "POST", "/api/campaigns/" + campaign + "/invites",
                json("role", role)).path("code").asText();
        client.expect(200, who.accessToken(), "POST", "/api/invites/" + code + "/accept", null);
    }

    HttpResponse<String> deleteAccount(Registered who) {
        return client.send(who.accessToken(), "DELETE", "/api/me", json("password", TestAccounts.PASSWORD));
    }

    List<String> memberIds(Registered viewer, String campaign) {
        List<String> ids = new ArrayList<>();
        client.expect(200, viewer.accessToken(), "GET", "/api/campaigns/" + campaign, null).path("members")
                .forEach(m -> ids.add(m.path("userId").asText()));
        return ids;
    }

    @Test
    void an_owner_is_refused_with_every_campaign_to_transfer_or_delete_and_nothing_changes() {
        String tavern = create(gm, "Tavern");
        join(pia, keep, "player");

        HttpResponse<String> r = deleteAccount(gm);

        assertRefused(r, 409, "E012");
        JsonNode body = CampaignClient.parse(r);
        assertThat(body.path("details").path("reason").asText()).isEqualTo("owns_campaigns");
        List<String> named = new ArrayList<>();
        body.path("details").path("campaigns").forEach(c -> named.add(c.path("id").asText() + " " + c.path("name").asText()));
        assertThat(named).containsExactlyInAnyOrder(keep + " Keep", tavern + " Tavern");
        assertThat(body.path("message").asText()).contains("'Keep'", "'Tavern'", "transfer");
        assertThat(client.expect(200, gm.accessToken(), "GET", "/api/me", null).path("id").asText()).isEqualTo(gm.id());
        assertThat(memberIds(pia, keep)).containsExactlyInAnyOrder(gm.id(), pia.id());
    }

    @Test
    void an_owner_who_transferred_or_deleted_each_campaign_can_delete_the_account() {
        String tavern = create(gm, "Tavern");
        join(pia, keep, "gm");
        client.expect(204, gm.accessToken(), "POST", "/api/campaigns/" + keep + "/owner", json("userId", pia.id()));
        assertRefused(deleteAccount(gm), 409, "E012");
        client.expect(204, gm.accessToken(), "DELETE", "/api/campaigns/" + tavern, null);

        assertThat(deleteAccount(gm).statusCode()).isEqualTo(204);

        assertThat(memberIds(pia, keep)).containsExactly(pia.id());
        JsonNode view = client.expect(200, pia.accessToken(), "GET", "/api/campaigns/" + keep, null);
        assertThat(view.path("ownerId").asText()).isEqualTo(pia.id());
        assertRefused(client.send(gm.accessToken(), "GET", "/api/campaigns", null), 401, "E002");
    }

    @Test
    void a_member_account_deleted_leaves_every_campaign_it_was_in() throws Exception {
        String tavern = create(gm, "Tavern");
        join(pia, keep, "player");
        join(pia, tavern, "spectator");

        assertThat(deleteAccount(pia).statusCode()).isEqualTo(204);

        assertThat(memberIds(gm, keep)).containsExactly(gm.id());
        assertThat(memberIds(gm, tavern)).containsExactly(gm.id());
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("hearth.db"));
                var rs = c.createStatement().executeQuery(
                        "SELECT count(*) FROM campaign_members WHERE account_id = '" + pia.id() + "'")) {
            assertThat(rs.getInt(1)).as("membership rows left behind").isZero();
        }
        assertRefused(client.send(pia.accessToken(), "GET", "/api/campaigns", null), 401, "E002");
    }
}
