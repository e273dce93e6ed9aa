package dev.hearth.bench.load;

import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs one scenario against one target: connect everyone (measuring each connection to its
 * welcome), run the traffic with its drops, measure the window, let the table settle, audit every
 * connection's stream, and close. Sending is open-loop: each client's commands follow a schedule
 * drawn in advance, and latency counts from when a command was due, so a server (or a generator)
 * that falls behind cannot hide it by slowing the senders down.
 */
final class ScenarioRun {

    /** Sockets per JDK HttpClient: each client has one selector thread. */
    private static final int SOCKETS_PER_HTTP_CLIENT = 500;
    private static final Duration HEARTBEAT = Duration.ofSeconds(20);
    private static final Duration SETTLE = Duration.ofSeconds(60);

    private final Scenario scenario;
    private final Target target;
    private final long origin;
    private final Meters meters = new Meters();
    private final List<SimClient> clients = new ArrayList<>();
    private final String runTag = Long.toString(System.nanoTime() & 0xFFFFFFFFFL, 36) + "-";
    private final List<HttpClient> httpClients = new ArrayList<>();
    private volatile boolean trafficOn;

    ScenarioRun(Scenario scenario, Target target, long origin) {
        this.scenario = scenario;
        this.target = target;
        this.origin = origin;
    }

    ScenarioResult run() throws Exception {
        List<Seat> seats = target.seats(scenario.sessions(), scenario.perSession());
        for (Seat seat : seats) {
            for (int d = 0; d < scenario.devices(); d++) {
                int index = clients.size();
                if (index % SOCKETS_PER_HTTP_CLIENT == 0) {
                    httpClients.add(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build());
                }
                clients.add(new SimClient(index, seat, "d" + d, runTag, target, meters, origin, httpClients.getLast()));
            }
        }
        try {
            List<ScenarioResult.MemoryPoint> memory = connectAll();
            Percentiles connect = Percentiles.of(meters.connectSoFar());
            long connectFailures = meters.connectFailures.sum();
            Measured m = traffic();
            ScenarioResult.Audit audit = target.durable() && scenario.hasTraffic() ? settleAndAudit()
                    : ScenarioResult.Audit.NOT_CHECKED;
            return new ScenarioResult(target.name(), scenario, clients.size(), connect, connectFailures,
                    scenario.offeredCommands(), m.window.counts(), Percentiles.of(m.window.ack()),
                    Percentiles.of(m.window.delivery()), Percentiles.of(m.window.cursor()), m.targetCores,
                    m.generatorCores, audit, memory);
        } finally {
            clients.forEach(SimClient::leave);
            httpClients.forEach(HttpClient::shutdownNow);
        }
    }

    /** Opens every connection, as a burst over {@code connectOver} or as fast as they go; measures heap at the steps. */
    private List<ScenarioResult.MemoryPoint> connectAll() throws Exception {
        List<ScenarioResult.MemoryPoint> memory = new ArrayList<>();
        List<Integer> steps = new ArrayList<>(scenario.memorySteps());
        if (steps.isEmpty()) {
            steps.add(clients.size());
        }
        int from = 0;
        for (int step : steps) {
            int to = Math.min(step, clients.size());
            connect(clients.subList(from, to));
            from = to;
            if (!scenario.memorySteps().isEmpty()) {
                Thread.sleep(1000); // let welcomes and arrivals finish before the heap is read
                memory.add(new ScenarioResult.MemoryPoint(to, target.process().liveHeapBytes()));
            }
        }
        return memory;
    }

