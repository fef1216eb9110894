package dev.transfers.bitget.adapter.http;

import dev.transfers.bitget.domain.Sleeper;
import io.github.bucket4j.BlockingStrategy;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The default {@link RequestRateLimiter}: the rate limit of one UID kept in this process, for every
 * gateway built with this instance. A gateway given none makes one of its own.
 *
 * <p>A permit is two things in turn. First a grant of a Bucket4j bucket of capacity 1, greedy
 * refill of 1 token every {@value #PERIOD_MILLIS} ms, with nanosecond precision: consecutive grants
 * are at least one period apart (a larger capacity would allow bursts: capacity 10 refilled at 10/s
 * let 20 through in one window), which keeps the flow even. Then one of the 10 slots of a
 * {@link SendWindow}, which is what bounds arrivals: a slot is given again only once the next
 * request through it cannot arrive within 1000 ms of the previous one's arrival (dated by Bitget's
 * {@code requestTime} when the permit is released with one, else by the release, the end of the
 * attempt), so no 1000 ms of arrivals holds 11 requests of this limiter however they stall. With
 * the window binding, one process sustains about 9.7 to 9.9 requests per second (docs/BENCHMARKS.md).
 *
 * <p>It cannot see other processes: for a fleet, use a limiter shared through Redis
 * ({@code transfer-adapter-http-redis}).
 */
public final class LocalRateLimiter extends RequestRateLimiter {
    /** The least time between two permits. */
    public static final long PERIOD_MILLIS = 100;

    /** The bucket; package-private so that a test can spend permits as another user would. */
    final Bucket bucket;
    private final TimeMeter time;
    private final SendWindow window;

    /** A limit of its own, for one UID: share the instance among the gateways of that UID. */
    public LocalRateLimiter() {
        this(TimeMeter.SYSTEM_NANOTIME, new SendWindow(SendWindow.BITGET_SLOTS, SendWindow.BITGET_WINDOW));
    }

    /** A limit on this time source and window, so that a test can run it on fake time. */
    LocalRateLimiter(TimeMeter time, SendWindow window) {
        this.bucket = Bucket.builder()
                .addLimit(limit -> limit.capacity(1).refillGreedy(1, Duration.ofMillis(PERIOD_MILLIS)))
                .withCustomTimePrecision(time)
                .build();
        this.time = time;
        this.window = window;
    }

    /** Waits for the spacing, then for a slot of the window, both within {@code maxWait}. */
    @Override
    public Optional<Permit> acquire(Duration maxWait, Sleeper sleeper) throws InterruptedException {
        long start = time.currentTimeNanos();
        BlockingStrategy sleeping = nanos -> sleeper.sleep(Duration.ofNanos(nanos));
        if (!bucket.asBlocking().tryConsume(1, maxWait, sleeping)) {
            return Optional.empty();
        }
        OptionalLong granted = window.grant(maxWait.minusNanos(time.currentTimeNanos() - start));
        if (granted.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new WindowPermit(window, granted.getAsLong()));
    }

    @Override
    public String describe() {
        return "rate limit of this process";
    }

    @Override
    public String toString() {
        return "LocalRateLimiter[" + PERIOD_MILLIS + " ms]";
    }

    /**
     * A slot of the window granted at {@code grantedAt}, given back on release. A class, not a
     * lambda: a fresh JVM links a capturing lambda through method handles it must first generate.
     */
    private static final class WindowPermit implements Permit {
        private final SendWindow window;
        private final long grantedAt;

        WindowPermit(SendWindow window, long grantedAt) {
            this.window = window;
            this.grantedAt = grantedAt;
        }

        @Override
        public void release(OptionalLong requestTime, boolean rateLimited) {
            window.release(grantedAt, requestTime, rateLimited);
        }
    }
}
