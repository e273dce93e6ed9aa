package dev.hearth.bench.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.core.session.SessionId;
import dev.hearth.store.AppendRequest;
import dev.hearth.store.EventStore;
import dev.hearth.store.GroupCommitSettings;
import dev.hearth.store.NewEvent;
import dev.hearth.store.sqlite.SqliteEventStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit is what makes the figures trustworthy, so it must catch every way a log can be wrong. */
class LogAuditTest {

    private static final SessionId SESSION = SessionId.of("audited");

    @TempDir
    Path dir;

    private final EventPayloads payloads = EventPayloads.generate(7);
    private EventStore store;

    @BeforeEach
    void open() {
        store = SqliteEventStore.open(SqliteEventStore.Options.at(dir.resolve("audit.db")), GroupCommitSettings.DEFAULT,
                InstantSource.system(), new SimpleMeterRegistry());
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void passes_when_the_log_holds_exactly_the_acknowledged_events() {
        appendAsWriterDoes(1, 3);

        LogAudit.Result result = LogAudit.check(store, List.of(acknowledged(3)), payloads);

        assertThat(result.passed()).isTrue();
        assertThat(result.eventsChecked()).isEqualTo(3);
    }

    @Test
    void fails_when_an_acknowledged_event_is_missing() {
        appendAsWriterDoes(1, 3);

        assertThat(LogAudit.check(store, List.of(acknowledged(4)), payloads).problems())
                .anyMatch(p -> p.contains("ends at seq 3 but 4 appends were acknowledged"));
    }

    @Test
    void fails_when_the_log_holds_an_event_that_was_never_acknowledged() {
        appendAsWriterDoes(1, 3);

        assertThat(LogAudit.check(store, List.of(acknowledged(2)), payloads).problems())
                .anyMatch(p -> p.contains("seq 3 is in the log but was never acknowledged"));
    }

    @Test
    void fails_when_an_event_holds_other_bytes_than_were_sent() {
        appendAsWriterDoes(1, 2);
        NewEvent other = new NewEvent("chat.message_posted", "{\"text\":\"not what was sent\"}".getBytes(StandardCharsets.UTF_8));
        store.append(AppendRequest.of(SESSION, 2, SessionWriter.clientMsgId(3), List.of(other))).join();

        assertThat(LogAudit.check(store, List.of(acknowledged(3)), payloads).problems())
                .anyMatch(p -> p.contains("seq 3 does not hold the event sent for it"));
    }

    private void appendAsWriterDoes(long fromSeq, long toSeq) {
        for (long seq = fromSeq; seq <= toSeq; seq++) {
            store.append(AppendRequest.of(SESSION, seq - 1, SessionWriter.clientMsgId(seq),
                    List.of(payloads.event(0, seq)))).join();
        }
    }

    private static SessionOutcome acknowledged(long lastAckedSeq) {
        return new SessionOutcome(0, SESSION, lastAckedSeq, 0, new Histogram(3), Optional.empty());
    }
}
