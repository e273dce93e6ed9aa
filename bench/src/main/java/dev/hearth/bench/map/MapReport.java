package dev.hearth.bench.map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The run's tables (commands, per kind, the whole state, past the limits), each figure beside its
 * ratio to the baseline scenario of the same run, and {@code map.json} with every trial. The file
 * is built field by field, so renaming a class never silently changes what tools read.
 */
record MapReport(RunInfo run, List<ScenarioResult> results, List<PastTheLimits.Check> limits) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    boolean valid() {
        return limits.stream().allMatch(PastTheLimits.Check::passed)
                && results.stream().allMatch(r -> r.state().roundTrip());
    }

    Optional<ScenarioResult> baseline() {
        return results.stream().filter(r -> r.scenario().isBaseline()).findFirst();
    }

    void print(PrintStream out) {
        out.printf("%nMap commands, end to end on the table actor (decide + apply + log and wire JSON); median of %d"
                + " trial(s) of %s s each; episodes of %d commands from the base state%n", run.trials(),
                seconds(run.measure()), run.episode());
        out.printf("%-9s %7s %9s %8s %5s | %8s %11s %8s | %9s %9s %9s %9s | %8s %6s%n", "scenario", "tokens", "drawings",
                "numbers", "fog", "commands", "commands/s", "x base", "p50", "p99", "p99.9", "max", "p99 x", "refused");
        for (ScenarioResult r : results) {
            KindStats a = r.median().all();
            Optional<KindStats> b = baseline().map(x -> x.median().all());
            out.printf("%-9s %,7d %,9d %,8d %5d | %,8d %,11.0f %8s | %9s %9s %9s %9s | %8s %6.1f%%%n", r.scenario().id(),
                    r.size().tokens(), r.size().drawings(), r.size().numbers(), r.size().fogOps(), a.count(),
                    a.perSecond(), ratio(b.map(KindStats::perSecond), a.perSecond(), true), time(a.percentileMicros(50)),
                    time(a.percentileMicros(99)), time(a.percentileMicros(99.9)), time(a.maxMicros()),
                    ratio(b.map(x -> x.percentileMicros(99)), a.percentileMicros(99), false),
                    100.0 * a.rejected / Math.max(1, a.count()));
        }
        if (results.stream().anyMatch(r -> r.trials().size() > 1)) {
            out.println();
            for (ScenarioResult r : results) {
                out.printf("%-9s commands/s over %d trials: %,.0f - %,.0f%n", r.scenario().id(), r.trials().size(),
                        r.minPerSecond(), r.maxPerSecond());
            }
        }

        out.printf("%nBy kind (median trial). Mean time per command in decide (with the per-audience changes) /"
                + " apply / encode; mean JSON bytes per command: log entry, GMs' frame, players' frame (0: the GMs')%n");
        out.printf("%-9s %-18s %7s | %9s %9s %9s %9s | %8s | %26s | %7s %7s %7s | %s%n", "scenario", "kind", "n", "p50",
                "p99", "p99.9", "max", "p99 x", "decide / apply / encode", "log B", "GM B", "pl. B", "refused");
        for (ScenarioResult r : results) {
            for (CommandKind k : CommandKind.values()) {
                KindStats s = r.median().kinds().get(k);
                Optional<KindStats> b = baseline().map(x -> x.median().kinds().get(k));
                out.printf("%-9s %-18s %,7d | %9s %9s %9s %9s | %8s | %8s / %7s / %7s | %,7.0f %,7.0f %,7.0f | %d%s%n",
                        r.scenario().id(), k.label(), s.count(), time(s.percentileMicros(50)), time(s.percentileMicros(99)),
                        time(s.percentileMicros(99.9)), time(s.maxMicros()),
                        ratio(b.filter(x -> x.count() > 0).map(x -> x.percentileMicros(99)), s.percentileMicros(99), false),
                        time(s.meanMicros(s.decideNanos)), time(s.meanMicros(s.applyNanos)), time(s.meanMicros(s.encodeNanos)),
                        s.meanBytes(s.logBytes), s.meanBytes(s.gmBytes), s.meanBytes(s.playerBytes), s.rejected,
                        s.firstRejection == null ? "" : " (" + s.firstRejection + ")");
            }
        }

        out.printf("%nThe whole state (median of every sample): the snapshot (TableCodec.encodeState / decodeState)"
                + " and the welcome's map view (TableCodec.mapView, written to a string)%n");
        out.printf("%-9s %9s %10s %10s | %10s %9s | %10s %9s | %s%n", "scenario", "snapshot", "encode", "decode",
                "GM view", "size", "pl. view", "size", "x base: encode / decode / GM view / player view");
        for (ScenarioResult r : results) {
            StateCosts.Samples s = r.state();
            Optional<StateCosts.Samples> b = baseline().map(ScenarioResult::state);
            out.printf("%-9s %7.2f MB %10s %10s | %10s %6.0f KB | %10s %6.0f KB | %s / %s / %s / %s%s%n", r.scenario().id(),
                    s.snapshotMegabytes(), ms(median(s.encodeMs())), ms(median(s.decodeMs())), ms(median(s.viewGmMs())),
                    s.viewGmBytes() / 1e3, ms(median(s.viewPlayerMs())), s.viewPlayerBytes() / 1e3,
                    ratio(b.map(x -> median(x.encodeMs())), median(s.encodeMs()), false),
                    ratio(b.map(x -> median(x.decodeMs())), median(s.decodeMs()), false),
                    ratio(b.map(x -> median(x.viewGmMs())), median(s.viewGmMs()), false),
                    ratio(b.map(x -> median(x.viewPlayerMs())), median(s.viewPlayerMs()), false),
                    s.roundTrip() ? "" : "  ROUND TRIP FAILED: decodeState(encodeState(s)) differs");
        }

        out.printf("%nPast the limits: one more than a full scene holds must be refused, with a clear message%n");
        for (PastTheLimits.Check c : limits) {
            out.printf("  %-4s %-48s %s%n", c.passed() ? "ok" : "FAIL", c.what(), c.rejection()
                    .map(x -> x.kind() + ": \"" + x.message() + "\"").orElse("ACCEPTED (" + c.command() + ")"));
        }
        out.printf("%nload average (1, 5, 15 min): %s at the start, %s at the end, on %d CPUs%n", run.loadAtStart(),
                run.loadAtEnd(), run.cpus());
    }

    Path write(Path dir) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("benchmark", "map");
        root.put("startedAt", run.startedAt().toString());
        root.put("command", run.command());
        root.put("valid", valid());
        ObjectNode machine = root.putObject("machine");
        machine.put("cpus", run.cpus()).put("cpuModel", run.cpuModel()).put("jdk", run.jdk()).put("os", run.os())
                .put("loadAverageAtStart", run.loadAtStart()).put("loadAverageAtEnd", run.loadAtEnd());
        ObjectNode settings = root.putObject("settings");
        settings.put("warmupSeconds", run.warmup().toMillis() / 1000.0).put("measureSeconds", run.measure().toMillis() / 1000.0)
                .put("trials", run.trials()).put("episode", run.episode()).put("stateRepeats", run.stateRepeats())
                .put("seed", run.seed());
        ObjectNode mix = settings.putObject("mix");
        for (CommandKind k : CommandKind.values()) {
            mix.put(k.id(), k.mix());
        }
        ArrayNode scenarios = root.putArray("scenarios");
        for (ScenarioResult r : results) {
            ObjectNode n = scenarios.addObject();
            n.put("scenario", r.scenario().id()).put("description", r.scenario().description());
            n.putObject("scene").put("tokens", r.size().tokens()).put("drawings", r.size().drawings())
                    .put("numbers", r.size().numbers()).put("fogOps", r.size().fogOps())
                    .put("snapshotBytes", r.state().snapshotBytes());
            n.set("commands", window(r.median()));
            n.put("minCommandsPerSecond", round(r.minPerSecond())).put("maxCommandsPerSecond", round(r.maxPerSecond()));
            n.set("state", state(r.state()));
            baseline().filter(b -> b != r).ifPresent(b -> n.set("ratiosToBaseline", ratios(r, b)));
            ArrayNode trials = n.putArray("trials");
            r.trials().forEach(w -> trials.add(window(w)));
        }
        ArrayNode checks = root.putArray("pastTheLimits");
        for (PastTheLimits.Check c : limits) {
            ObjectNode n = checks.addObject().put("what", c.what()).put("command", c.command()).put("refused", c.passed());
            c.rejection().ifPresent(x -> n.put("kind", x.kind().name()).put("message", x.message()));
        }
        Files.createDirectories(dir);
        Path file = dir.resolve("map.json");
        JSON.writeValue(file.toFile(), root);
        return file;
    }

    private static ObjectNode window(ScenarioRun.Window w) {
        ObjectNode n = stats(w.all());
        n.put("wallSeconds", round(w.wallNanos() / 1e9));
        ObjectNode kinds = n.putObject("byKind");
        w.kinds().forEach((k, s) -> kinds.set(k.id(), stats(s)));
        return n;
    }

    private static ObjectNode stats(KindStats s) {
        ObjectNode n = JSON.createObjectNode();
        n.put("count", s.count()).put("refused", s.rejected).put("events", s.events)
                .put("perSecond", round(s.perSecond()))
                .put("p50Micros", round(s.percentileMicros(50))).put("p99Micros", round(s.percentileMicros(99)))
                .put("p999Micros", round(s.percentileMicros(99.9))).put("maxMicros", round(s.maxMicros()))
                .put("meanDecideMicros", round(s.meanMicros(s.decideNanos)))
                .put("meanApplyMicros", round(s.meanMicros(s.applyNanos)))
                .put("meanEncodeMicros", round(s.meanMicros(s.encodeNanos)))
                .put("meanLogBytes", round(s.meanBytes(s.logBytes))).put("meanGmFrameBytes", round(s.meanBytes(s.gmBytes)))
                .put("meanPlayerFrameBytes", round(s.meanBytes(s.playerBytes)));
        if (s.firstRejection != null) {
            n.put("firstRefusal", s.firstRejection);
        }
        return n;
    }

    private static ObjectNode state(StateCosts.Samples s) {
        ObjectNode n = JSON.createObjectNode();
        n.put("snapshotBytes", s.snapshotBytes()).put("roundTrip", s.roundTrip())
                .put("encodeMillis", round(median(s.encodeMs()))).put("decodeMillis", round(median(s.decodeMs())))
                .put("viewGmMillis", round(median(s.viewGmMs()))).put("viewPlayerMillis", round(median(s.viewPlayerMs())))
                .put("viewGmBytes", s.viewGmBytes()).put("viewPlayerBytes", s.viewPlayerBytes());
        ArrayNode samples = n.putArray("samples");
        for (int i = 0; i < s.encodeMs().size(); i++) {
            samples.addObject().put("encodeMillis", round(s.encodeMs().get(i))).put("decodeMillis", round(s.decodeMs().get(i)))
                    .put("viewGmMillis", round(s.viewGmMs().get(i))).put("viewPlayerMillis", round(s.viewPlayerMs().get(i)));
        }
        return n;
    }

    /** Scenario over baseline: commands/s as a fraction, times as multiples. */
    private static ObjectNode ratios(ScenarioResult r, ScenarioResult b) {
        ObjectNode n = JSON.createObjectNode();
        KindStats a = r.median().all();
        KindStats base = b.median().all();
        n.put("commandsPerSecond", div(a.perSecond(), base.perSecond()));
        n.put("p50", div(a.percentileMicros(50), base.percentileMicros(50)));
        n.put("p99", div(a.percentileMicros(99), base.percentileMicros(99)));
        n.put("p999", div(a.percentileMicros(99.9), base.percentileMicros(99.9)));
        ObjectNode kinds = n.putObject("p99ByKind");
        for (CommandKind k : CommandKind.values()) {
            kinds.put(k.id(), div(r.median().kinds().get(k).percentileMicros(99), b.median().kinds().get(k).percentileMicros(99)));
        }
        n.put("snapshotBytes", div(r.state().snapshotBytes(), b.state().snapshotBytes()));
        n.put("snapshotEncode", div(median(r.state().encodeMs()), median(b.state().encodeMs())));
        n.put("snapshotDecode", div(median(r.state().decodeMs()), median(b.state().decodeMs())));
        n.put("viewGm", div(median(r.state().viewGmMs()), median(b.state().viewGmMs())));
        n.put("viewPlayer", div(median(r.state().viewPlayerMs()), median(b.state().viewPlayerMs())));
        return n;
    }

    private static double median(List<Double> values) {
        return StateCosts.median(values);
    }

    private static double div(double a, double b) {
        return b == 0 ? 0 : round(a / b);
    }

    private static double round(double v) {
        double scale = Math.abs(v) >= 100 ? 1 : Math.abs(v) >= 1 ? 100 : 10_000;
        return Math.round(v * scale) / scale;
    }

    private static String ratio(Optional<Double> base, double value, boolean fraction) {
        if (base.isEmpty() || base.get() == 0) {
            return "-";
        }
        double r = value / base.get();
        return fraction && r < 0.1 ? String.format(Locale.ROOT, "%.4fx", r) : String.format(Locale.ROOT, "%.2fx", r);
    }

    /** Microseconds, written in the unit that suits them. */
    static String time(double micros) {
        if (micros < 10) {
            return String.format(Locale.ROOT, "%.1f us", micros);
        }
        if (micros < 1000) {
            return String.format(Locale.ROOT, "%.0f us", micros);
        }
        if (micros < 100_000) {
            return String.format(Locale.ROOT, "%.2f ms", micros / 1e3);
        }
        if (micros < 1e6) {
            return String.format(Locale.ROOT, "%.0f ms", micros / 1e3);
        }
        return String.format(Locale.ROOT, "%.2f s", micros / 1e6);
    }

    private static String ms(double millis) {
        return time(millis * 1e3);
    }

    private static String seconds(java.time.Duration d) {
        return String.format(Locale.ROOT, "%.1f", d.toMillis() / 1000.0);
    }
}
