package dev.hearth.server.realtime;

import static dev.hearth.server.realtime.WsClient.assertError;
import static dev.hearth.server.realtime.WsClient.payload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.server.auth.TestAccounts;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real-time authentication through real sockets: the upgrade's Origin check, single-use tickets,
 * no tokens in URLs, in-band re-authentication, and connections closed when a sign-in or a
 * membership ends.
 */
class RealtimeAuthTest {

    TestTable table;

    @BeforeEach
    void start(@TempDir Path dir) {
        table = TestTable.start(dir);
    }

    @AfterEach
    void stop() {
        table.close();
    }

    @Test
    void an_upgrade_from_a_foreign_origin_is_refused_before_any_message() {
        assertThatThrownBy(() -> WsClient.connect(table.port(), table.sessionPath(),
                Map.of("Origin", "https://evil.example"))).hasStackTraceContaining("403");
        try (WsClient same = WsClient.connect(table.port(), table.sessionPath(),
                Map.of("Origin", "http://127.0.0.1:" + table.port()))) {
            assertThat(same.hello(table.alice.accessToken(), null).path("type").asText()).isEqualTo("welcome");
        }
    }

    @Test
    void a_token_in_the_url_is_refused() {
        assertThatThrownBy(() -> WsClient.connect(table.port(), table.sessionPath() + "?token="
                + table.alice.accessToken())).hasStackTraceContaining("400");
    }

    @Test
    void a_ticket_admits_once_without_a_token_in_hello() {
        JsonNode ticket = table.expect(200, table.alice.accessToken(), "POST", "/api/realtime/ticket", null);
        assertThat(ticket.path("expiresInSeconds").asInt()).isBetween(1, 60);
        String path = table.sessionPath() + "?ticket=" + ticket.path("ticket").asText();
        try (WsClient c = WsClient.connect(table.port(), path)) {
            JsonNode welcome = c.hello(null, null);
            assertThat(welcome.path("type").asText()).as(welcome.toString()).isEqualTo("welcome");
            assertThat(welcome.path("payload").path("userId").asText()).isEqualTo(table.alice.id());
        }
        assertThatThrownBy(() -> WsClient.connect(table.port(), path)).hasStackTraceContaining("401");
        HttpResponse<String> anonymous = table.send(null, "POST", "/api/realtime/ticket", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    void a_fresh_token_re_authenticates_in_band_and_another_accounts_token_is_refused() {
        try (WsClient alice = table.seat(table.alice)) {
            TestAccounts.Registered again = table.login(table.alice);
            JsonNode ok = alice.command("auth", payload("token", again.accessToken()));
            assertThat(ok.path("type").asText()).as(ok.toString()).isEqualTo("auth_ok");
            assertThat(ok.path("payload").path("expiresAt").asLong()).isPositive();
            assertError(alice.command("auth", payload("token", table.bob.accessToken())), "E002");
            assertError(alice.command("auth", payload("token", "not-a-token")), "E002");
            assertThat(alice.command("chat.post", payload("text", "still here")).path("type").asText()).isEqualTo("ack");
        }
    }

    @Test
    void a_password_change_closes_the_accounts_connections_within_seconds() {
        try (WsClient alice = table.seat(table.alice); WsClient bob = table.seat(table.bob)) {
            table.expect(204, table.alice.accessToken(), "POST", "/api/auth/password",
                    "{\"currentPassword\":\"" + TestAccounts.PASSWORD + "\",\"newPassword\":\"another long passphrase\"}");
            assertError(alice.next(m -> m.path("type").asText().equals("error")), "E002");
            assertThat(alice.awaitClose()).isEqualTo(4401);
            assertThat(bob.command("chat.post", payload("text", "bob stays")).path("type").asText()).isEqualTo("ack");
        }
    }

    @Test
    void a_removed_member_is_closed_and_a_changed_role_applies_at_once() {
        try (WsClient alice = table.seat(table.alice); WsClient bob = table.seat(table.bob)) {
            table.expect(200, table.gm.accessToken(), "PATCH", "/api/campaigns/" + table.campaignId + "/members/"
                    + table.bob.id(), "{\"role\":\"spectator\"}");
            JsonNode refused = bob.command("chat.post", payload("text", "demoted"));
            assertError(refused, "E011");
            table.expect(204, table.gm.accessToken(), "DELETE", "/api/campaigns/" + table.campaignId + "/members/"
                    + table.alice.id(), null);
            assertError(alice.next(m -> m.path("type").asText().equals("error")), "E005");
            assertThat(alice.awaitClose()).isEqualTo(4403);
        }
    }
}
