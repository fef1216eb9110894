package dev.transfers.bitget.adapter.http;

import io.github.bucket4j.BlockingStrategy;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One client-side rate limiter per rate-limit key (Bitget counts 10 requests per second per UID),
 * shared by every gateway of this process built for that key.
 *
 * <p>Configuration: capacity 1, greedy refill of 1 token every {@value #PERIOD_MILLIS} ms, with
 * nanosecond precision. At capacity 1 a grant needs a whole period of refill after the previous
 * one, so consecutive grants are at least one period apart, and any 11 grants span at least
 * {@code 10 * PERIOD} = 1100 ms: no 1000 ms window can hold 11. The 10% margin above 100 ms
 * absorbs thread wake-up and network jitter between the grant and the server's arrival time (a
 * probe of this stack saw 100 ms periods let 11 through from wake-up jitter alone, and 101 ms
 * hold with under 10 ms to spare). The cost is a sustained
 * rate of about 9.1 requests per second. A larger capacity would allow bursts: capacity 10 with
 * refill 10/s let 20 through in one window.
 *
 * <p>{@link RedisRateLimiter} keeps the same bucket ({@link #configuration()}) in Redis, shared by
 * processes; this class is the default, per process.
 */
final class RateLimiterRegistry {
    static final long PERIOD_MILLIS = 110;
    private static final ConcurrentMap<String, Bucket> BUCKETS = new ConcurrentHashMap<>();

    private RateLimiterRegistry() {
    }

    /** The limiter of this key, created on first use. */
    static Bucket forKey(String rateLimitKey) {
        return BUCKETS.computeIfAbsent(rateLimitKey, key -> Bucket.builder()
                .addLimit(configuration().getBandwidths()[0])
                .withNanosecondPrecision()
                .build());
    }

    /** The limiter of this key as a gateway's {@link PermitSource}; closing it releases nothing. */
    static PermitSource local(String rateLimitKey) {
        Bucket bucket = forKey(rateLimitKey);
        return new PermitSource() {
            @Override
            public boolean acquire(Duration maxWait, Sleeper sleeper) throws InterruptedException {
                return RateLimiterRegistry.acquire(bucket, maxWait, sleeper);
            }

            @Override
            public String describe() {
                return "rate limit of this process";
            }

            @Override
            public void close() {
                // Shared by every gateway of this process with the key: nothing of its own to release.
            }
        };
    }

    /** The bucket configuration of one key, local or shared through Redis: 1 permit per period. */
    static BucketConfiguration configuration() {
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(1).refillGreedy(1, Duration.ofMillis(PERIOD_MILLIS)))
                .build();
    }

    /**
     * Takes one permit, waiting for it through {@code sleeper}, unless it would take longer than
     * {@code maxWait}; then takes nothing and returns false at once.
     */
    static boolean acquire(Bucket bucket, Duration maxWait, Sleeper sleeper) throws InterruptedException {
        BlockingStrategy sleeping = nanos -> sleeper.sleep(Duration.ofNanos(nanos));
        return bucket.asBlocking().tryConsume(1, maxWait, sleeping);
    }
}
