package dev.transfers.bitget.adapter.http;

import dev.transfers.bitget.domain.Sleeper;
import java.time.Duration;

/**
 * The client-side rate limit of one Bitget UID (10 requests per second, across all its API keys):
 * every attempt of a {@link BitgetTransferGateway}, retries included, takes a permit here before
 * it is sent. Set it with {@link BitgetTransferGateway.Builder#rateLimiter(RequestRateLimiter)}.
 *
 * <p>A limiter <em>is</em> the state of one UID's limit: every gateway built with the same instance
 * shares it, and gateways with different instances know nothing of each other. By default each
 * gateway makes a {@link LocalRateLimiter} of its own. Two gateways of one UID in one process (two
 * API keys of one account, say) share one limiter like this:
 *
 * <pre>{@code
 * RequestRateLimiter uid = new LocalRateLimiter();    // one per UID and process
 * BitgetTransferGateway trading = BitgetTransferGateway.builder()
 *         .credentials(tradingKey).rateLimiter(uid).build();
 * BitgetTransferGateway treasury = BitgetTransferGateway.builder()
 *         .credentials(treasuryKey).rateLimiter(uid).build();
 * }</pre>
 *
 * Several processes share one limit through a limiter that keeps its state outside the process,
 * such as {@code RedisRateLimiter} of the optional {@code transfer-adapter-http-redis} module.
 *
 * <p>Besides the permits an implementation gives, every limiter carries the second half of the
 * limit, which the gateway applies after the permit: a send window of 10 slots in this process, each
 * given again only once the next request through it cannot arrive within 1000 ms of the previous
 * one's arrival (dated by Bitget's {@code requestTime} in the answer, or by the end of an attempt
 * that got none), so that requests granted in turn but stalled before they leave cannot arrive
 * together, and the round trip is not charged to the limit. An implementation therefore only spaces
 * its permits.
 *
 * <p>To write one, extend this class and implement {@link #acquire(Duration, Sleeper)} and
 * {@link #describe()}; override {@link #close()} when it holds a resource. Implementations are
 * called concurrently by every thread of every gateway that uses them.
 */
public abstract class RequestRateLimiter implements AutoCloseable {
    private final SendWindow sendWindow = new SendWindow(SendWindow.BITGET_SLOTS, SendWindow.BITGET_WINDOW);

    /** For subclasses; each instance is a limit of its own. */
    protected RequestRateLimiter() {
    }

    /**
     * Takes one permit, waiting for it through {@code sleeper}, unless that would take longer than
     * {@code maxWait}; then takes nothing and returns false at once.
     *
     * @param maxWait how long the call may wait (what is left of the transfer's deadline)
     * @param sleeper how to wait: the gateway's, so that tests can wait on fake time
     * @return true when a permit was taken, false when none would come within {@code maxWait}
     * @throws InterruptedException            when the thread is interrupted while waiting
     * @throws RateLimiterUnavailableException when the limiter cannot be asked (a shared store is
     *                                         down); no permit was taken, and the gateway sends nothing
     */
    public abstract boolean acquire(Duration maxWait, Sleeper sleeper)
            throws InterruptedException, RateLimiterUnavailableException;

    /**
     * Where the permits come from, for logs and the gateway's {@code toString}, such as
     * {@code "rate limit of this process"}; never a secret.
     *
     * @return a short description
     */
    public abstract String describe();

    /**
     * Releases what this limiter holds (a connection, say); later calls may fail as unavailable.
     * The one who built the limiter closes it, after every gateway that uses it is done. Default:
     * nothing to release.
     */
    @Override
    public void close() {
    }

    /** The limit of requests in flight or recently finished that the gateway applies after each permit. */
    SendWindow sendWindow() {
        return sendWindow;
    }
}
