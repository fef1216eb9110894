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
 * <p>Configuration: capacity 1, greedy refill of 1 token every {@value #LOCAL_PERIOD_MILLIS} ms,
 * with nanosecond precision. At capacity 1 a grant needs a whole period of refill after the
 * previous one, so consecutive grants are at least one period apart (a larger capacity would allow
 * bursts: capacity 10 refilled at 10/s let 20 through in one window). Grants are not arrivals,
 * though: requests granted in turn can stall before they leave and arrive together (the benchmark
 * saw 11 to 12 in one window at a cold start), so the bound on arrivals comes from the
 * {@link SendWindow} that every attempt also passes; the spacing only keeps the flow even, and
 * 105 ms gives about 9.5 requests per second (docs/BENCHMARKS.md measured 102 ms and up holding
 * with margin in steady state, 100 ms not).
 *
 * <p>{@link RedisRateLimiter} keeps the same bucket, at {@value #SHARED_PERIOD_MILLIS} ms
 * ({@link #sharedConfiguration()}), in Redis, shared by processes: there the margin also covers the
 * clock skew between hosts, which no per-process window can see. This class is the default, per
 * process.
 */
final class RateLimiterRegistry {
    static final long LOCAL_PERIOD_MILLIS = 105;
    static final long SHARED_PERIOD_MILLIS = 110;
    private static final ConcurrentMap<String, Bucket> BUCKETS = new ConcurrentHashMap<>();

    private RateLimiterRegistry() {
    }

    /** The limiter of this key, created on first use. */
    static Bucket forKey(String rateLimitKey) {
        return BUCKETS.computeIfAbsent(rateLimitKey, key -> Bucket.builder()
                .addLimit(configuration(LOCAL_PERIOD_MILLIS).getBandwidths()[0])
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

    /** The bucket configuration of one key shared through Redis: 1 permit per {@value #SHARED_PERIOD_MILLIS} ms. */
    static BucketConfiguration sharedConfiguration() {
        return configuration(SHARED_PERIOD_MILLIS);
    }

    private static BucketConfiguration configuration(long periodMillis) {
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(1).refillGreedy(1, Duration.ofMillis(periodMillis)))
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
