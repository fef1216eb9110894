package dev.transfers.bitget.adapter.http;

import dev.transfers.bitget.domain.Sleeper;
import io.github.bucket4j.BlockingStrategy;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;

/**
 * The default {@link RequestRateLimiter}: the rate limit of one UID kept in this process, for every
 * gateway built with this instance. A gateway given none makes one of its own.
 *
 * <p>Configuration: a Bucket4j bucket of capacity 1, greedy refill of 1 token every
 * {@value #PERIOD_MILLIS} ms, with nanosecond precision. At capacity 1 a grant needs a whole period
 * of refill after the previous one, so consecutive grants are at least one period apart (a larger
 * capacity would allow bursts: capacity 10 refilled at 10/s let 20 through in one window). Grants
 * are not arrivals, though: the bound on arrivals comes from the {@link SendWindow} that every
 * attempt also passes (it gives a request's slot again only once the next request through it cannot
 * arrive within 1000 ms of it), so the spacing only keeps the flow even, and may be the limit's own
 * 1000 / 10 ms: with the window binding, one process sustains about 9.7 to 9.9 requests per second
 * (docs/BENCHMARKS.md).
 *
 * <p>It cannot see other processes: for a fleet, use a limiter shared through Redis
 * ({@code transfer-adapter-http-redis}).
 */
public final class LocalRateLimiter extends RequestRateLimiter {
    /** The least time between two permits. */
    public static final long PERIOD_MILLIS = 100;

    /** The bucket; package-private so that a test can spend permits as another user would. */
    final Bucket bucket;

    /** A limit of its own, for one UID: share the instance among the gateways of that UID. */
    public LocalRateLimiter() {
        this(TimeMeter.SYSTEM_NANOTIME);
    }

    /** A limit on this time source, so that a test can run the spacing on fake time. */
    LocalRateLimiter(TimeMeter time) {
        this.bucket = Bucket.builder()
                .addLimit(limit -> limit.capacity(1).refillGreedy(1, Duration.ofMillis(PERIOD_MILLIS)))
                .withCustomTimePrecision(time)
                .build();
    }

    @Override
    public boolean acquire(Duration maxWait, Sleeper sleeper) throws InterruptedException {
        BlockingStrategy sleeping = nanos -> sleeper.sleep(Duration.ofNanos(nanos));
        return bucket.asBlocking().tryConsume(1, maxWait, sleeping);
    }

    @Override
    public String describe() {
        return "rate limit of this process";
    }

    @Override
    public String toString() {
        return "LocalRateLimiter[" + PERIOD_MILLIS + " ms]";
    }
}
