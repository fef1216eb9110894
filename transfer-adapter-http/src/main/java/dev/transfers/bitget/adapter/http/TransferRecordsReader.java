package dev.transfers.bitget.adapter.http;

import dev.transfers.bitget.domain.Sleeper;
import dev.transfers.bitget.domain.TransferQuery;
import feign.FeignException;
import feign.Request;
import feign.Response;
import io.github.bucket4j.Bucket;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads what Bitget's transfer records ({@code GET /api/v2/spot/account/transferRecords}) say of
 * one clientOid: signed like every private request (the signature covers the exact query sent),
 * {@code coin}, {@code clientOid}, {@code startTime} and {@code endTime} always sent, the span
 * {@value #SEARCHED_DAYS} days (Bitget's most) ending {@value #END_MARGIN_HOURS} hours after now, so
 * that a transfer of the last {@value #SEARCHED_DAYS} days minus that margin is found even when the
 * local clock lags Bitget's.
 *
 * <p>Its own rate limit, separate from the transfer's: Bitget allows 20 requests per second per
 * UID here, and this reader keeps its requests {@value #PERIOD_MILLIS} ms apart and at most
 * {@value #SLOTS} in any 1000 ms (a {@link SendWindow}). Retries as the transfer does (429, 5xx,
 * dropped connections, timeouts, unreadable answers) under the same {@link RetryPolicy} and the
 * caller's deadline; a timestamp error resynchronises the clock once.
 */
final class TransferRecordsReader {
    static final int SEARCHED_DAYS = 90;
    static final int END_MARGIN_HOURS = 24;
    static final long PERIOD_MILLIS = 55;
    static final int SLOTS = 20;
    private static final Logger LOG = LoggerFactory.getLogger(TransferRecordsReader.class);

    /** Reads Bitget's server time and corrects the clock offset; false when no usable answer came. */
    @FunctionalInterface
    interface ClockResync {
        boolean resync(Duration remaining);
    }

    private final BitgetApi api;
    private final ResponseClassifier classifier;
    private final ExchangeClock exchangeClock;
    private final ClockResync clockResync;
    private final RetryPolicy retryPolicy;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Function<Duration, Request.Options> requestOptions;
    private final Bucket spacing = Bucket.builder()
            .addLimit(limit -> limit.capacity(1).refillGreedy(1, Duration.ofMillis(PERIOD_MILLIS)))
            .withNanosecondPrecision()
            .build();
    private final SendWindow window = new SendWindow(SLOTS, SendWindow.BITGET_WINDOW);

    /**
     * @param requestOptions the connect and read timeouts of one request, given the time left
     *                       (the gateway's, so that both endpoints time out alike)
     */
    TransferRecordsReader(BitgetApi api, ResponseClassifier classifier, ExchangeClock exchangeClock,
            ClockResync clockResync, Function<Duration, Request.Options> requestOptions, RetryPolicy retryPolicy,
            Clock clock, Sleeper sleeper) {
        this.api = api;
        this.classifier = classifier;
        this.exchangeClock = exchangeClock;
        this.clockResync = clockResync;
        this.requestOptions = requestOptions;
        this.retryPolicy = retryPolicy;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** What the records say of {@code query}, read before {@code deadline}; never throws. */
    LookupOutcome read(TransferQuery query, Instant deadline) {
        List<String> history = new ArrayList<>();
        Throwable lastCause = null;
        boolean clockResynced = false;
        int attempts = 0;
        try {
            while (attempts < retryPolicy.maxAttempts()) {
                Duration remaining = Duration.between(clock.instant(), deadline);
                if (remaining.toMillis() < 1) {
                    return unavailable(history, "the deadline passed", lastCause);
                }
                if (!spacing.asBlocking().tryConsume(1, remaining, nanos -> sleeper.sleep(Duration.ofNanos(nanos)))
                        || !window.acquire(Duration.between(clock.instant(), deadline))) {
                    return unavailable(history, "the deadline would pass while waiting for the records' rate limit",
                            lastCause);
                }
                LookupAttempt result;
                try {
                    remaining = Duration.between(clock.instant(), deadline);
                    if (remaining.toMillis() < 1) {
                        return unavailable(history, "the deadline passed", lastCause);
                    }
                    attempts++;
                    result = send(query, remaining);
                } finally {
                    window.release();
                }
                history.add("records request " + attempts + ": " + result.description());
                LOG.debug("Records of {}: request {}: {}", query.clientOid(), attempts, result.description());
                if (result instanceof LookupAttempt.Seen seen) {
                    return new LookupOutcome.Seen(seen.status(), seen.description());
                }
                if (result instanceof LookupAttempt.Refused) {
                    return unavailable(history, "refused", lastCause);
                }
                if (result instanceof LookupAttempt.ClockRejected) {
                    if (clockResynced || !clockResync.resync(Duration.between(clock.instant(), deadline))) {
                        return unavailable(history, "the timestamp was refused and the clock could not be corrected",
                                lastCause);
                    }
                    clockResynced = true;
                    continue;
                }
                Optional<Duration> retryAfter = Optional.empty();
                if (result instanceof LookupAttempt.Retryable retryable) {
                    lastCause = retryable.cause() == null ? lastCause : retryable.cause();
                    retryAfter = retryable.retryAfter();
                } else if (result instanceof LookupAttempt.RateLimited limited) {
                    retryAfter = limited.retryAfter();
                }
                if (attempts < retryPolicy.maxAttempts()) {
                    Duration wait = retryPolicy.delayBefore(attempts, retryAfter);
                    if (wait.compareTo(Duration.between(clock.instant(), deadline)) >= 0) {
                        return unavailable(history, "the next request, due in " + wait.toMillis()
                                + " ms, would pass the deadline", lastCause);
                    }
                    sleeper.sleep(wait);
                }
            }
            return unavailable(history, "gave up after " + attempts + " request" + (attempts == 1 ? "" : "s"), lastCause);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return unavailable(history, "the calling thread was interrupted", lastCause);
        }
    }

    private LookupAttempt send(TransferQuery query, Duration remaining) {
        long end = exchangeClock.nowMillis() + Duration.ofHours(END_MARGIN_HOURS).toMillis();
        long start = end - Duration.ofDays(SEARCHED_DAYS).toMillis();
        try (Response response = api.transferRecords(query.coin(), query.clientOid(), start, end,
                requestOptions.apply(remaining))) {
            byte[] bytes;
            try {
                bytes = Wire.readBody(response);
            } catch (IOException broken) {
                return new LookupAttempt.Retryable(Optional.empty(), broken,
                        "HTTP " + response.status() + " with a body that broke off (" + Wire.describe(broken) + ")");
            }
            return classifier.classifyRecords(response.status(), response.headers(), bytes, query);
        } catch (FeignException failed) {
            Throwable cause = failed.getCause();
            return new LookupAttempt.Retryable(Optional.empty(), cause,
                    "the request failed (" + (cause == null ? "HTTP client" : Wire.describe(cause)) + ")");
        } catch (RuntimeException unexpected) {
            return new LookupAttempt.Retryable(Optional.empty(), unexpected,
                    "unexpected failure (" + Wire.describe(unexpected) + ")");
        }
    }

    private static LookupOutcome unavailable(List<String> history, String why, Throwable cause) {
        String seen = (history.isEmpty() ? "no records request was sent" : String.join("; ", history)) + "; " + why;
        return new LookupOutcome.Unavailable(seen, cause);
    }
}
