package dev.transfers.bitget.adapter.http;

import dev.transfers.bitget.domain.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A clock that only moves when the gateway sleeps, and the sleeper that moves it: backoff and
 * rate-limiter waits cost no real time, and the deadline is consumed exactly by what was slept.
 */
final class FakeTime extends Clock implements Sleeper {
    static final Instant START = Instant.ofEpochMilli(1_700_000_000_000L);

    private volatile Instant now = START;
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    @Override
    public synchronized void sleep(Duration duration) {
        sleeps.add(duration);
        now = now.plus(duration);
    }

    /** Every wait the gateway asked for, in order (backoff, Retry-After and rate-limiter waits). */
    List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    Duration elapsed() {
        return Duration.between(START, now);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("FakeTime is UTC only");
    }
}
