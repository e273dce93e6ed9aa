package dev.hearth.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The named presets of issue 7, at full size, and a smoke size of each that takes seconds (for CI). */
final class Scenarios {

    private Scenarios() {}

    /** Offered durable commands per second, in total, for the latency-versus-load sweep. */
    static final List<Integer> SWEEP_RATES = List.of(1_000, 2_000, 4_000, 6_000, 8_000, 10_000);

    /** Every preset by its name; {@code sweep} stands for its steps. */
    static Map<String, List<Scenario>> all(boolean smoke) {
        Map<String, List<Scenario>> all = new LinkedHashMap<>();
        Duration s5 = Duration.ofSeconds(5);
        if (smoke) {
            Duration s2 = Duration.ofSeconds(2);
            all.put("a", List.of(withDice(of("a", "smoke: 2 tables of 3, chat and dice", 2, 3, 1, 2, 0, 0, Duration.ZERO,
                    Duration.ofSeconds(1), s2, List.of(), List.of(), true), 0.3)));
            all.put("g", List.of(of("g", "smoke: a drop of 1 s", 1, 4, 1, 2, 0, 0, Duration.ZERO, Duration.ofSeconds(1), s2,
                    List.of(new Scenario.Drop(0.25, Duration.ofSeconds(1), Duration.ofSeconds(1))), List.of(), false)));
            return all;
        }
        all.put("a", List.of(of("a", "100 users in tables of 20, 1,000 chat lines/s in all", 5, 20, 1, 10, 0, 0,
                Duration.ZERO, s5, Duration.ofSeconds(20), List.of(), List.of(), true)));
        all.put("b", List.of(of("b", "1,000 connections, 1 chat line a minute each", 50, 20, 1, 1 / 60.0, 0, 0,
                Duration.ZERO, s5, Duration.ofSeconds(60), List.of(), List.of(), true)));
        all.put("c", List.of(of("c", "50 connections at 100 messages/s each (10 chat lines, 90 pointer moves)", 5, 10, 1, 10,
                90, 1.0, Duration.ZERO, s5, Duration.ofSeconds(20), List.of(), List.of(), true)));
        all.put("d", List.of(
                of("d500", "burst: 0 to 500 connections in 10 s, then a chat line every 5 s each", 25, 20, 1, 0.2, 0, 0,
                        Duration.ofSeconds(10), Duration.ofSeconds(2), Duration.ofSeconds(10), List.of(), List.of(), true),
                of("d2000", "burst: 0 to 2,000 connections in 10 s, then a chat line every 5 s each", 100, 20, 1, 0.2, 0, 0,
                        Duration.ofSeconds(10), Duration.ofSeconds(2), Duration.ofSeconds(10), List.of(), List.of(), true)));
        all.put("e", List.of(withDice(of("e", "100 tables of 20 (2,000 users): 5,000 commands/s (70% chat, 30% dice),"
                + " 5% moving pointers at 40 Hz", 100, 20, 1, 2.5, 40, 0.05, Duration.ZERO, s5, Duration.ofSeconds(30),
                List.of(), List.of(), true), 0.3)));
        all.put("f", List.of(of("f", "10,000 idle connections (2,000 users, 5 devices each): heap per connection", 100, 20,
                5, 0, 0, 0, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(5), List.of(),
                List.of(0, 2_500, 5_000, 7_500, 10_000), true)));
        all.put("g", List.of(of("g", "network drops: 10% for 1 s, 10% for 10 s, 10% for 60 s, then resume", 10, 20, 1, 2, 0,
                0, Duration.ZERO, s5, Duration.ofSeconds(80), List.of(
                        new Scenario.Drop(0.1, Duration.ofSeconds(5), Duration.ofSeconds(1)),
                        new Scenario.Drop(0.1, Duration.ofSeconds(10), Duration.ofSeconds(10)),
                        new Scenario.Drop(0.1, Duration.ofSeconds(25), Duration.ofSeconds(60))),
                List.of(), false)));
        List<Scenario> sweep = new ArrayList<>();
        for (int rate : SWEEP_RATES) {
            sweep.add(of("sweep-" + rate, "sweep: 1,000 users in tables of 20, " + rate + " chat lines/s in all", 50, 20, 1,
                    rate / 1000.0, 0, 0, Duration.ZERO, Duration.ofSeconds(4), Duration.ofSeconds(10), List.of(), List.of(),
                    true));
        }
        all.put("sweep", sweep);
        return all;
    }

    private static Scenario of(String id, String title, int sessions, int perSession, int devices, double commands,
            double cursorHz, double pointerShare, Duration connectOver, Duration warmup, Duration measure,
            List<Scenario.Drop> drops, List<Integer> memorySteps, boolean baseline) {
        return new Scenario(id, title, sessions, perSession, devices, commands, 0, cursorHz, pointerShare, connectOver,
                warmup, measure, drops, memorySteps, baseline);
    }

    /** The same, with {@code diceShare} of the commands dice rolls. */
    private static Scenario withDice(Scenario s, double diceShare) {
        return new Scenario(s.id(), s.title(), s.sessions(), s.perSession(), s.devices(), s.commandsPerSecond(),
                diceShare, s.cursorHz(), s.pointerShare(), s.connectOver(), s.warmup(), s.measure(), s.drops(),
                s.memorySteps(), s.baseline());
    }
}
