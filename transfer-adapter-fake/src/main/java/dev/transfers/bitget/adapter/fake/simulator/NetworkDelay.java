package dev.transfers.bitget.adapter.fake.simulator;

import java.time.Duration;
import java.util.Objects;
import java.util.Random;

/** One way of the simulated network: a fixed delay plus a seeded uniform jitter; thread safe. */
final class NetworkDelay {
    static final NetworkDelay NONE = new NetworkDelay(0, 0, null);

    private final long oneWayNanos;
    private final long jitterNanos;
    private final Random random;

    private NetworkDelay(long oneWayNanos, long jitterNanos, Random random) {
        this.oneWayNanos = oneWayNanos;
        this.jitterNanos = jitterNanos;
        this.random = random;
    }

    static NetworkDelay of(Duration oneWay, Duration jitter, long seed) {
        Objects.requireNonNull(oneWay, "oneWay");
        Objects.requireNonNull(jitter, "jitter");
        if (jitter.isNegative() || jitter.compareTo(oneWay) > 0) {
            throw new IllegalArgumentException("jitter must be 0.." + oneWay + ": " + jitter);
        }
        return new NetworkDelay(oneWay.toNanos(), jitter.toNanos(), new Random(seed));
    }

    /** The next one-way delay: {@code oneWay + u}, u uniform in {@code [-jitter, +jitter]}. */
    Duration next() {
        if (random == null) {
            return Duration.ZERO;
        }
        long jitter = jitterNanos == 0 ? 0 : (long) ((random.nextDouble() * 2 - 1) * jitterNanos);
        return Duration.ofNanos(oneWayNanos + jitter);
    }
}
