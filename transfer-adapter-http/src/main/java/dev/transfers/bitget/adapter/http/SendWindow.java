package dev.transfers.bitget.adapter.http;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bound on arrivals of the client-side rate limit: at most {@code slots} requests of one limiter
 * in any {@code window} at the exchange. Each request takes one of {@code slots} slots just before it
 * is sent; the slot is given again only once the next request through it cannot arrive less than
 * {@code window} after this one arrived.
 *
 * <h2>The argument</h2>
 * What the exchange counts is <em>arrivals</em>. By pigeonhole, any {@code slots + 1} requests of a
 * limiter include two that used the same slot; if each request through a slot arrives at least
 * {@code window} after the previous request through it, no {@code window}-long span of arrivals holds
 * {@code slots + 1}, however requests are spaced, stalled or reordered. Three facts bound when a
 * request arrived, and the window uses the best one it has:
 * <ol>
 *   <li><b>Send start</b> (the grant here): a request cannot arrive before it.</li>
 *   <li><b>End of the attempt</b> (an answer, a failure or a timeout; an answer's first byte cannot
 *       come before its request arrived): a request that left arrived before it. So a slot given again
 *       {@code window} after its attempt ended is always safe; this is the <em>fallback</em>, used
 *       when the attempt got no answer that says when the exchange handled it (a timeout, a dropped
 *       connection, an HTML page). It charges the whole round trip: at 100 ms it caps a limiter at
 *       10 per 1.1 s.</li>
 *   <li><b>The exchange's {@code requestTime}</b> in the answer: when the exchange handled the
 *       request, on its clock, to the millisecond. The previous request's arrival is then known
 *       (before {@code requestTime + 1 ms}); what is not known is when the <em>next</em> one will
 *       arrive. For each answered request this window records {@code c = requestTime - grant} (the
 *       exchange clock's offset to this host plus the outbound delay, on the exchange's clock); the
 *       least {@code c} of the last {@value #DELAY_SAMPLES} answers predicts the earliest arrival of
 *       a request granted at {@code t}: {@code t + min c}. The slot is given again when
 *       {@code t + min c >= requestTime + 1 ms + window + margin}. This holds as long as no outbound
 *       delay (with the offset) falls more than the margin ({@value #ARRIVAL_MARGIN_MILLIS} ms) below
 *       the least of the last answers'; the clock's offset cancels out, since both sides of the
 *       comparison are on the exchange's clock. It charges only the variation of the outbound delay,
 *       not the round trip.</li>
 * </ol>
 * The slot is given again at the earlier of (2) and (3): (2) is always true, so the only assumption
 * is that of (3). Answers are checked against each other: each brackets the clock offset between
 * {@code requestTime - end} and {@code requestTime - grant}; an answer whose bracket misses the
 * others' (a clock that stepped, a server whose stamps are not arrivals) drops the delays learnt so far
 * and turns every finished request's claim back to the fallback (2). Should it fail (a path suddenly faster than any seen, a busy exchange's clock), the
 * exchange answers 429, which applies nothing: then no slot is given for
 * {@value #RATE_LIMITED_HOLD_MILLIS} ms after the 429, and the gateway retries under its policy.
 * Several gateways of one limiter that talk to different hosts would mix their delays; give each host a
 * limiter of its own.
 *
 * <p>One per {@link LocalRateLimiter} instance, so per process and shared by the gateways that
 * share the limiter (and one of its own in the {@link TransferRecordsReader}). It waits on real time
 * unless a test gives it a {@link Ticker}. The fleet's limiter through Redis keeps the same
 * argument in Redis, for every process at once.
 */
final class SendWindow {
    static final int BITGET_SLOTS = 10;
    static final Duration BITGET_WINDOW = Duration.ofMillis(1000);
    /** How far below the least delay of recent answers a request's delay may fall and still be counted right. */
    static final long ARRIVAL_MARGIN_MILLIS = 10;
    /** How long no slot is given after a 429. */
    static final long RATE_LIMITED_HOLD_MILLIS = 100;
    /** How many recent answers give the least delay. */
    static final int DELAY_SAMPLES = 64;
    private static final long MILLI = TimeUnit.MILLISECONDS.toNanos(1);

    /** Time and waiting; {@link #SYSTEM} but in tests. */
    interface Ticker {
        Ticker SYSTEM = new Ticker() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void await(Condition condition, long nanos) throws InterruptedException {
                condition.awaitNanos(nanos);
            }
        };

        /** A monotonic instant in nanoseconds. */
        long nanoTime();

        /** Waits on {@code condition} (its lock held) until signalled or {@code nanos} have passed. */
        void await(Condition condition, long nanos) throws InterruptedException;
    }

    /** A finished request's claim on its slot: until {@code freeAt} (local), or until the arrival rule says so. */
    private record Finished(long freeAt, long arrivalBoundOnExchangeClock, boolean answered) {
    }

    /**
     * One answer's {@code requestTime} less the end and less the grant of its attempt (nanoseconds):
     * the exchange clock's offset, less the inbound delay and plus the outbound delay.
     */
    private record Delay(long sinceEnd, long sinceGrant) {
    }

    private final int slots;
    private final long windowNanos;
    private final Ticker ticker;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<Finished> finished = new ArrayList<>();
    /** The delays of the latest answers. */
    private final Deque<Delay> delays = new ArrayDeque<>();
    private int inFlight;
    private long holdUntil;
    private boolean holding;

    SendWindow(int slots, Duration window) {
        this(slots, window, Ticker.SYSTEM);
    }

    SendWindow(int slots, Duration window, Ticker ticker) {
        this.slots = slots;
        this.windowNanos = window.toNanos();
        this.ticker = ticker;
    }

    /**
     * Takes a slot, waiting for one at most {@code maxWait}; false, taking nothing, when none
     * comes free in time. Give it back with {@link #release()}.
     */
    boolean acquire(Duration maxWait) throws InterruptedException {
        return grant(maxWait).isPresent();
    }

    /**
     * Takes a slot, waiting for one at most {@code maxWait}, and returns the instant it was granted
     * (for {@link #release(long, OptionalLong, boolean)}); empty, taking nothing, when none comes free
     * in time.
     */
    OptionalLong grant(Duration maxWait) throws InterruptedException {
        lock.lock();
        try {
            long deadline = ticker.nanoTime() + Math.max(0, maxWait.toNanos());
            while (true) {
                long now = ticker.nanoTime();
                long nextFree = Long.MAX_VALUE;
                int taken = inFlight;
                long leastDelay = leastDelay();
                for (var iterator = finished.iterator(); iterator.hasNext(); ) {
                    long free = freeAt(iterator.next(), leastDelay);
                    if (free - now <= 0) {
                        iterator.remove();
                    } else {
                        taken++;
                        nextFree = Math.min(nextFree, free);
                    }
                }
                boolean held = holding && holdUntil - now > 0;
                if (taken < slots && !held) {
                    inFlight++;
                    return OptionalLong.of(now);
                }
                long until = taken < slots ? holdUntil : held ? Math.max(holdUntil, nextFree) : nextFree;
                // Only a request in flight can free a slot sooner than the claims known now.
                if (deadline - now <= 0 || inFlight == 0 && until != Long.MAX_VALUE && until - deadline > 0) {
                    return OptionalLong.empty();
                }
                long wakeAt = until == Long.MAX_VALUE ? deadline : until - deadline > 0 ? deadline : until;
                ticker.await(changed, Math.max(1, wakeAt - now));
            }
        } finally {
            lock.unlock();
        }
    }

    /** Gives back a slot whose attempt got no answer that dates it: free {@code window} from now. */
    void release() {
        release(0, OptionalLong.empty(), false);
    }

    /**
     * Gives back a slot once its attempt has ended.
     *
     * @param grantedAt   what {@link #grant} returned for it
     * @param requestTime the exchange's {@code requestTime} (epoch milliseconds) in the attempt's
     *                    answer, empty when there was no such answer
     * @param rateLimited true when the answer was a 429
     */
    void release(long grantedAt, OptionalLong requestTime, boolean rateLimited) {
        lock.lock();
        try {
            long now = ticker.nanoTime();
            inFlight--;
            long arrivalBound = Long.MIN_VALUE;
            if (requestTime.isPresent()) {
                long handled = requestTime.getAsLong() * MILLI;
                Delay delay = new Delay(handled - now, handled - grantedAt);
                if (!consistentWith(delay)) {
                    // A clock that stepped, or stamps that are not arrivals: date nothing by the old ones.
                    delays.clear();
                    finished.replaceAll(claim -> new Finished(claim.freeAt(), Long.MIN_VALUE, false));
                }
                delays.addLast(delay);
                if (delays.size() > DELAY_SAMPLES) {
                    delays.removeFirst();
                }
                arrivalBound = handled + MILLI;
            }
            finished.add(new Finished(now + windowNanos, arrivalBound, requestTime.isPresent()));
            if (rateLimited) {
                long hold = now + RATE_LIMITED_HOLD_MILLIS * MILLI;
                if (!holding || hold - holdUntil > 0) {
                    holdUntil = hold;
                }
                holding = true;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Whether a new answer agrees with the recent ones on causality: every answer brackets the
     * exchange clock's offset between {@code requestTime - end} and {@code requestTime - grant}, so
     * the latest lower end of any may not exceed the least upper end of any (give or take the
     * millisecond of {@code requestTime}).
     */
    private boolean consistentWith(Delay added) {
        long highestLower = added.sinceEnd();
        long lowestUpper = added.sinceGrant();
        for (Delay delay : delays) {
            highestLower = Math.max(highestLower, delay.sinceEnd());
            lowestUpper = Math.min(lowestUpper, delay.sinceGrant());
        }
        return highestLower - lowestUpper <= MILLI;
    }

    /** When a finished request's slot may be given again: the earlier of the two rules (see the class). */
    private long freeAt(Finished claim, long leastDelay) {
        if (!claim.answered()) {
            return claim.freeAt();
        }
        long byArrival = claim.arrivalBoundOnExchangeClock() + windowNanos + ARRIVAL_MARGIN_MILLIS * MILLI - leastDelay;
        return byArrival - claim.freeAt() < 0 ? byArrival : claim.freeAt();
    }

    /** The least {@code sinceGrant} of the latest answers' delays; {@link Long#MAX_VALUE} when there are none. */
    private long leastDelay() {
        long least = Long.MAX_VALUE;
        for (Delay delay : delays) {
            least = Math.min(least, delay.sinceGrant());
        }
        return least;
    }
}
