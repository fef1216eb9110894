package dev.transfers.bitget.adapter.fake;

import java.time.Duration;

/** Waits for a duration; injected so tests of latency never sleep for real. */
@FunctionalInterface
public interface Sleeper {
    /** Sleeps on the calling thread. */
    Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);

    void sleep(Duration duration) throws InterruptedException;
}
