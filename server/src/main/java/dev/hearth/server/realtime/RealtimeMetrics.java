package dev.hearth.server.realtime;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real-time engine's meters on {@code /metrics} (docs/operations.md): connections by transport
 * and role, messages and bytes in and out by type, errors by code, command-to-ack and
 * command-to-delivery latency, outbound queue depth, resumes, slow-consumer disconnects.
 */
public final class RealtimeMetrics {

    private final MeterRegistry registry;
    private final Map<String, AtomicInteger> connections = new ConcurrentHashMap<>();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final Map<String, DistributionSummary> summaries = new ConcurrentHashMap<>();

    public RealtimeMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counts a connection as open until the returned runnable runs. */
    public Runnable connected(String transport, String role) {
        String key = transport + "|" + role;
        AtomicInteger gauge = connections.computeIfAbsent(key, k -> {
            AtomicInteger g = new AtomicInteger();
            registry.gauge("hearth_realtime_connections", io.micrometer.core.instrument.Tags.of(
                    "transport", transport, "role", role), g);
            return g;
        });
        gauge.incrementAndGet();
        count("hearth_realtime_connects_total", "transport", transport);
        return gauge::decrementAndGet;
    }

    /** A message received; {@code type} is one the channel knows (else "other": clients choose types). */
    public void messageIn(String transport, String type, int bytes) {
        count("hearth_realtime_messages_in_total", "transport", transport, "type", type);
        summary("hearth_realtime_bytes_in", transport, "Bytes of frames received").record(bytes);
    }

    /** A frame written to a client, with how many frames still waited behind it. */
    public void messageOut(String transport, String type, int bytes, int queued) {
        count("hearth_realtime_messages_out_total", "transport", transport, "type", type);
        summary("hearth_realtime_bytes_out", transport, "Bytes of frames sent").record(bytes);
        summary("hearth_realtime_queue_depth", transport, "Frames waiting in a connection's outbound queue, sampled"
                + " at each send").record(queued);
    }

    public void error(String code) {
        count("hearth_realtime_errors_total", "code", code);
    }

    public void commandAcked(String stream, long nanos) {
        timer("hearth_realtime_command_ack_seconds", "stream", stream, "From receiving a command to its ack, after commit")
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    public void delivered(String transport, long nanos) {
        timer("hearth_realtime_command_delivery_seconds", "transport", transport,
                "From receiving a command to writing its event to a receiver").record(nanos, TimeUnit.NANOSECONDS);
    }

    public void resumed(String stream, String source) {
        count("hearth_realtime_resumes_total", "source", source);
    }

    public void slowConsumer(String transport) {
        count("hearth_realtime_slow_consumer_disconnects_total", "transport", transport);
    }

    public void recovered(String stream) {
        count("hearth_realtime_stream_reloads_total", "stream", stream);
    }

    public void ephemeralDropped() {
        count("hearth_realtime_ephemeral_dropped_total", "reason", "pressure");
    }

    private void count(String name, String tag, String value) {
        counters.computeIfAbsent(name + "|" + tag + "|" + value,
                k -> Counter.builder(name).tag(tag, value).register(registry)).increment();
    }

    private void count(String name, String tag1, String value1, String tag2, String value2) {
        counters.computeIfAbsent(name + "|" + value1 + "|" + value2,
                k -> Counter.builder(name).tag(tag1, value1).tag(tag2, value2).register(registry)).increment();
    }

    private DistributionSummary summary(String name, String transport, String description) {
        return summaries.computeIfAbsent(name + "|" + transport, k -> {
            DistributionSummary.Builder b = DistributionSummary.builder(name).tag("transport", transport)
                    .description(description);
            return name.endsWith("queue_depth")
                    ? b.publishPercentileHistogram().maximumExpectedValue(4096.0).register(registry)
                    : b.baseUnit("bytes").register(registry);
        });
    }

    private Timer timer(String name, String tag, String value, String description) {
        return timers.computeIfAbsent(name + "|" + value, k -> Timer.builder(name).tag(tag, value)
                .description(description).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry));
    }
}
