package dev.transfers.bitget.adapter.http;

import dev.transfers.bitget.domain.TransferStatus;

/** What reading the transfer records for one clientOid established, over all its requests. */
sealed interface LookupOutcome {

    /** Plain words for logs and exception messages; never a secret. */
    String description();

    /** The records were read: this is what they say. */
    record Seen(TransferStatus status, String description) implements LookupOutcome {
    }

    /**
     * The records could not be read within the attempts and the deadline: nothing is known.
     *
     * @param cause the last underlying failure, or {@code null}
     */
    record Unavailable(String description, Throwable cause) implements LookupOutcome {
    }
}
