package dev.transfers.bitget.adapter.fake.simulator;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * At most {@code limit} accepted requests per key in any window of the given length: a true sliding
 * window over the arrival times of accepted requests (refused requests are not counted).
 */
final class SlidingWindowRateLimiter {
    private final int limit;
    private final long windowNanos;
    private final LongSupplier nanoTicker;
    private final Map<String, Deque<Long>> acceptedArrivals = new HashMap<>();

    /**
     * @param nanoTicker a monotonic time source in nanoseconds, such as {@code System::nanoTime}
     */
    SlidingWindowRateLimiter(int limit, Duration window, LongSupplier nanoTicker) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        this.limit = limit;
        this.windowNanos = window.toNanos();
        this.nanoTicker = nanoTicker;
    }

    /** Counts a request arriving now for this key if the window has room; false when it has not. */
    synchronized boolean tryAcquire(String key) {
        long now = nanoTicker.getAsLong();
        Deque<Long> arrivals = acceptedArrivals.computeIfAbsent(key, k -> new ArrayDeque<>());
        while (!arrivals.isEmpty() && now - arrivals.peekFirst() >= windowNanos) {
            arrivals.pollFirst();
        }
        if (arrivals.size() >= limit) {
            return false;
        }
        arrivals.addLast(now);
        return true;
    }
}
