package dev.tastebot.measure;

import java.util.Arrays;
import java.util.Locale;

/** Durations of many runs of one thing, for their median and tail. */
final class Latencies {
    private final long[] sortedNanos;

    Latencies(long[] nanos) {
        this.sortedNanos = nanos.clone();
        Arrays.sort(sortedNanos);
    }

    int count() {
        return sortedNanos.length;
    }

    /** The nearest-rank percentile, 0 < {@code percent} <= 100, in milliseconds; 0 when nothing was timed. */
    double millis(double percent) {
        if (sortedNanos.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100 * sortedNanos.length);
        return sortedNanos[Math.clamp(rank - 1, 0, sortedNanos.length - 1)] / 1e6;
    }

    /** "median 0.41 ms, p95 1.20 ms, p99 2.31 ms, max 4.00 ms" */
    String summary() {
        return String.format(Locale.ROOT, "median %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms",
                millis(50), millis(95), millis(99), millis(100));
    }
}
