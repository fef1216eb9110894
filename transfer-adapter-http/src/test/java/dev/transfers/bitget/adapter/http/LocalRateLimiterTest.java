package dev.transfers.bitget.adapter.http;

import dev.transfers.bitget.domain.Sleeper;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The spacing of {@link LocalRateLimiter}'s permits, on fake time. */
class LocalRateLimiterTest {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final TimeMeter fakeTime = new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            return nanos.get();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    };
    private final Sleeper advancing = duration -> nanos.addAndGet(duration.toNanos());

    @Test
    void permitsCallingBackToBackAreExactlyOnePeriodApart() throws Exception {
        LocalRateLimiter limiter = new LocalRateLimiter(fakeTime);
        List<Long> grants = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            assertThat(limiter.acquire(Duration.ofSeconds(5), advancing)).isTrue();
            grants.add(nanos.get());
        }

        for (int i = 1; i < grants.size(); i++) {
            assertThat(Duration.ofNanos(grants.get(i) - grants.get(i - 1)))
                    .as("from permit %d to permit %d", i - 1, i)
                    .isEqualTo(Duration.ofMillis(LocalRateLimiter.PERIOD_MILLIS));
        }
        assertThat(LocalRateLimiter.PERIOD_MILLIS).as("the README's spacing: 1000 ms / 10").isEqualTo(100);
    }

    @Test
    void aPermitAfterAPauseIsImmediateButNeverTwoAtOnce() throws Exception {
        LocalRateLimiter limiter = new LocalRateLimiter(fakeTime);
        assertThat(limiter.acquire(Duration.ofNanos(1), advancing)).isTrue();
        nanos.addAndGet(Duration.ofSeconds(3).toNanos());

        assertThat(limiter.acquire(Duration.ofNanos(1), advancing)).as("a pause saves one permit").isTrue();
        assertThat(limiter.acquire(Duration.ofMillis(99), advancing)).as("but not two").isFalse();
        assertThat(limiter.acquire(Duration.ofMillis(100), advancing)).isTrue();
    }
}
