package dev.transfers.bitget.bench;

import dev.transfers.bitget.adapter.fake.simulator.RecordedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * What a server saw of a rate limit, from the arrival times it recorded: the sustained rate, the
 * most requests in any window of 1000 ms (sliding, half-open {@code [t, t + 1000 ms)} as the
 * simulator counts), and the margin: the shortest span of 11 consecutive arrivals minus 1000 ms
 * (negative means some window held 11).
 */
record Arrivals(int count, double sustainedPerSecond, int maxInAnyWindow, Duration worstWindowStart,
        Duration shortestSpanOf11, Duration shortestGap) {
    static final Duration WINDOW = Duration.ofMillis(1000);
    static final int LIMIT = 10;

    /** The transfer requests among these, by arrival. */
    static Arrivals ofTransfers(List<RecordedRequest> requests) {
        return ofTransfers(requests, Duration.ZERO);
    }

    /** The transfer requests among these that arrived {@code skip} or more after the first one. */
    static Arrivals ofTransfers(List<RecordedRequest> requests, Duration skip) {
        long[] nanos = transferNanos(requests);
        if (nanos.length == 0) {
            return of(nanos);
        }
        long from = nanos[0] + skip.toNanos();
        return of(java.util.Arrays.stream(nanos).filter(t -> t >= from).toArray());
    }

    /** The transfer requests among these from the {@code (skipped + 1)}th arrival on (after a warm-up). */
    static Arrivals ofTransfersAfterFirst(List<RecordedRequest> requests, int skipped) {
        long[] nanos = transferNanos(requests);
        return of(java.util.Arrays.copyOfRange(nanos, Math.min(skipped, nanos.length), nanos.length));
    }

    private static long[] transferNanos(List<RecordedRequest> requests) {
        return requests.stream()
                .filter(r -> r.method().equals("POST") && r.path().equals(HandSigned.PATH))
                .map(RecordedRequest::arrival)
                .mapToLong(Arrivals::epochNanos)
                .sorted()
                .toArray();
    }

    static Arrivals of(long[] sortedNanos) {
        int n = sortedNanos.length;
        if (n < 2) {
            return new Arrivals(n, 0, n, Duration.ZERO, null, null);
        }
        double seconds = (sortedNanos[n - 1] - sortedNanos[0]) / 1e9;
        long window = WINDOW.toNanos();
        int max = 0;
        long worstStart = sortedNanos[0];
        int end = 0;
        for (int start = 0; start < n; start++) {
            while (end < n && sortedNanos[end] - sortedNanos[start] < window) {
                end++;
            }
            if (end - start > max) {
                max = end - start;
                worstStart = sortedNanos[start];
            }
        }
        long shortestGap = Long.MAX_VALUE;
        for (int i = 1; i < n; i++) {
            shortestGap = Math.min(shortestGap, sortedNanos[i] - sortedNanos[i - 1]);
        }
        Duration span11 = null;
        if (n > LIMIT) {
            long shortest = Long.MAX_VALUE;
            for (int i = LIMIT; i < n; i++) {
                shortest = Math.min(shortest, sortedNanos[i] - sortedNanos[i - LIMIT]);
            }
            span11 = Duration.ofNanos(shortest);
        }
        return new Arrivals(n, (n - 1) / seconds, max, Duration.ofNanos(worstStart - sortedNanos[0]), span11,
                Duration.ofNanos(shortestGap));
    }

    private static long epochNanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    String describe() {
        return String.format(Locale.ROOT, "%5d requests  %6.3f/s sustained  max %2d in any 1000 ms (from +%.1f s)  "
                        + "margin %s  shortest gap %s",
                count, sustainedPerSecond, maxInAnyWindow, worstWindowStart.toMillis() / 1000.0,
                shortestSpanOf11 == null ? "n/a" : millis(shortestSpanOf11.minus(WINDOW)),
                shortestGap == null ? "n/a" : millis(shortestGap));
    }

    static String millis(Duration duration) {
        return String.format(Locale.ROOT, "%.1f ms", duration.toNanos() / 1e6);
    }
}
