package dev.hearth.app.crash;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.hearth.core.session.SessionId;
import dev.hearth.store.AppendRequest;
import dev.hearth.store.AppendResult;
import dev.hearth.store.EventStore;
import dev.hearth.store.NewEvent;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * A test-only command line that appends to many sessions at once, as fast as acknowledgements
 * allow, and prints one line per acknowledged append: {@code ACK <session> <firstSeq> <lastSeq>}.
 * The crash test reads those lines, kills this process with SIGKILL mid-stream, and checks the log.
 *
 * <p>Event {@code n} of session {@code s} carries the payload {@code s/n}, so the checker can tell a
 * lost, duplicated or reordered event from a correct log.
 *
 * <p>Usage: {@code AppendLoad <sessions> <hearth serve options...>}: the store is opened exactly as
 * {@code hearth serve} would open it with those options.
 */
public final class AppendLoad {

    private AppendLoad() {}

    public static void main(String[] args) throws Exception {
        int sessions = Integer.parseInt(args[0]);
        String[] serveArgs = java.util.Arrays.copyOfRange(args, 1, args.length);
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false, UTF_8);
        EventStore store = CrashTestStores.openLikeServe(serveArgs);
        out.println("READY");
        out.flush();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < sessions; i++) {
                SessionId session = SessionId.of("crash-" + i);
                pool.submit(() -> appendForever(store, session, out));
            }
        }
    }

    private static Void appendForever(EventStore store, SessionId session, PrintStream out) {
        long seq = store.latestSeq(session);
        for (long n = 1; ; n++) {
            int count = 1 + (int) (n % 3);
            List<NewEvent> events = new ArrayList<>(count);
            for (int e = 1; e <= count; e++) {
                events.add(new NewEvent("test.appended", (session + "/" + (seq + e)).getBytes(UTF_8)));
            }
            var result = store.append(AppendRequest.of(session, seq, "msg-" + n, events)).join();
            if (!(result instanceof AppendResult.Appended appended)) {
                throw new IllegalStateException("unexpected " + result);
            }
            seq = appended.lastSeq();
            synchronized (out) {
                out.println("ACK " + session + " " + appended.firstSeq() + " " + appended.lastSeq());
                out.flush();
            }
        }
    }
}
