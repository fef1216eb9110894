package dev.transfers.bitget.domain;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * How an adapter waits: between retries, for a rate-limit permit, or for a scripted delay of a fake.
 * One interface for every adapter, so a test injects one fake time everywhere and never waits for
 * real.
 */
@FunctionalInterface
public interface Sleeper {

    /**
     * Blocks the calling thread for about {@code duration}, never less.
     *
     * @param duration how long to wait
     * @throws InterruptedException when the thread is interrupted while waiting
     */
    void sleep(Duration duration) throws InterruptedException;

    /**
     * The real thing: sleeps the calling thread.
     *
     * @return a sleeper that really waits
     */
    static Sleeper system() {
        return duration -> TimeUnit.NANOSECONDS.sleep(duration.toNanos());
    }
}
