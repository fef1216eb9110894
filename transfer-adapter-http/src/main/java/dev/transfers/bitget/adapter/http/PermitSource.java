package dev.transfers.bitget.adapter.http;

import java.time.Duration;

/**
 * Where a gateway takes the permit every attempt needs before it is sent: this process's limiter
 * ({@link RateLimiterRegistry}) or one shared through Redis ({@link RedisRateLimiter}).
 */
interface PermitSource extends AutoCloseable {

    /**
     * Takes one permit, waiting for it through {@code sleeper}, unless that would take longer than
     * {@code maxWait}; then takes nothing and returns false at once.
     *
     * @throws RateLimiterUnavailableException when the limiter cannot be asked; no permit was taken
     */
    boolean acquire(Duration maxWait, Sleeper sleeper) throws InterruptedException, RateLimiterUnavailableException;

    /** Where the permits come from, for logs and {@code toString}; never a secret. */
    String describe();

    /** Releases what this source holds (a Redis connection); later calls fail as unavailable. */
    @Override
    void close();
}
