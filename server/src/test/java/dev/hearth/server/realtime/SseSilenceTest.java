package dev.hearth.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An SSE listener cannot send heartbeats: however short the silence timeout, its stream stays open. */
class SseSilenceTest {

    @Test
    void a_silent_sse_listener_outlives_the_silence_timeout(@TempDir Path dir) throws Exception {
        RealtimeSettings quick = RealtimeSettings.DEFAULT.withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(30),
                Duration.ofSeconds(1));
        try (TestTable table = TestTable.start(dir, quick);
                SseClient bob = SseClient.open(table.port(), "/sse/activity/" + table.sessionId, table.bob.accessToken())) {
            assertThat(bob.nextOfType("welcome").frame().path("payload").path("role").asText()).isEqualTo("player");
            Thread.sleep(3500);
            table.expect(200, table.alice.accessToken(), "POST", "/api/sessions/" + table.sessionId + "/commands",
                    "{\"id\":\"quiet-1\",\"type\":\"chat.post\",\"payload\":{\"text\":\"still there?\"}}");
            assertThat(bob.next(e -> e.frame().toString().contains("still there?")).id()).isNotNull();
            assertThat(bob.seenSoFar()).noneMatch(e -> e.event().equals("close"));
        }
    }
}
