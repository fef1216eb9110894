package dev.transfers.bitget.adapter.fake.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SlidingWindowRateLimiterTest {
    private static final long MS = 1_000_000L;

    private final AtomicLong nanos = new AtomicLong(5_000 * MS);
    private final SlidingWindowRateLimiter limiter = new SlidingWindowRateLimiter(10, Duration.ofMillis(1000), nanos::get);

    @Test
    void acceptsTenInOneInstantAndRefusesTheEleventh() {
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.tryAcquire("uid")).as("request %d", i + 1).isTrue();
        }
        assertThat(limiter.tryAcquire("uid")).isFalse();
    }

    @Test
    void slotFreesExactlyWhenTheOldestAcceptedRequestLeavesTheWindow() {
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.tryAcquire("uid")).isTrue();
            nanos.addAndGet(50 * MS);
        }
        nanos.set(5_000 * MS + 999 * MS);
        assertThat(limiter.tryAcquire("uid")).isFalse();
        nanos.set(5_000 * MS + 1000 * MS);
        assertThat(limiter.tryAcquire("uid")).isTrue();
        assertThat(limiter.tryAcquire("uid")).isFalse();
        nanos.set(5_000 * MS + 1050 * MS);
        assertThat(limiter.tryAcquire("uid")).isTrue();
    }

    @Test
    void refusedRequestsDoNotCount() {
        for (int i = 0; i < 10; i++) {
            limiter.tryAcquire("uid");
        }
        for (int i = 0; i < 100; i++) {
            nanos.addAndGet(5 * MS);
            limiter.tryAcquire("uid");
        }
        nanos.set(5_000 * MS + 1000 * MS);
        assertThat(limiter.tryAcquire("uid")).isTrue();
    }

    @Test
    void keysHaveSeparateWindows() {
        for (int i = 0; i < 10; i++) {
            limiter.tryAcquire("uid-1");
        }
        assertThat(limiter.tryAcquire("uid-1")).isFalse();
        assertThat(limiter.tryAcquire("uid-2")).isTrue();
    }
}
