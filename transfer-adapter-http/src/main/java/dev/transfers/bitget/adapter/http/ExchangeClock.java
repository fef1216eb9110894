package dev.transfers.bitget.adapter.http;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The local clock corrected by the offset last measured against Bitget's server time; the
 * source of every {@code ACCESS-TIMESTAMP}.
 */
final class ExchangeClock {
    private final Clock local;
    private final AtomicLong offsetMillis = new AtomicLong();

    ExchangeClock(Clock local) {
        this.local = local;
    }

    /** Milliseconds since the epoch as the exchange counts them. */
    long nowMillis() {
        return local.millis() + offsetMillis.get();
    }

    long offsetMillis() {
        return offsetMillis.get();
    }

    /**
     * Sets the offset from a server time read between two local instants: the server is assumed
     * to have read its clock half way through the round trip.
     */
    void resync(long serverMillis, long localSentMillis, long localReceivedMillis) {
        long localMidpoint = localSentMillis + (localReceivedMillis - localSentMillis) / 2;
        offsetMillis.set(serverMillis - localMidpoint);
    }
}
