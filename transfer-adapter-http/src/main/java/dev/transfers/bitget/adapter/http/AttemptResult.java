package dev.transfers.bitget.adapter.http;

import dev.transfers.bitget.domain.RejectionReason;
import java.time.Duration;
import java.util.Optional;

/** What one attempt to send a transfer established. Descriptions never contain secrets. */
sealed interface AttemptResult {

    /** Plain words for logs and exception messages. */
    String description();

    /**
     * Bitget applied the transfer (now or earlier under the same clientOid).
     *
     * @param echoedClientOid the {@code clientOid} (or {@code clientOrderId}) Bitget echoed, if any
     */
    record Applied(String transferId, Optional<String> echoedClientOid, String description)
            implements AttemptResult {
    }

    /**
     * Bitget answered that this request was not applied.
     *
     * @param settlesTransfer true when the exchange judged the transfer itself (balance, amount,
     *                        parameters, coin), so that earlier attempts of the same clientOid
     *                        cannot have been applied either; false when it refused the request
     *                        as a request (credentials, permission, an unknown code)
     */
    record Rejected(RejectionReason reason, String code, String message, boolean settlesTransfer,
            String description) implements AttemptResult {
    }

    /** Bitget refused the request's timestamp (40005, 40008); nothing applied. */
    record ClockRejected(String code, String message, String description) implements AttemptResult {
    }

    /** HTTP 429 or code 429: nothing applied; retry after {@code retryAfter} when given. */
    record RateLimited(String code, String message, Optional<Duration> retryAfter, String description)
            implements AttemptResult {
    }

    /** The connection could not be made: no byte of the request reached the exchange. */
    record NotSent(Throwable cause, String description) implements AttemptResult {
    }

    /** The request may have been applied (no answer, or no answer that says). Safe to retry. */
    record InDoubt(Optional<Duration> retryAfter, Throwable cause, String description) implements AttemptResult {
    }
}
