package dev.transfers.bitget.adapter.http;

import dev.transfers.bitget.domain.Sleeper;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The client-side rate limit of one Bitget UID (10 requests per second, across all its API keys):
 * every attempt of a {@link BitgetTransferGateway}, retries included, takes a {@link Permit} here
 * before it is sent, and gives it back once the attempt has ended, saying what the answer told of
 * the request's arrival. Set it with {@link BitgetTransferGateway.Builder#rateLimiter(RequestRateLimiter)}.
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
 * <p><b>What a limiter must bound.</b> Bitget counts <em>arrivals</em>: a limiter keeps any 1000 ms
 * of arrivals to 10 requests, however its requests are spaced, stalled before they leave, or slow on
 * the way. Spacing the permits alone does not do it (a request stalled after its permit arrives
 * together with the next ones). Both limiters of this library keep 10 claims, each held by one
 * request from its permit until the next request through it cannot arrive within 1000 ms of this
 * one's arrival; so any 11 requests include two through one claim, at least 1000 ms apart. That is
 * why a permit is given back with the attempt's outcome: the exchange's {@code requestTime} in the
 * answer dates the arrival, and without one the end of the attempt bounds it.
 *
 * <p>To write one, extend this class and implement {@link #acquire(Duration, Sleeper)} and
 * {@link #describe()}; override {@link #close()} when it holds a resource. Implementations are
 * called concurrently by every thread of every gateway that uses them.
 */
public abstract class RequestRateLimiter implements AutoCloseable {
    /** For subclasses; each instance is a limit of its own. */
    protected RequestRateLimiter() {
    }

    /**
     * Takes one permit, waiting for it through {@code sleeper}, unless that would take longer than
     * {@code maxWait}; then takes nothing and returns empty at once. The caller sends at most one
     * request under the permit, no later than {@code maxWait} from now, and then
     * {@linkplain Permit#release(OptionalLong, boolean) releases} it exactly once, whatever happened.
     *
     * @param maxWait how long the call may wait, and the longest the attempt under the permit may
     *                take after that (what is left of the transfer's deadline)
     * @param sleeper how to wait: the gateway's, so that tests can wait on fake time
     * @return the permit, or empty when none would come within {@code maxWait}
     * @throws InterruptedException            when the thread is interrupted while waiting
     * @throws RateLimiterUnavailableException when the limiter cannot be asked (a shared store is
     *                                         down); no permit was taken, and the gateway sends nothing
     */
    public abstract Optional<Permit> acquire(Duration maxWait, Sleeper sleeper)
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

    /**
     * The right to send one request, held until the attempt that sent it has ended. Implementations
     * are called from the thread that made the attempt, once per permit.
     */
    public interface Permit {
        /**
         * Gives the permit back once its attempt has ended (answered, failed, timed out, or not sent
         * at all). It never throws: a limiter that cannot record the release (its store down) keeps
         * the permit's claim until it expires on its own.
         *
         * @param requestTime the exchange's {@code requestTime} (epoch milliseconds, the exchange's
         *                    clock) in the attempt's answer: when the exchange handled the request;
         *                    empty when the attempt got no answer that says so
         * @param rateLimited true when the answer was a 429: the exchange counted more than the
         *                    limit, and the limiter should hold back for a moment
         */
        void release(OptionalLong requestTime, boolean rateLimited);
    }
}
