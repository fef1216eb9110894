package dev.transfers.bitget.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transfers.bitget.adapter.http.RequestRateLimiter.Permit;
import dev.transfers.bitget.domain.Sleeper;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import org.junit.jupiter.api.Test;

/** {@link LocalRateLimiter}'s permits on fake time: their spacing, and the window their release feeds. */
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
    /** The window on the same fake time: a wait for a slot advances it by the whole wait. */
    private final SendWindow.Ticker windowTime = new SendWindow.Ticker() {
        @Override
        public long nanoTime() {
            return nanos.get();
        }

        @Override
        public void await(Condition condition, long waitNanos) {
            nanos.addAndGet(waitNanos);
        }
    };
    private final LocalRateLimiter limiter = new LocalRateLimiter(fakeTime,
            new SendWindow(SendWindow.BITGET_SLOTS, SendWindow.BITGET_WINDOW, windowTime));

    @Test
    void permitsCallingBackToBackAreExactlyOnePeriodApart() throws Exception {
        List<Long> grants = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Optional<Permit> permit = limiter.acquire(Duration.ofSeconds(5), advancing);
            assertThat(permit).isPresent();
            grants.add(nanos.get());
            permit.get().release(OptionalLong.empty(), false);
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
        limiter.acquire(Duration.ofNanos(1), advancing).orElseThrow().release(OptionalLong.empty(), false);
        nanos.addAndGet(Duration.ofSeconds(3).toNanos());

        assertThat(limiter.acquire(Duration.ofNanos(1), advancing)).as("a pause saves one permit").isPresent();
        assertThat(limiter.acquire(Duration.ofMillis(99), advancing)).as("but not two").isEmpty();
        assertThat(limiter.acquire(Duration.ofMillis(100), advancing)).isPresent();
    }

    @Test
    void theEleventhPermitWaitsUntilTheFirstReleasedOneCannotBeFollowedWithinTheWindow() throws Exception {
        long start = nanos.get();
        List<Permit> permits = new ArrayList<>();
        for (int i = 0; i < SendWindow.BITGET_SLOTS; i++) {
            permits.add(limiter.acquire(Duration.ofSeconds(5), advancing).orElseThrow());
        }
        assertThat(limiter.acquire(Duration.ofMillis(500), advancing))
                .as("no eleventh permit while ten are in flight").isEmpty();
        // The first attempt ends now, well after its permit, without a dated answer: its slot is free a window later.
        long released = nanos.get();
        permits.get(0).release(OptionalLong.empty(), false);

        assertThat(limiter.acquire(Duration.ofSeconds(5), advancing)).isPresent();
        assertThat(Duration.ofNanos(nanos.get() - released)).as("from the release, not from the permit at %s",
                Duration.ofNanos(released - start)).isEqualTo(SendWindow.BITGET_WINDOW);
    }
}
