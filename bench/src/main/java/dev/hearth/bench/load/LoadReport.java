package dev.hearth.bench.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.Color;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A load run's figures: a table per scenario (Hearth beside the relay, with Hearth as a share of
 * the relay), the targets, {@code load.json}, and the two plots.
 */
final class LoadReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Instant startedAt;
    private final String command;
    private final List<ScenarioResult> results;

    LoadReport(Instant startedAt, String command, List<ScenarioResult> results) {
        this.startedAt = startedAt;
        this.command = command;
        this.results = List.copyOf(results);
    }

    /** A run whose audit found a lost or duplicated event has no figures worth quoting. */
    boolean valid() {
        return results.stream().allMatch(r -> r.audit().clean());
    }

    /** One issue-7 target, checked against this run. */
    record TargetCheck(String target, String measured, boolean met) {}

    void print(PrintStream out) {
        out.println();
        out.printf(Locale.ROOT, "Load benchmark: %d CPUs, %s; %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.runtime.version"), command);
        out.println();
        out.printf("%-10s %-6s %6s %9s %9s %11s %9s %8s %8s %8s %8s %8s %9s %5s %6s  %s%n", "scenario", "target", "conns",
                "offered/s", "acks/s", "deliver/s", "cursor/s", "ack p50", "ack p99", "dlv p50", "dlv p99", "dlv max",
                "conn p99", "errs", "cores", "audit");
        for (ScenarioResult r : results) {
            out.printf(Locale.ROOT, "%-10s %-6s %,6d %,9.0f %,9.0f %,11.0f %,9.0f %8.2f %8.2f %8.2f %8.2f %8.1f %9.1f %5d %6s  %s%n",
                    r.scenario().id(), r.target(), r.connections(), r.offeredCommands(), r.acksPerSecond(),
                    r.deliveriesPerSecond(), r.cursorDeliveriesPerSecond(), r.ack().p50(), r.ack().p99(),
                    r.delivery().p50(), r.delivery().p99(), r.delivery().max(), r.connect().p99(), r.errorCount(),
                    String.format(Locale.ROOT, "%.2f/%.2f", r.targetCores(), r.generatorCores()), audit(r));
            if (!r.errors().isEmpty() || r.connectFailures() > 0) {
                out.println("           errors: " + r.errors() + ", connect failures " + r.connectFailures()
                        + ", unexpected closes " + r.counts().unexpectedCloses() + ", commands resent when asked "
                        + r.counts().retries());
            }
            if (!r.memory().isEmpty()) {
                out.printf(Locale.ROOT, "           live heap: %s; %.1f KB per connection%n", r.memory().stream()
                        .map(m -> String.format(Locale.ROOT, "%,d conns %.1f MB", m.connections(), m.liveHeapBytes() / 1e6))
                        .toList(), r.heapPerConnection() / 1024);
            }
        }
        out.println("(latencies in ms; 'cores' = the server's / the generator's CPU use in the window)");
        List<String> ratios = ratios();
        if (!ratios.isEmpty()) {
            out.println();
            out.println("Hearth as a share of the raw relay, same scenario, same run:");
            ratios.forEach(line -> out.println("  " + line));
        }
        out.println();
        for (TargetCheck t : targets()) {
            out.printf("%-7s %s: %s%n", t.met() ? "MET" : "MISSED", t.target(), t.measured());
        }
    }

    private static String audit(ScenarioResult r) {
        ScenarioResult.Audit a = r.audit();
        if (!a.checked()) {
            return "-";
        }
        return a.clean() ? "ok (" + a.reconnects() + " resumes)"
                : String.format(Locale.ROOT, "LOST %d, DUPLICATED %d, gaps %d, unacked %d, refused resumes %d", a.behind(),
                        a.duplicates(), a.gaps(), a.unacknowledged(), a.resumesRefused());
    }

    private List<String> ratios() {
        List<String> lines = new ArrayList<>();
        for (ScenarioResult h : results) {
            if (!h.target().equals("hearth")) {
                continue;
            }
            find("relay", h.scenario().id()).ifPresent(r -> lines.add(String.format(Locale.ROOT,
                    "%-10s deliveries/s %,.0f / %,.0f = %.2f; delivery p99 %.2f / %.2f ms; heap per connection %s",
                    h.scenario().id(), h.deliveriesPerSecond(), r.deliveriesPerSecond(),
                    share(h.deliveriesPerSecond(), r.deliveriesPerSecond()), h.delivery().p99(), r.delivery().p99(),
                    h.memory().isEmpty() ? "-" : String.format(Locale.ROOT, "%.1f / %.1f KB", h.heapPerConnection() / 1024,
                            r.heapPerConnection() / 1024))));
        }
        return lines;
    }

    private Optional<ScenarioResult> find(String target, String id) {
        return results.stream().filter(r -> r.target().equals(target) && r.scenario().id().equals(id)).findFirst();
    }

    private static double share(double a, double b) {
        return b == 0 ? 0 : a / b;
    }

    List<TargetCheck> targets() {
        List<TargetCheck> checks = new ArrayList<>();
        for (ScenarioResult r : results) {
            if (!r.target().equals("hearth")) {
                continue;
            }
            String id = r.scenario().id();
            if (!r.scenario().drops().isEmpty()) {
                checks.add(new TargetCheck(id + ": zero lost and zero duplicated events across drops and resumes",
                        audit(r), r.audit().checked() && r.audit().clean()));
            } else if (!id.startsWith("sweep") && r.scenario().hasTraffic()) {
                checks.add(new TargetCheck(id + ": command→delivery p99 < 100 ms, zero errors",
                        String.format(Locale.ROOT, "p99 %.2f ms, %d errors", r.delivery().p99(), r.errorCount()),
                        r.delivery().p99() < 100 && r.errorCount() == 0 && r.audit().clean()));
            }
            if (id.equals("e")) {
                checks.add(new TargetCheck("e: >= 5,000 durable commands/s, >= 100,000 deliveries/s, p99 < 50 ms",
                        String.format(Locale.ROOT, "%,.0f acks/s, %,.0f deliveries/s, p99 %.2f ms", r.acksPerSecond(),
                                r.deliveriesPerSecond(), r.delivery().p99()),
                        r.acksPerSecond() >= 5_000 && r.deliveriesPerSecond() >= 100_000 && r.delivery().p99() < 50));
            }
            if (!r.memory().isEmpty()) {
                checks.add(new TargetCheck(id + ": < 30 KB heap per idle connection",
                        String.format(Locale.ROOT, "%.1f KB at %,d connections", r.heapPerConnection() / 1024,
                                r.memory().getLast().connections()),
                        r.heapPerConnection() < 30 * 1024 && r.memory().getLast().connections() == r.connections()
                                && r.connectFailures() == 0));
            }
            if (r.scenario().connectOver().isPositive()) {
                checks.add(new TargetCheck(id + ": burst with no failed connection",
                        String.format(Locale.ROOT, "%d failed of %,d; connect p99 %.1f ms", r.connectFailures(),
                                r.connections(), r.connect().p99()),
                        r.connectFailures() == 0));
            }
        }
        fanOut().ifPresent(checks::add);
        return checks;
    }

    /** The highest fan-out Hearth reached against the relay's, over the sweep (else over every shared scenario). */
    private Optional<TargetCheck> fanOut() {
        List<ScenarioResult> pool = results.stream().filter(r -> r.scenario().id().startsWith("sweep")).toList();
        if (pool.isEmpty()) {
            pool = results;
        }
        Optional<ScenarioResult> hearth = best(pool, "hearth");
        Optional<ScenarioResult> relay = best(pool, "relay");
        if (hearth.isEmpty() || relay.isEmpty()) {
            return Optional.empty();
        }
        double ratio = share(hearth.get().deliveriesPerSecond(), relay.get().deliveriesPerSecond());
        return Optional.of(new TargetCheck("Hearth's fan-out >= 50% of the raw relay's",
                String.format(Locale.ROOT, "%,.0f / %,.0f deliveries/s = %.0f%% (best of %s / %s)",
                        hearth.get().deliveriesPerSecond(), relay.get().deliveriesPerSecond(), ratio * 100,
                        hearth.get().scenario().id(), relay.get().scenario().id()),
                ratio >= 0.5));
    }

    private static Optional<ScenarioResult> best(List<ScenarioResult> pool, String target) {
        return pool.stream().filter(r -> r.target().equals(target))
                .max(Comparator.comparingDouble(ScenarioResult::deliveriesPerSecond));
    }

    void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        ObjectNode root = JSON.createObjectNode();
        root.put("benchmark", "load");
        root.put("startedAt", startedAt.toString());
        root.put("command", command);
        root.putObject("machine")
                .put("cpus", Runtime.getRuntime().availableProcessors())
                .put("memoryGiB", Math.round(((com.sun.management.OperatingSystemMXBean)
                        ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize() / (double) (1L << 30) * 10) / 10.0)
                .put("jdk", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"))
                .put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        ArrayNode list = root.putArray("results");
        for (ScenarioResult r : results) {
            list.add(result(r));
        }
        ArrayNode targets = root.putArray("targets");
        targets().forEach(t -> targets.addObject().put("target", t.target()).put("measured", t.measured()).put("met", t.met()));
        root.put("valid", valid());
        JSON.writeValue(dir.resolve("load.json").toFile(), root);
        plots(dir);
    }

    private static ObjectNode result(ScenarioResult r) {
        ObjectNode n = JSON.createObjectNode();
        Scenario s = r.scenario();
        n.put("scenario", s.id()).put("title", s.title()).put("target", r.target())
                .put("sessions", s.sessions()).put("perSession", s.perSession()).put("connections", r.connections())
                .put("offeredCommandsPerSecond", r.offeredCommands())
                .put("measuredSeconds", round(r.seconds()))
                .put("acksPerSecond", round(r.acksPerSecond()))
                .put("deliveriesPerSecond", round(r.deliveriesPerSecond()))
                .put("cursorDeliveriesPerSecond", round(r.cursorDeliveriesPerSecond()))
                .put("framesInPerSecond", round(r.framesPerSecond()))
                .put("megabytesInPerSecond", round(r.counts().bytesIn() / r.seconds() / 1e6))
                .put("serverCores", round(r.targetCores()))
                .put("generatorCores", round(r.generatorCores()))
                .put("connectFailures", r.connectFailures())
                .put("unexpectedCloses", r.counts().unexpectedCloses())
                .put("reconnects", r.counts().reconnects())
                .put("retries", r.counts().retries());
        n.set("connectMillis", percentiles(r.connect()));
        n.set("ackMillis", percentiles(r.ack()));
        n.set("deliveryMillis", percentiles(r.delivery()));
        n.set("cursorMillis", percentiles(r.cursor()));
        ObjectNode errors = n.putObject("errors");
        r.errors().forEach(errors::put);
        ScenarioResult.Audit a = r.audit();
        n.putObject("audit").put("checked", a.checked()).put("clean", a.clean()).put("lost", a.behind())
                .put("duplicated", a.duplicates()).put("gaps", a.gaps()).put("unacknowledged", a.unacknowledged())
                .put("resumesRefused", a.resumesRefused()).put("resumes", a.reconnects());
        ArrayNode memory = n.putArray("memory");
        r.memory().forEach(m -> memory.addObject().put("connections", m.connections()).put("liveHeapBytes", m.liveHeapBytes()));
        if (!r.memory().isEmpty()) {
            n.put("heapBytesPerConnection", Math.round(r.heapPerConnection()));
        }
        return n;
    }

    private static ObjectNode percentiles(Percentiles p) {
        return JSON.createObjectNode().put("count", p.count()).put("p50", p.p50()).put("p90", p.p90()).put("p99", p.p99())
                .put("p999", p.p999()).put("max", p.max());
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private void plots(Path dir) throws IOException {
        Color hearth = new Color(200, 80, 30);
        Color relay = new Color(40, 90, 180);
        LineChart latency = new LineChart("Command → delivery latency vs offered load (tables of 20)",
                "offered chat lines per second, in all", "milliseconds (log scale)", true);
        LineChart throughput = new LineChart("Deliveries per second vs offered load (tables of 20)",
                "offered chat lines per second, in all", "deliveries per second", false);
        for (String target : List.of("hearth", "relay")) {
            Color c = target.equals("hearth") ? hearth : relay;
            List<ScenarioResult> sweep = results.stream()
                    .filter(r -> r.target().equals(target) && r.scenario().id().startsWith("sweep"))
                    .sorted(Comparator.comparingDouble(ScenarioResult::offeredCommands)).toList();
            latency.add(new LineChart.Series(target + " p50", c, true, points(sweep, r -> r.delivery().p50())));
            latency.add(new LineChart.Series(target + " p99", c, false, points(sweep, r -> r.delivery().p99())));
            throughput.add(new LineChart.Series(target, c, false, points(sweep, ScenarioResult::deliveriesPerSecond)));
        }
        if (!latency.isEmpty()) {
            latency.write(dir.resolve("latency-vs-load.png"));
            throughput.write(dir.resolve("throughput-vs-load.png"));
        }
        LineChart memory = new LineChart("Live heap vs open connections (idle)", "connections", "MB of live heap", false);
        for (ScenarioResult r : results) {
            if (!r.memory().isEmpty()) {
                memory.add(new LineChart.Series(r.target() + " (" + r.scenario().id() + ")",
                        r.target().equals("hearth") ? hearth : relay, false,
                        r.memory().stream().map(m -> new LineChart.Point(m.connections(), m.liveHeapBytes() / 1e6)).toList()));
            }
        }
        if (!memory.isEmpty()) {
            memory.write(dir.resolve("memory-vs-connections.png"));
        }
    }

    private static List<LineChart.Point> points(List<ScenarioResult> rs, java.util.function.ToDoubleFunction<ScenarioResult> y) {
        return rs.stream().map(r -> new LineChart.Point(r.offeredCommands(), y.applyAsDouble(r))).toList();
    }
}
