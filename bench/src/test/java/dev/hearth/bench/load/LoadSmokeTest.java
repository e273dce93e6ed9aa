package dev.hearth.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator, end to end, at smoke size (what CI runs so it never rots): Hearth and the relay in
 * JVMs of their own, real sockets, a drop and resume, the audit, the report and its files.
 */
class LoadSmokeTest {

    @TempDir
    Path dir;

    @Test
    void the_smoke_scenarios_run_against_hearth_and_the_relay_and_the_audit_passes() throws Exception {
        Map<String, List<Scenario>> smoke = Scenarios.all(true);
        List<Scenario> scenarios = smoke.values().stream().flatMap(List::stream).toList();

        List<ScenarioResult> results = new LoadRun(dir, List.of("-Xms256m", "-Xmx256m"), List.of())
                .run(scenarios, true, true);

        ScenarioResult hearthChat = find(results, "hearth", "a");
        assertThat(hearthChat.counts().acks()).as("acks").isPositive();
        assertThat(hearthChat.counts().deliveries()).as("every ack is delivered to the table of 3")
                .isGreaterThanOrEqualTo(hearthChat.counts().acks() * 2);
        assertThat(hearthChat.errorCount()).isZero();
        assertThat(hearthChat.audit().checked()).isTrue();
        assertThat(hearthChat.audit().clean()).isTrue();

        ScenarioResult relayChat = find(results, "relay", "a");
        assertThat(relayChat.counts().deliveries()).isPositive();
        assertThat(relayChat.errorCount()).isZero();

        ScenarioResult drop = find(results, "hearth", "g");
        assertThat(drop.audit().reconnects()).as("the dropped connection resumed").isPositive();
        assertThat(drop.audit().clean()).as(drop.audit().toString()).isTrue();

        LoadReport report = new LoadReport(Instant.now(), "test", results);
        assertThat(report.valid()).isTrue();
        report.write(dir);
        assertThat(dir.resolve("load.json")).content().contains("\"scenario\" : \"g\"", "\"valid\" : true");
        assertThat(Files.size(dir.resolve("hearth.log"))).isNotNegative();
    }

    private static ScenarioResult find(List<ScenarioResult> results, String target, String id) {
        return results.stream().filter(r -> r.target().equals(target) && r.scenario().id().equals(id)).findFirst()
                .orElseThrow();
    }
}
