package dev.hearth.bench.map;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/** What the commands of one kind (or all) cost in one window: their latency and where it went. */
final class KindStats {

    /** Nanoseconds per command, up to a minute, three significant digits. */
    final Histogram nanos = new Histogram(TimeUnit.MINUTES.toNanos(1), 3);
    long rejected;
    long events;
    long decideNanos;
    long applyNanos;
    long encodeNanos;
    long logBytes;
    long gmBytes;
    long playerBytes;
    /** Rejections' messages, the first of each kind, so a broken mix shows at once. */
    String firstRejection;

    void add(CommandPath.Outcome o) {
        nanos.recordValue(Math.min(o.nanos(), nanos.getHighestTrackableValue()));
        if (o.rejection().isPresent()) {
            rejected++;
            if (firstRejection == null) {
                firstRejection = o.rejection().get().kind() + ": " + o.rejection().get().message();
            }
        }
        events += o.events();
        decideNanos += o.decideNanos();
        applyNanos += o.applyNanos();
        encodeNanos += o.encodeNanos();
        logBytes += o.logBytes();
        gmBytes += o.gmBytes();
        playerBytes += o.playerBytes();
    }

    long count() {
        return nanos.getTotalCount();
    }

    long totalNanos() {
        return decideNanos + applyNanos + encodeNanos;
    }

    /** Commands per second of the actor's time: how many such commands one table could take, back to back. */
    double perSecond() {
        return totalNanos() == 0 ? 0 : count() * 1e9 / totalNanos();
    }

    double percentileMicros(double p) {
        return count() == 0 ? 0 : nanos.getValueAtPercentile(p) / 1e3;
    }

    double maxMicros() {
        return count() == 0 ? 0 : nanos.getMaxValue() / 1e3;
    }

    double meanMicros(long total) {
        return count() == 0 ? 0 : total / 1e3 / count();
    }

    double meanBytes(long total) {
        return count() == 0 ? 0 : (double) total / count();
    }
}
