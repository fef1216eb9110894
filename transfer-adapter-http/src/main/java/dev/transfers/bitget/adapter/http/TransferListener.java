package dev.transfers.bitget.adapter.http;

import dev.transfers.bitget.domain.RejectionReason;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Hears what a {@link BitgetTransferGateway} does: each transfer call's end, each attempt, each wait
 * for a rate-limit permit, each settlement lookup in the transfer records, each clock resync. For
 * metrics (the optional {@code transfer-micrometer} module binds one to a Micrometer registry),
 * tracing or logs of your own. Add one with {@link BitgetTransferGateway.Builder#addListener}:
 *
 * <pre>{@code
 * TransferListener slowCalls = new TransferListener() {
 *     @Override
 *     public void callEnded(TransferListener.CallEnded call) {
 *         if (call.duration().compareTo(Duration.ofSeconds(2)) > 0) {
 *             log.info("slow transfer {}: {} after {} attempts", call.clientOid(), call.outcome(), call.attempts());
 *         }
 *     }
 * };
 * BitgetTransferGateway gateway = BitgetTransferGateway.builder().credentials(credentials)
 *         .addListener(slowCalls).build();
 * }</pre>
 *
 * <p>Every method has an empty default: implement those you need. The gateway calls them on the
 * thread that called {@code transfer}, in the order things happened, while the call is under way
 * (its deadline running), so they must be quick and must not block: hand slow work to a queue of
 * your own. An exception a listener throws is caught and logged (the first one of each listener at
 * WARN, later ones at DEBUG) and never changes the transfer or stops the other listeners.
 *
 * <p>Events are values and carry no secret: no API key, secret, passphrase or signature. They carry
 * the transfer's clientOid, to correlate events with a transfer in logs or traces; a clientOid is
 * unique per transfer, so it must never become a metric tag. The other fields are made for tags:
 * few distinct values each. Durations are measured on the gateway's
 * {@linkplain BitgetTransferGateway.Builder#clock clock}. {@code statusOf} calls are not reported;
 * clock resyncs are, whichever call made them.
 */
public interface TransferListener {

    /** A {@code transfer} call ended: with a receipt, a rejection, or an unknown outcome. */
    default void callEnded(CallEnded event) {
    }

    /** One attempt to send the transfer ended. */
    default void attemptEnded(AttemptEnded event) {
    }

    /** An attempt waited for its rate-limit permit (the spacing and, for the limiters shipped, a slot of the 10-slot arrival window), or gave up waiting. */
    default void permitWaited(PermitWaited event) {
    }

    /** A call read the transfer records to learn what became of its transfer. */
    default void settlementLookedUp(SettlementLookedUp event) {
    }

    /** The gateway read Bitget's server time to correct its clock, after the exchange refused a timestamp. */
    default void clockResynced(ClockResynced event) {
    }

    /** How a transfer call ended, as the port reports it. */
    enum Outcome {
        /** A receipt: the transfer is applied. */
        APPLIED,
        /** A {@code TransferRejectedException}: the transfer is not applied. */
        REJECTED,
        /** A {@code TransferOutcomeUnknownException}: it may have been applied. */
        UNKNOWN;
    }

    /**
     * A transfer call ended.
     *
     * @param clientOid the transfer's idempotency key; never a metric tag
     * @param outcome   what the call reported
     * @param reason    why, in a few words of a small fixed set: for {@link Outcome#APPLIED}
     *                  {@value #ANSWERED} (an attempt was answered with the transfer's id) or
     *                  {@value #RECORDS} (the transfer records show it applied); for
     *                  {@link Outcome#REJECTED} the {@link RejectionReason} in lower case (such as
     *                  {@code insufficient_balance}, {@code rate_limited}); for
     *                  {@link Outcome#UNKNOWN} {@value #PROCESSING} (the records show it
     *                  processing), {@value #RECORDS_UNAVAILABLE} (they could not be read),
     *                  {@value #RECORDS_NOT_READ} (no time was left to read them) or
     *                  {@value #MAY_STILL_ARRIVE} (they show nothing, but a request may yet arrive)
     * @param attempts  how many requests the call sent (0 when none was)
     * @param duration  from the call's start to its end, records read
     */
    record CallEnded(String clientOid, Outcome outcome, String reason, int attempts, Duration duration) {
        /** Reason of an applied call: an attempt was answered with the transfer's id. */
        public static final String ANSWERED = "answered";
        /** Reason of an applied call: the transfer records show it applied. */
        public static final String RECORDS = "records";
        /** Reason of an unknown outcome: the records show the transfer still processing. */
        public static final String PROCESSING = "processing";
        /** Reason of an unknown outcome: the records could not be read. */
        public static final String RECORDS_UNAVAILABLE = "records_unavailable";
        /** Reason of an unknown outcome: the deadline left no time to read the records. */
        public static final String RECORDS_NOT_READ = "records_not_read";
        /** Reason of an unknown outcome: the records show nothing, but a request sent may still arrive. */
        public static final String MAY_STILL_ARRIVE = "may_still_arrive";

        /** Checks that no field is missing. */
        public CallEnded {
            Objects.requireNonNull(clientOid, "clientOid");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(duration, "duration");
        }

        /** The reason of a rejection: the {@link RejectionReason} in lower case. */
        static String reasonOf(RejectionReason rejection) {
            return rejection.name().toLowerCase(Locale.ROOT);
        }
    }

    /** What one attempt established, in kinds fit for a tag. */
    enum AttemptKind {
        /** Answered with the transfer's id: applied. */
        APPLIED,
        /** Refused: a business rejection (balance, amount, ...) or a refused request (credentials, permission, ...). */
        REJECTED,
        /** HTTP 429 or code 429: not applied, retried. */
        RATE_LIMITED,
        /** Bitget refused the request's timestamp (40005, 40008): not applied; the clock is resynchronised. */
        CLOCK_REJECTED,
        /** HTTP 5xx: in doubt, retried. */
        SERVER_ERROR,
        /** No answer within the read timeout: in doubt, retried. */
        TIMEOUT,
        /** The connection failed after the request was sent: in doubt, retried. */
        CONNECTION_LOST,
        /** An answer that does not say (unreadable, malformed, an "in progress" code): in doubt, retried. */
        UNCLEAR_ANSWER,
        /** The connection could not be made (refused, connect timeout, TLS handshake): nothing sent. */
        NOT_SENT;
    }

    /**
     * One attempt ended.
     *
     * @param clientOid  the transfer's idempotency key; never a metric tag
     * @param attempt    its number in the call, from 1
     * @param kind       what it established
     * @param httpStatus the HTTP status of the answer, when one came
     * @param duration   from sending to the answer read (the rate-limit wait excluded)
     */
    record AttemptEnded(String clientOid, int attempt, AttemptKind kind, OptionalInt httpStatus,
            Duration duration) {
        /** Checks that no field is missing. */
        public AttemptEnded {
            Objects.requireNonNull(clientOid, "clientOid");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(httpStatus, "httpStatus");
            Objects.requireNonNull(duration, "duration");
        }
    }

    /** How a wait for the rate limit ended. */
    enum PermitResult {
        /** A permit and a slot were given: the attempt goes on. */
        GRANTED,
        /** None would come before the deadline: the attempt is not sent. */
        DEADLINE,
        /** The limiter could not be asked (a shared store down): the attempt is not sent. */
        LIMITER_UNAVAILABLE;
    }

    /**
     * An attempt waited for the rate limit.
     *
     * @param clientOid the transfer's idempotency key; never a metric tag
     * @param result    whether the attempt may go on
     * @param waited    how long it waited for the permit and the send-window slot
     */
    record PermitWaited(String clientOid, PermitResult result, Duration waited) {
        /** Checks that no field is missing. */
        public PermitWaited {
            Objects.requireNonNull(clientOid, "clientOid");
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(waited, "waited");
        }
    }

    /** What the transfer records said of a transfer's clientOid. */
    enum LookupResult {
        /** Applied: the call ends with a receipt. */
        APPLIED,
        /** Recorded as failed: not applied. */
        FAILED,
        /** Still processing: the outcome stays unknown. */
        PROCESSING,
        /** No such transfer in the records. */
        NOT_FOUND,
        /** The records could not be read within the attempts and the deadline. */
        UNAVAILABLE;
    }

    /**
     * A call read the transfer records, after attempts that did not settle the transfer alone.
     *
     * @param clientOid the transfer's idempotency key; never a metric tag
     * @param result    what the records said
     * @param duration  how long reading them took, its retries included
     */
    record SettlementLookedUp(String clientOid, LookupResult result, Duration duration) {
        /** Checks that no field is missing. */
        public SettlementLookedUp {
            Objects.requireNonNull(clientOid, "clientOid");
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(duration, "duration");
        }
    }

    /**
     * The gateway read Bitget's server time to correct its clock offset.
     *
     * @param succeeded    whether a usable server time came back (else the offset is unchanged)
     * @param offsetMillis the offset in use afterwards: Bitget's clock minus the local one, in milliseconds
     * @param duration     how long reading the server time took
     */
    record ClockResynced(boolean succeeded, long offsetMillis, Duration duration) {
        /** Checks that no field is missing. */
        public ClockResynced {
            Objects.requireNonNull(duration, "duration");
        }
    }
}
