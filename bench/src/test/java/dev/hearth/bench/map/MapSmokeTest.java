package dev.hearth.bench.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The map benchmark end to end at smoke size (what CI runs so it never rots): every scenario, a
 * fraction of a second each, the limits, the report and its file. It checks that the run completes
 * and its numbers are sane, never how fast anything is.
 */
class MapSmokeTest {

    @TempDir
    Path dir;

    @Test
    void every_scenario_runs_and_past_the_limits_each_command_is_refused_with_a_message() throws Exception {
        RunInfo info = RunInfo.start("test", Duration.ZERO, Duration.ofMillis(300), 1, 200, 1, 9);

        MapReport report = MapBench.run(info, MapScenario.ALL, new PrintStream(new ByteArrayOutputStream()));

        assertThat(report.valid()).isTrue();
        assertThat(report.results()).hasSize(3);
        for (ScenarioResult r : report.results()) {
            KindStats all = r.median().all();
            assertThat(all.count()).as(r.scenario().id()).isPositive();
            assertThat(all.perSecond()).as(r.scenario().id()).isPositive();
            assertThat(all.percentileMicros(50)).isLessThanOrEqualTo(all.percentileMicros(99));
            assertThat(all.percentileMicros(99)).isLessThanOrEqualTo(all.maxMicros());
            assertThat(all.rejected).as("refusals in %s: %s", r.scenario().id(), all.firstRejection)
                    .isLessThanOrEqualTo(Math.max(1, all.count() / 10));
            assertThat(r.median().kinds().values().stream().mapToLong(KindStats::count).sum()).isEqualTo(all.count());
            assertThat(r.state().roundTrip()).isTrue();
        }
        long baseline = report.results().get(0).state().snapshotBytes();
        long target = report.results().get(1).state().snapshotBytes();
        long limit = report.results().get(2).state().snapshotBytes();
        assertThat(baseline).isPositive().isLessThan(target);
        assertThat(limit).isGreaterThan(target).isGreaterThan(1_000_000);
        assertThat(report.limits()).hasSize(4).allSatisfy(c -> assertThat(c.rejection()).isPresent());

        var printed = new ByteArrayOutputStream();
        report.print(new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("baseline", "target", "limit", "Past the limits");
        Path file = report.write(dir);
        assertThat(file).content().contains("\"benchmark\" : \"map\"", "\"valid\" : true", "\"pastTheLimits\"",
                "\"ratiosToBaseline\"");
    }
}
