package dev.hearth.bench.load;

import org.HdrHistogram.Histogram;

/** Latency percentiles in milliseconds, and how many values they are of. */
record Percentiles(long count, double p50, double p90, double p99, double p999, double max) {

    static final Percentiles NONE = new Percentiles(0, 0, 0, 0, 0, 0);

    static Percentiles of(Histogram nanos) {
        if (nanos.getTotalCount() == 0) {
            return NONE;
        }
        return new Percentiles(nanos.getTotalCount(), ms(nanos.getValueAtPercentile(50)), ms(nanos.getValueAtPercentile(90)),
                ms(nanos.getValueAtPercentile(99)), ms(nanos.getValueAtPercentile(99.9)), ms(nanos.getMaxValue()));
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
