package dev.hearth.bench.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a run as JSON ({@code store.json}): per scenario the median trial's figures, with every
 * trial nested under {@code trials}; then the ratios and the targets. The shape is built field by field rather than by
 * serialising the records, so renaming a class never silently changes the file tools read.
 */
final class ResultFile {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultFile() {}

    static Path write(Path dir, RunInfo run, List<ScenarioSummary> summaries) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("benchmark", "store-append");
        root.put("startedAt", run.startedAt().toString());
        root.put("command", run.command());
        root.put("store", run.storeBuild());
        root.set("machine", machine(run.machine()));
        ObjectNode settings = root.putObject("settings");
        settings.put("warmupSeconds", run.warmup().toMillis() / 1000.0);
        settings.put("measureSeconds", run.measure().toMillis() / 1000.0);
        settings.put("trials", run.trials());
        settings.put("pipeline", run.pipeline());
        settings.put("payloadBytes", Math.round(run.payloadBytes()));
        settings.put("eventsPerAppend", 1);

        ArrayNode scenarios = root.putArray("results");
        for (ScenarioSummary summary : summaries) {
            ObjectNode n = result(summary.median());
            n.put("valid", summary.valid());
            n.put("minEventsPerSecond", Math.round(summary.minEventsPerSecond()));
            n.put("maxEventsPerSecond", Math.round(summary.maxEventsPerSecond()));
            ArrayNode trials = n.putArray("trials");
            summary.trials().forEach(t -> trials.add(result(t)));
            scenarios.add(n);
        }
        ArrayNode ratios = root.putArray("ratios");
        for (Ratio r : Ratio.of(summaries)) {
            ratios.addObject()
                    .put("engine", r.database().id())
                    .put("sessions", r.sessions())
                    .put("onEventsPerSecond", Math.round(r.onEventsPerSecond()))
                    .put("offEventsPerSecond", Math.round(r.offEventsPerSecond()))
                    .put("ratio", round(r.ratio(), 2));
        }
        ArrayNode targets = root.putArray("targets");
        for (TargetCheck t : TargetCheck.of(summaries)) {
            targets.addObject().put("target", t.target()).put("measured", t.measured()).put("met", t.met());
        }

        Files.createDirectories(dir);
        Path file = dir.resolve("store.json");
        JSON.writeValue(file.toFile(), root);
        return file;
    }

    private static ObjectNode machine(Machine m) {
        return JSON.createObjectNode()
                .put("cpus", m.cpus())
                .put("cpuModel", m.cpuModel())
                .put("memoryGiB", round(m.memoryGiB(), 1))
                .put("jdk", m.jdk())
                .put("os", m.os())
                .put("sqlite", m.sqliteVersion())
                .put("postgresql", m.postgresVersion())
                .put("fsync4kMedianMillis", round(m.disk().medianMillis(), 3))
                .put("fsync4kP99Millis", round(m.disk().p99Millis(), 3));
    }

    private static ObjectNode result(ScenarioResult r) {
        Scenario s = r.scenario();
        ObjectNode n = JSON.createObjectNode()
                .put("engine", s.database().id())
                .put("sessions", s.sessions())
                .put("groupCommit", s.groupCommit().id())
                .put("pipeline", s.pipeline())
                .put("maxBatchEvents", s.settings().maxBatchEvents())
                .put("maxWaitMicros", s.settings().maxWait().toNanos() / 1000)
                .put("queueCapacity", s.settings().queueCapacity())
                .put("valid", r.valid())
                .put("eventsPerSecond", Math.round(r.eventsPerSecond()))
                .put("measuredEvents", r.measuredEvents())
                .put("measuredSeconds", round(r.seconds(), 3));
        n.putObject("latencyMillis")
                .put("p50", round(r.latency().p50(), 3))
                .put("p90", round(r.latency().p90(), 3))
                .put("p99", round(r.latency().p99(), 3))
                .put("p999", round(r.latency().p999(), 3))
                .put("max", round(r.latency().max(), 3));
        n.putObject("transactions")
                .put("count", r.batches().batches())
                .put("writesPerTransaction", round(r.batches().writesPerBatch(), 2))
                .put("commitMillis", round(r.batches().commitMillis(), 3));
        n.putObject("audit")
                .put("passed", r.audit().passed())
                .put("ackedEvents", r.ackedEvents())
                .put("eventsReadBack", r.audit().eventsChecked())
                .set("problems", JSON.valueToTree(r.audit().problems()));
        n.set("writerFailures", JSON.valueToTree(r.failures()));
        n.put("loadAverageAtStart", round(r.loadAverage(), 2));
        n.putObject("cpuCores")
                .put("bench", round(r.cpu().bench(), 2))
                .put("postgres", round(r.cpu().postgres(), 2))
                .put("other", round(r.cpu().other(), 2));
        n.put("database", r.location());
        return n;
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
