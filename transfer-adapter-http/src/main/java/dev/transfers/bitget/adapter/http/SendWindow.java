package dev.transfers.bitget.adapter.http;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;

/**
 * The second half of the client-side rate limit: at most {@code slots} requests of one limiter are
 * in flight or finished less than {@code window} ago. A slot is taken just before a request is
 * sent and given back {@code window} after its attempt ended (answer, failure or timeout).
 *
 * <p>Why: the token bucket spaces <em>grants</em> a period (105 ms) apart, but what the exchange counts is
 * <em>arrivals</em>. Requests granted in turn can stall before they leave (connection set-up, a
 * cold JIT) and then arrive together: the benchmark saw 11 to 12 in one 1000 ms window at a cold
 * start. With this window, any 11 requests of a limiter include two that used the same slot, and the
 * later one was sent at least {@code window} after the earlier one's attempt ended, hence after the
 * earlier one arrived: no {@code window}-long span of arrivals can hold {@code slots + 1}, however
 * long requests stall. In steady state it never waits, since the bucket's spacing already keeps
 * ten requests more than a second apart.
 *
 * <p>One per {@link RequestRateLimiter} instance, so per process and shared by the gateways that
 * share the limiter; it waits in real time.
 */
final class SendWindow {
    static final int BITGET_SLOTS = 10;
    static final Duration BITGET_WINDOW = Duration.ofMillis(1000);

    private final int slots;
    private final long windowNanos;
    /** When each finished request's slot comes free again, in order (System.nanoTime). */
    private final Deque<Long> freeAt = new ArrayDeque<>();
    private int inFlight;

    SendWindow(int slots, Duration window) {
        this.slots = slots;
        this.windowNanos = window.toNanos();
    }

    /**
     * Takes a slot, waiting for one at most {@code maxWait}; false, taking nothing, when none
     * comes free in time.
     */
    synchronized boolean acquire(Duration maxWait) throws InterruptedException {
        long deadline = System.nanoTime() + Math.max(0, maxWait.toNanos());
        while (true) {
            long now = System.nanoTime();
            while (!freeAt.isEmpty() && freeAt.peekFirst() - now <= 0) {
                freeAt.pollFirst();
            }
            if (inFlight + freeAt.size() < slots) {
                inFlight++;
                return true;
            }
            long until = freeAt.isEmpty() ? deadline : Math.min(deadline, freeAt.peekFirst());
            if (deadline - now <= 0 || !freeAt.isEmpty() && freeAt.peekFirst() - deadline > 0) {
                return false; // no slot can come free in time: any later release frees one a window later still
            }
            TimeUnit.NANOSECONDS.timedWait(this, Math.max(1, until - now));
        }
    }

    /** Gives back a slot taken by {@link #acquire}, {@code window} from now: call once the attempt has ended. */
    synchronized void release() {
        inFlight--;
        freeAt.addLast(System.nanoTime() + windowNanos);
        notifyAll();
    }
}
