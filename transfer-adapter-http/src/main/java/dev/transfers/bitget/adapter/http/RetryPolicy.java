package dev.transfers.bitget.adapter.http;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.Objects;

/**
 * How often, and how far apart, the gateway sends a transfer again when an attempt failed in a
 * way that is safe to retry (connection failures, timeouts, HTTP 5xx and 429, Bitget's "system
 * abnormal" and "in progress" codes). Every retry carries the same body and clientOid.
 *
 * <p>The delay before retry {@code n} (1-based) is {@code min(maxBackoff, initialBackoff *
 * multiplier^(n-1))}, then jittered: a random value in {@code [delay * (1 - jitter), delay]}.
 * A server's Retry-After wins when it asks for longer. Retries also stop at the gateway's overall
 * deadline, whichever comes first.
 *
 * @param maxAttempts    attempts in total, the first one included; at least 1
 * @param initialBackoff the delay before the first retry, before jitter
 * @param maxBackoff     the cap on any single delay, before jitter
 * @param multiplier     how much each delay grows over the previous one; at least 1
 * @param jitter         the fraction of each delay that is random, from 0 (none) to 1 (full jitter)
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double multiplier,
        double jitter) {

    /** Default: 5 attempts, 200 ms doubling up to 5 s, half of each delay random. */
    public static final RetryPolicy DEFAULT = builder().build();

    public RetryPolicy {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, not " + maxAttempts);
        }
        if (initialBackoff.isNegative() || maxBackoff.isNegative()) {
            throw new IllegalArgumentException("initialBackoff and maxBackoff must not be negative");
        }
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff (" + maxBackoff + ") must not be below initialBackoff ("
                    + initialBackoff + ")");
        }
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("multiplier must be a finite number of at least 1, not " + multiplier);
        }
        if (!(jitter >= 0.0 && jitter <= 1.0)) {
            throw new IllegalArgumentException("jitter must be between 0 and 1, not " + jitter);
        }
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The delay before retry number {@code retry} (1 for the first retry).
     *
     * @param random a value in {@code [0, 1)} that picks the jittered delay
     */
    Duration backoffBefore(int retry, double random) {
        double exponential = initialBackoff.toNanos() * Math.pow(multiplier, Math.max(0, retry - 1));
        double capped = Math.min(exponential, maxBackoff.toNanos());
        double jittered = capped * (1.0 - jitter * random);
        return Duration.ofNanos((long) jittered);
    }

    /**
     * The wait before retry number {@code retry}: the jittered backoff, or what the exchange asked
     * for ({@code Retry-After}) when that is longer.
     */
    Duration delayBefore(int retry, Optional<Duration> retryAfter) {
        Duration backoff = backoffBefore(retry, ThreadLocalRandom.current().nextDouble());
        return retryAfter.filter(asked -> asked.compareTo(backoff) > 0).orElse(backoff);
    }

    /** Builds a {@link RetryPolicy}; every setting starts at its default. */
    public static final class Builder {
        private int maxAttempts = 5;
        private Duration initialBackoff = Duration.ofMillis(200);
        private Duration maxBackoff = Duration.ofSeconds(5);
        private double multiplier = 2.0;
        private double jitter = 0.5;

        private Builder() {
        }

        /** Attempts in total, the first included (default 5; 1 disables retries). */
        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** Delay before the first retry, before jitter (default 200 ms). */
        public Builder initialBackoff(Duration initialBackoff) {
            this.initialBackoff = Objects.requireNonNull(initialBackoff, "initialBackoff");
            return this;
        }

        /** Cap on any delay, before jitter (default 5 s). */
        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = Objects.requireNonNull(maxBackoff, "maxBackoff");
            return this;
        }

        /** Growth factor between delays (default 2). */
        public Builder multiplier(double multiplier) {
            this.multiplier = multiplier;
            return this;
        }

        /** Random fraction of each delay, 0 to 1 (default 0.5). */
        public Builder jitter(double jitter) {
            this.jitter = jitter;
            return this;
        }

        /** @throws IllegalArgumentException naming the setting that is out of range */
        public RetryPolicy build() {
            return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, multiplier, jitter);
        }
    }
}
