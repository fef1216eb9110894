package dev.transfers.bitget.adapter.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * How the gateway waits: between retries (backoff, Retry-After) and for a permit of the
 * client-side rate limiter. Inject one in tests so no test waits for real backoff.
 */
@FunctionalInterface
public interface Sleeper {

    /**
     * Blocks the calling thread for about {@code duration}, never less.
     *
     * @throws InterruptedException when the thread is interrupted while waiting
     */
    void sleep(Duration duration) throws InterruptedException;

    /** The real thing: sleeps the calling thread. */
    static Sleeper system() {
        return duration -> TimeUnit.NANOSECONDS.sleep(duration.toNanos());
    }
}
