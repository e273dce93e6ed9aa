package dev.hearth.bench.map;

import dev.hearth.core.stream.CommandContext;
import dev.hearth.core.table.TableState;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One scenario's command stream: episodes of {@code episode} commands, each from the base state, so
 * the scene keeps its size. The clock (the context's {@code now}, and the clients' stamps) moves on
 * 50 ms a command across episodes and windows, so every client stamp is later than the last.
 */
final class ScenarioRun {

    /** One measurement window: all commands, and each kind's. */
    record Window(KindStats all, Map<CommandKind, KindStats> kinds, long wallNanos) {}

    private final MapScenario scenario;
    private final Cast cast;
    private final TableState base;
    private final int episode;
    private final CommandMix mix;
    private final dev.hearth.core.stream.Roster roster;
    private final CommandPath path;
    private final SplittableRandom dice;
    private TableState state;
    private int inEpisode;
    private long seq;
    private long clockMillis;

    ScenarioRun(MapScenario scenario, Cast cast, TableState base, int episode, long seed, CommandPath path) {
        this.scenario = scenario;
        this.cast = cast;
        this.base = base;
        this.episode = episode;
        this.mix = new CommandMix(cast, base, seed);
        this.roster = cast.roster();
        this.path = path;
        this.dice = new SplittableRandom(seed);
        this.state = base;
        this.clockMillis = BaseScene.T0.toEpochMilli() + Duration.ofHours(1).toMillis();
    }

    MapScenario scenario() {
        return scenario;
    }

    TableState base() {
        return base;
    }

    /** Commands, back to back, for about {@code length} of wall time (at least one). */
    Window window(Duration length) {
        KindStats all = new KindStats();
        Map<CommandKind, KindStats> kinds = new EnumMap<>(CommandKind.class);
        for (CommandKind k : CommandKind.values()) {
            kinds.put(k, new KindStats());
        }
        long start = System.nanoTime();
        long end = start + length.toNanos();
        do {
            if (inEpisode == episode) {
                state = base;
                inEpisode = 0;
                mix.startEpisode();
            }
            Instant now = Instant.ofEpochMilli(clockMillis += 50);
            CommandMix.Next next = mix.next(state, now);
            CommandContext context = new CommandContext(next.caller(), roster, now, dice);
            CommandPath.Outcome o = path.run(state, seq, context, next.command());
            state = o.state();
            seq += o.events();
            inEpisode++;
            all.add(o);
            kinds.get(next.kind()).add(o);
        } while (System.nanoTime() < end);
        return new Window(all, kinds, System.nanoTime() - start);
    }
}
