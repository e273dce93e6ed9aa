package dev.hearth.bench.store;

import org.HdrHistogram.Histogram;

/** Ack latency percentiles in milliseconds: from the call to {@code append} to the writer seeing its ack. */
record Latency(double p50, double p90, double p99, double p999, double max) {

    static Latency of(Histogram nanos) {
        return new Latency(ms(nanos.getValueAtPercentile(50)), ms(nanos.getValueAtPercentile(90)),
                ms(nanos.getValueAtPercentile(99)), ms(nanos.getValueAtPercentile(99.9)), ms(nanos.getMaxValue()));
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
