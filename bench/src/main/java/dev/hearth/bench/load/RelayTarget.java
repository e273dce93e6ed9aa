package dev.hearth.bench.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The baseline {@link RelayServer} in a JVM of its own: rooms need no setup and connections no hello. */
final class RelayTarget implements Target {

    private final ChildJvm jvm;

    private RelayTarget(ChildJvm jvm) {
        this.jvm = jvm;
    }

    static RelayTarget start(Path dir, List<String> jvmOptions) throws Exception {
        int port = ChildJvm.freePort();
        ChildJvm jvm = ChildJvm.start("relay", jvmOptions, RelayServer.class.getName(), List.of(Integer.toString(port)),
                dir, port);
        HttpClient http = HttpClient.newHttpClient();
        // Any HTTP answer means it listens (a plain GET of a WebSocket path is refused, which is fine).
        jvm.awaitReady(Duration.ofSeconds(60), () -> {
            try {
                http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
                        HttpResponse.BodyHandlers.discarding());
                return true;
            } catch (java.io.IOException e) {
                return false;
            }
        });
        return new RelayTarget(jvm);
    }

    @Override
    public String name() {
        return "relay";
    }

    @Override
    public List<Seat> seats(int sessions, int perSession) {
        List<Seat> seats = new ArrayList<>();
        for (int t = 0; t < sessions; t++) {
            for (int k = 0; k < perSession; k++) {
                int user = t * perSession + k;
                seats.add(new Seat(user, "u" + user, "", t, "r" + t));
            }
        }
        return seats;
    }

    @Override
    public URI socket(Seat seat) {
        return URI.create("ws://127.0.0.1:" + jvm.port + "/relay/" + seat.roomId());
    }

    @Override
    public Optional<String> hello(Seat seat, String device, String epoch, long lastSeq) {
        return Optional.empty();
    }

    @Override
    public boolean durable() {
        return false;
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
