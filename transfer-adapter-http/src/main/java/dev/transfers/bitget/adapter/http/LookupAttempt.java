package dev.transfers.bitget.adapter.http;

import dev.transfers.bitget.domain.TransferStatus;
import java.time.Duration;
import java.util.Optional;

/** What one request to the transfer-records endpoint established. Descriptions never contain secrets. */
sealed interface LookupAttempt {

    /** Plain words for logs and exception messages. */
    String description();

    /** A well-formed answer: what the records say of the clientOid. */
    record Seen(TransferStatus status, String description) implements LookupAttempt {
    }

    /** HTTP 429 or code 429: retry after {@code retryAfter} when given. */
    record RateLimited(Optional<Duration> retryAfter, String description) implements LookupAttempt {
    }

    /** Bitget refused the request's timestamp (40005, 40008): resynchronise and retry once. */
    record ClockRejected(String description) implements LookupAttempt {
    }

    /**
     * No usable answer that a repeat could not change: a dropped connection, a timeout, HTTP 5xx,
     * an unreadable or malformed body. Reading is safe to repeat.
     */
    record Retryable(Optional<Duration> retryAfter, Throwable cause, String description) implements LookupAttempt {
    }

    /** Refused for good (credentials, permission, a parameter): repeating would not help. */
    record Refused(String description) implements LookupAttempt {
    }
}
