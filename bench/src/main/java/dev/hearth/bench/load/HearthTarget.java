package dev.hearth.bench.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Hearth as a user meets it: {@code hearth serve} on its embedded SQLite default, in a JVM of its
 * own, with a fresh data directory. The population is made through the public API: each table is a
 * campaign whose GM registers, creates it and a session, and invites the players, who register and
 * accept. Argon2id makes registering cost about as much as it does in production, so the tables are
 * made once per run and reused by every scenario.
 */
final class HearthTarget implements Target {

    /** People per table at most: a session's presence and fan-out are sized for tables, not crowds. */
    static final int MAX_TABLE_SIZE = 20;
    private static final String PASSWORD = "bench-password-0";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChildJvm jvm;
    private final HearthApi api;
    private final List<List<Seat>> tables = new ArrayList<>();
    private final int registrationConcurrency;
    private final int tableSize;

    private HearthTarget(ChildJvm jvm, HearthApi api, int registrationConcurrency, int tableSize) {
        this.jvm = jvm;
        this.api = api;
        this.registrationConcurrency = registrationConcurrency;
        this.tableSize = tableSize;
    }

    /** Starts Hearth; its tables will seat {@code tableSize} people each (a scenario seats the first N of each). */
    static HearthTarget start(Path dir, List<String> jvmOptions, List<String> settings, int tableSize) throws Exception {
        if (tableSize < 1 || tableSize > MAX_TABLE_SIZE) {
            throw new IllegalArgumentException("tables seat 1 to " + MAX_TABLE_SIZE + " people, not " + tableSize);
        }
        int port = ChildJvm.freePort();
        List<String> args = new ArrayList<>(List.of("serve", "--port", Integer.toString(port),
                "--data", dir.resolve("hearth-data").toString(),
                "--set", "auth.registrations-per-ip=1000000", "--set", "auth.access-token-ttl=1h",
                "--set", "log.level=warn"));
        for (String s : settings) {
            args.add("--set");
            args.add(s);
        }
        ChildJvm jvm = ChildJvm.start("hearth", jvmOptions, "dev.hearth.app.Main", args, dir, port);
        HearthApi api = new HearthApi(port);
        jvm.awaitReady(Duration.ofSeconds(90), api::ready);
        // One Argon2id hash per core at a time: more only queues them inside the server, past the client's timeout.
        return new HearthTarget(jvm, api, Runtime.getRuntime().availableProcessors(), tableSize);
    }

    @Override
    public String name() {
        return "hearth";
    }

    @Override
    public synchronized List<Seat> seats(int sessions, int perSession) throws Exception {
        if (perSession > tableSize) {
            throw new IllegalArgumentException("at most " + tableSize + " people per table, not " + perSession);
        }
        if (tables.size() < sessions) {
            long started = System.nanoTime();
            int from = tables.size();
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                Semaphore hashing = new Semaphore(registrationConcurrency);
                List<Future<List<Seat>>> made = new ArrayList<>();
                for (int t = from; t < sessions; t++) {
                    int table = t;
                    made.add(pool.submit(() -> makeTable(table, hashing)));
                }
                for (Future<List<Seat>> f : made) {
                    tables.add(f.get());
                }
            }
            System.err.printf("hearth: made %d tables of %d people in %.1f s%n", sessions - from, tableSize,
                    (System.nanoTime() - started) / 1e9);
        }
        List<Seat> seats = new ArrayList<>();
        for (int t = 0; t < sessions; t++) {
            seats.addAll(tables.get(t).subList(0, perSession));
        }
        return seats;
    }

    private List<Seat> makeTable(int table, Semaphore hashing) throws Exception {
        HearthApi.Account gm = register(table, 0, hashing);
        String campaign = api.createCampaign(gm.token(), "Bench table " + table);
        String session = api.createSession(gm.token(), campaign, "Session 1");
        List<Seat> seats = new ArrayList<>();
        seats.add(new Seat(table * tableSize, gm.userId(), gm.token(), table, session));
        if (tableSize == 1) {
            return seats;
        }
        String code = api.invite(gm.token(), campaign, tableSize - 1);
        for (int k = 1; k < tableSize; k++) {
            HearthApi.Account player = register(table, k, hashing);
            api.accept(player.token(), code);
            seats.add(new Seat(table * tableSize + k, player.userId(), player.token(), table, session));
        }
        return seats;
    }

    private HearthApi.Account register(int table, int k, Semaphore hashing) throws Exception {
        hashing.acquire();
        try {
            return api.register("t" + table + "p" + k, "Table " + table + " player " + k, PASSWORD);
        } finally {
            hashing.release();
        }
    }

    @Override
    public URI socket(Seat seat) {
        return URI.create("ws://127.0.0.1:" + jvm.port + "/ws/session/" + seat.roomId());
    }

    @Override
    public Optional<String> hello(Seat seat, String device, String epoch, long lastSeq) {
        ObjectNode hello = JSON.createObjectNode().put("id", "hello").put("type", "hello");
        ObjectNode payload = hello.putObject("payload").put("token", seat.token()).put("device", device);
        if (lastSeq >= 0) {
            ObjectNode resume = payload.putObject("resume").put("lastSeq", lastSeq);
            if (epoch != null) {
                resume.put("epoch", epoch);
            }
        }
        return Optional.of(hello.toString());
    }

    @Override
    public boolean durable() {
        return true;
    }

    @Override
    public ChildJvm process() {
        return jvm;
    }

    @Override
    public void close() {
        jvm.close();
    }
}
