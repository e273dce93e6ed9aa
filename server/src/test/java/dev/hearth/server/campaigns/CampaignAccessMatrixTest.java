package dev.hearth.server.campaigns;

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
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole authorization matrix through the public HTTP API: every kind of caller against every
 * campaign route, each on a fresh campaign. An allowed call must have its effect; a denied call must
 * answer its status and code and change nothing (the owner's full view of the campaign, invites
 * included, and the caller's own campaign list are the same before and after).
 *
 * <p>The expected table is written out here by hand, not derived from {@code AccessPolicy}: the
 * test checks the policy, it does not restate it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CampaignAccessMatrixTest {

    enum Caller { OWNER, CO_GM, PLAYER, SPECTATOR, OUTSIDER, BANNED }

    static final Set<Caller> MEMBERS = EnumSet.of(Caller.OWNER, Caller.CO_GM, Caller.PLAYER, Caller.SPECTATOR);
    static final Set<Caller> GMS = EnumSet.of(Caller.OWNER, Caller.CO_GM);
    static final Set<Caller> OWNER = EnumSet.of(Caller.OWNER);
    static final Set<Caller> EVERYONE = EnumSet.allOf(Caller.class);

    /** A campaign with one member of each kind, a banned account, a target player, an open invite and a session. */
    record Fixture(String id, String openInviteId, String openCode) {}

    /** One route as called in the matrix, who may call it, and what an allowed call must have done. */
    record Route(String name, String method, Function<Fixture, String> path, String body, Set<Caller> allowed,
            int allowedStatus, Effect effect) {}

    /** Checks an allowed call's effect on the owner's view: before, after (null when the campaign is gone). */
    interface Effect extends BiConsumer<JsonNode, JsonNode> {}

    static final Effect NOTHING = (before, after) -> assertThat(after).isEqualTo(before);

    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    TestServer server;
    CampaignClient client;
    final Map<Caller, Registered> users = new EnumMap<>(Caller.class);
    Registered target;

    @BeforeAll
    void start(@TempDir Path dir) {
        server = TestServer.start(dir, InstantSource.system(), registry);
        TestAuth auth = server.auth();
        client = new CampaignClient(server.port());
        for (Caller c : Caller.values()) {
            users.put(c, TestAccounts.register(auth.auth(), c.name().toLowerCase().replace("_", "")));
        }
        target = TestAccounts.register(auth.auth(), "target");
    }

    @AfterAll
    void stop() {
        client.close();
        server.close();
    }

    String token(Caller c) {
        return users.get(c).accessToken();
    }

    Fixture fixture() {
        String owner = token(Caller.OWNER);
        String id = client.expect(201, owner, "POST", "/api/campaigns", json("name", "Matrix")).path("id").asText();
        join(id, Caller.CO_GM, "gm");
        join(id, Caller.PLAYER, "player");
        join(id, Caller.SPECTATOR, "spectator");
        join(id, Caller.BANNED, "player");
        joinAs(id, target.accessToken(), "player");
        client.expect(204, owner, "DELETE", "/api/campaigns/" + id + "/members/" + users.get(Caller.BANNED).id() + "?ban=true", null);
        JsonNode open = client.expect(201, owner, "POST", "/api/campaigns/" + id + "/invites",
                json("role", "player", "maxUses", 10));
        client.expect(201, owner, "POST", "/api/campaigns/" + id + "/sessions", json("name", "Session 1"));
        return new Fixture(id, open.path("id").asText(), open.path("code").asText());
    }

    void join(String id, Caller who, String role) {
        joinAs(id, token(who), role);
    }

    void joinAs(String id, String token, String role) {
        String code = client.expect(201, token(Caller.OWNER), "POST", "/api/campaigns/" + id + "/invites",
                json("role", role)).path("code").asText();
        client.expect(200, token, "POST", "/api/invites/" + code + "/accept", null);
    }

    JsonNode ownerView(Fixture f) {
        HttpResponse<String> r = client.send(token(Caller.OWNER), "GET", "/api/campaigns/" + f.id(), null);
        return r.statusCode() == 200 ? CampaignClient.parse(r) : null;
    }

    JsonNode campaignsOf(Caller c) {
        return client.expect(200, token(c), "GET", "/api/campaigns", null);
    }

    static JsonNode member(JsonNode view, String userId) {
        return StreamSupport.stream(view.path("members").spliterator(), false)
                .filter(m -> m.path("userId").asText().equals(userId)).findFirst().orElse(null);
    }

    List<Route> routes() {
        String coGm = users.get(Caller.CO_GM).id();
        String outsider = users.get(Caller.OUTSIDER).id();
        return List.of(
                new Route("view the campaign", "GET", f -> "/api/campaigns/" + f.id(), null, MEMBERS, 200, NOTHING),
                new Route("list my campaigns", "GET", f -> "/api/campaigns", null, EVERYONE, 200, NOTHING),
                new Route("create a campaign", "POST", f -> "/api/campaigns", json("name", "Another"), EVERYONE, 201, NOTHING),
                new Route("delete the campaign", "DELETE", f -> "/api/campaigns/" + f.id(), null, OWNER, 204,
                        (before, after) -> assertThat(after).isNull()),
                new Route("create an invite", "POST", f -> "/api/campaigns/" + f.id() + "/invites", json("role", "spectator"),
                        GMS, 201, (before, after) -> assertThat(after.path("invites").size())
                                .isEqualTo(before.path("invites").size() + 1)),
                new Route("list invites", "GET", f -> "/api/campaigns/" + f.id() + "/invites", null, GMS, 200, NOTHING),
                new Route("revoke an invite", "DELETE", f -> "/api/campaigns/" + f.id() + "/invites/" + f.openInviteId(), null,
                        GMS, 204, (before, after) -> assertThat(after.path("invites").findValues("revoked"))
                                .filteredOn(JsonNode::asBoolean).hasSize(1)),
                new Route("change a player's role", "PATCH", f -> "/api/campaigns/" + f.id() + "/members/" + target.id(),
                        json("role", "spectator"), GMS, 200,
                        (before, after) -> assertThat(member(after, target.id()).path("role").asText()).isEqualTo("spectator")),
                new Route("demote a co-GM", "PATCH", f -> "/api/campaigns/" + f.id() + "/members/" + coGm,
                        json("role", "player"), OWNER, 200,
                        (before, after) -> assertThat(member(after, coGm).path("role").asText()).isEqualTo("player")),
                new Route("remove a player", "DELETE", f -> "/api/campaigns/" + f.id() + "/members/" + target.id(), null,
                        GMS, 204, (before, after) -> assertThat(member(after, target.id())).isNull()),
                new Route("ban a player", "DELETE", f -> "/api/campaigns/" + f.id() + "/members/" + target.id() + "?ban=true",
                        null, GMS, 204, (before, after) -> assertThat(member(after, target.id())).isNull()),
                new Route("remove a co-GM", "DELETE", f -> "/api/campaigns/" + f.id() + "/members/" + coGm, null, OWNER, 204,
                        (before, after) -> assertThat(member(after, coGm)).isNull()),
                new Route("transfer ownership", "POST", f -> "/api/campaigns/" + f.id() + "/owner", json("userId", coGm),
                        OWNER, 204, (before, after) -> assertThat(after.path("ownerId").asText()).isEqualTo(coGm)),
                new Route("create a session", "POST", f -> "/api/campaigns/" + f.id() + "/sessions", json("name", "Session 2"),
                        GMS, 201, (before, after) -> assertThat(after.path("sessions").size())
                                .isEqualTo(before.path("sessions").size() + 1)),
                new Route("list sessions", "GET", f -> "/api/campaigns/" + f.id() + "/sessions", null, MEMBERS, 200, NOTHING),
                // Members accept again without effect; an outsider joins; the banned account is refused.
                new Route("accept an invite", "POST", f -> "/api/invites/" + f.openCode() + "/accept", null,
                        EnumSet.complementOf(EnumSet.of(Caller.BANNED)), 200, (before, after) -> {
                            JsonNode joined = member(after, outsider);
                            if (joined != null) {
                                assertThat(joined.path("role").asText()).isEqualTo("player");
                                assertThat(after.path("members").size()).isEqualTo(before.path("members").size() + 1);
                            } else {
                                assertThat(after).isEqualTo(before);
                            }
                        }));
    }

    @TestFactory
    List<DynamicTest> every_caller_against_every_route() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Route route : routes()) {
            for (Caller caller : Caller.values()) {
                boolean allowed = route.allowed().contains(caller);
                tests.add(DynamicTest.dynamicTest(caller + " " + (allowed ? "may " : "may not ") + route.name(),
                        () -> check(route, caller, allowed)));
            }
        }
        return tests;
    }

    void check(Route route, Caller caller, boolean allowed) {
        Fixture f = fixture();
        JsonNode before = ownerView(f);
        JsonNode callersCampaigns = campaignsOf(caller);

        HttpResponse<String> r = client.send(token(caller), route.method(), route.path().apply(f), route.body());

        if (allowed) {
            assertThat(r.statusCode()).as(r.body()).isEqualTo(route.allowedStatus());
            route.effect().accept(before, ownerView(f));
            return;
        }
        boolean outside = caller == Caller.OUTSIDER || caller == Caller.BANNED;
        if (route.name().equals("accept an invite")) {
            CampaignClient.assertRefused(r, 403, "E011"); // the banned account, who holds a valid code
        } else if (outside) {
            CampaignClient.assertRefused(r, 404, "E005"); // as if the campaign did not exist
        } else {
            CampaignClient.assertRefused(r, 403, "E011");
        }
        assertThat(ownerView(f)).as("a denied call changes nothing").isEqualTo(before);
        assertThat(campaignsOf(caller)).isEqualTo(callersCampaigns);
    }
}