    private void connect(List<SimClient> batch) throws InterruptedException {
        if (batch.isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        long spacing = scenario.connectOver().toNanos() / batch.size();
        Semaphore inFlight = new Semaphore(spacing > 0 ? Integer.MAX_VALUE : 32);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < batch.size(); i++) {
                SimClient c = batch.get(i);
                if (spacing > 0) {
                    parkUntil(start + i * spacing);
                }
                inFlight.acquire();
                pool.submit(() -> {
                    try {
                        c.connect();
                    } finally {
                        inFlight.release();
                    }
                });
            }
        }
    }

    private record Measured(Meters.Window window, double targetCores, double generatorCores) {}

    private Measured traffic() throws Exception {
        trafficOn = true;
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            if (scenario.hasTraffic()) {
                Map<Integer, Integer> seenPerTable = new HashMap<>();
                int pointersPerTable = (int) Math.round(scenario.pointerShare() * scenario.perSession());
                for (SimClient c : clients) {
                    boolean pointer = seenPerTable.merge(c.seat.room(), 1, Integer::sum) <= pointersPerTable;
                    pool.submit(() -> drive(c, pointer, start));
                }
            }
            pool.submit(this::heartbeats);
            for (int w = 0; w < scenario.drops().size(); w++) {
                Scenario.Drop drop = scenario.drops().get(w);
                int wave = w;
                pool.submit(() -> dropWave(drop, wave, start));
            }
            parkUntil(start + scenario.warmup().toNanos());
            long targetCpu = target.process().cpuNanos();
            long ownCpu = ownCpuNanos();
            meters.open();
            parkUntil(start + scenario.warmup().plus(scenario.measure()).toNanos());
            Meters.Window window = meters.close();
            double wall = window.counts().nanos();
            double targetCores = (target.process().cpuNanos() - targetCpu) / wall;
            double generatorCores = (ownCpuNanos() - ownCpu) / wall;
            parkUntil(start + scenario.trafficLength().toNanos());
            trafficOn = false;
            pool.shutdownNow();
            pool.awaitTermination(30, TimeUnit.SECONDS);
            return new Measured(window, targetCores, generatorCores);
        }
    }

    /** One client's open-loop schedule: chat lines at Poisson times, pointer moves at a steady rate with jitter. */
    private void drive(SimClient c, boolean pointer, long start) {
        SplittableRandom random = new SplittableRandom(0x5EED ^ c.index);
        double rate = scenario.commandsPerSecond();
        long nextChat = rate > 0 ? start + exponential(random, rate) : Long.MAX_VALUE;
        long cursorStep = pointer && scenario.cursorHz() > 0 ? (long) (1e9 / scenario.cursorHz()) : 0;
        long nextCursor = cursorStep > 0 ? start + random.nextLong(cursorStep) : Long.MAX_VALUE;
        while (trafficOn) {
            long due = Math.min(nextChat, nextCursor);
            if (due == Long.MAX_VALUE || !parkUntil(due) || !trafficOn) {
                return;
            }
            if (due == nextChat) {
                if (c.up()) {
                    if (random.nextDouble() < scenario.diceShare()) {
                        c.roll(due);
                    } else {
                        c.chat(due);
                    }
                } else {
                    meters.skippedWhileAway.increment();
                }
                nextChat += exponential(random, rate);
            } else {
                if (c.up()) {
                    c.cursor(due);
                }
                nextCursor += cursorStep;
            }
        }
    }

    private static long exponential(SplittableRandom random, double perSecond) {
        return (long) (-Math.log(1 - random.nextDouble()) / perSecond * 1e9);
    }

    private void heartbeats() {
        while (trafficOn) {
            if (!parkUntil(System.nanoTime() + HEARTBEAT.toNanos())) {
                return;
            }
            clients.forEach(SimClient::heartbeat);
        }
    }

    /** Cuts every n-th connection (a different set each wave), waits, and resumes them all at once. */
    private void dropWave(Scenario.Drop drop, int wave, long start) {
        if (!parkUntil(start + drop.at().toNanos())) {
            return;
        }
        int every = (int) Math.max(1, Math.round(1 / drop.share()));
        List<SimClient> cut = new ArrayList<>();
        for (int i = wave % every; i < clients.size(); i += every) {
            cut.add(clients.get(i));
        }
        cut.forEach(SimClient::drop);
        if (!parkUntil(System.nanoTime() + drop.length().toNanos())) {
            return;
        }
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            cut.forEach(c -> pool.submit(() -> {
                if (!c.resume()) {
                    c.reconnectLater();
                }
            }));
        }
    }

    /**
     * Waits until every command is answered and every connection of a table has reached the same
     * {@code seq}, then counts what any connection lacks: a client that is still behind, or that
     * skipped or repeated a number, means an acknowledged event was lost or duplicated.
     */
    private ScenarioResult.Audit settleAndAudit() throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (System.nanoTime() < deadline && !settled()) {
            Thread.sleep(200);
        }
        Map<Integer, Long> top = new HashMap<>();
        for (SimClient c : clients) {
            top.merge(c.seat.room(), c.lastSeq(), Math::max);
        }
        long behind = 0;
        long unacked = 0;
        for (SimClient c : clients) {
            behind += top.get(c.seat.room()) - c.lastSeq();
            unacked += c.unacknowledged();
        }
        return new ScenarioResult.Audit(true, behind, meters.duplicates.sum(), meters.gaps.sum(), unacked,
                meters.resumesRefused.sum(), meters.reconnects.sum());
    }

    private boolean settled() {
        Map<Integer, Long> top = new HashMap<>();
        Map<Integer, Long> bottom = new HashMap<>();
        for (SimClient c : clients) {
            if (c.unacknowledged() > 0 || !c.up()) {
                return false;
            }
            top.merge(c.seat.room(), c.lastSeq(), Math::max);
            bottom.merge(c.seat.room(), c.lastSeq(), Math::min);
        }
        return top.equals(bottom);
    }

    /** Parks until {@code nanos} (System.nanoTime); false if interrupted. */
    private static boolean parkUntil(long nanos) {
        long wait;
        while ((wait = nanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
            if (Thread.currentThread().isInterrupted()) {
                return false;
            }
        }
        return !Thread.currentThread().isInterrupted();
    }

    private static long ownCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
