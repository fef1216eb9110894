package dev.transfers.bitget.adapter.http;

import dev.transfers.bitget.domain.RejectionReason;
import dev.transfers.bitget.domain.TransferStatus;
import java.util.List;
import java.util.Optional;

/**
 * The rule of proof: how a transfer call ends, as a pure function of what it saw (its attempts'
 * results, and the transfer records when they were read). No I/O, no clock.
 *
 * <ul>
 *   <li><b>Applied</b> on an attempt answered with a {@code transferId}, or on a {@code Successful}
 *       record of the clientOid.</li>
 *   <li><b>Rejected</b> only on proof that the transfer was not applied:
 *     <ol>
 *       <li>a business rejection ({@link AttemptResult.Rejected#settlesTransfer()}): the exchange
 *           looked the clientOid up before it judged the transfer;</li>
 *       <li>a {@code Failed} record of the clientOid;</li>
 *       <li>every attempt was answered without applying (429, credentials, permission, timestamp,
 *           an unknown 4xx code) or never left (connection refused, no permit), no earlier call of
 *           this process with the clientOid ended in doubt, <em>and</em> the records, read after the
 *           last attempt, hold no such transfer.</li>
 *     </ol></li>
 *   <li><b>Unknown</b> otherwise: the records say {@code Processing}, could not be read, were not
 *       read, or show nothing while a request may still be in flight (a dropped connection after
 *       sending, a timeout, HTTP 5xx, an unreadable answer, an "in progress" code): absence from the
 *       records proves nothing about a request that may still arrive.</li>
 * </ul>
 */
final class OutcomeRule {

    private OutcomeRule() {
    }

    /** How a call ends. */
    sealed interface Decision {
        /** Applied as {@code transferId}; {@code proof} says what showed it. */
        record Applied(String transferId, String proof) implements Decision {
        }

        /** Definitely not applied; {@code proof} says what proved it. */
        record Rejected(RejectionReason reason, String code, String message, String proof) implements Decision {
        }

        /** May have been applied; {@code why} says what is missing. */
        record Unknown(String why) implements Decision {
        }
    }

    /**
     * Whether the attempts alone settle the call (an applied answer or a business rejection);
     * when they do not, the records must be read before {@link #decide} can prove a rejection.
     */
    static boolean needsLookup(List<AttemptResult> attempts) {
        return settledByAttempts(attempts).isEmpty();
    }

    /**
     * The outcome of a call.
     *
     * @param attempts           every attempt's result, in order
     * @param earlierCallInDoubt an earlier call of this process with the clientOid ended in doubt:
     *                           a request of it may still arrive
     * @param lookup             what the records said after the last attempt; empty when not read
     */
    static Decision decide(List<AttemptResult> attempts, boolean earlierCallInDoubt, Optional<LookupOutcome> lookup) {
        Optional<Decision> settled = settledByAttempts(attempts);
        if (settled.isPresent()) {
            return settled.get();
        }
        if (lookup.isEmpty()) {
            return new Decision.Unknown("the transfer records were not read before the deadline");
        }
        if (lookup.get() instanceof LookupOutcome.Unavailable) {
            return new Decision.Unknown("the transfer records could not be read");
        }
        TransferStatus status = ((LookupOutcome.Seen) lookup.get()).status();
        if (status instanceof TransferStatus.Applied applied) {
            return new Decision.Applied(applied.record().transferId(), "the transfer records show it applied");
        }
        if (status instanceof TransferStatus.Failed failed) {
            Optional<AttemptResult.Rejected> refused = last(attempts, AttemptResult.Rejected.class);
            return new Decision.Rejected(refused.map(AttemptResult.Rejected::reason).orElse(RejectionReason.OTHER),
                    refused.map(AttemptResult.Rejected::code).orElse(null),
                    refused.map(AttemptResult.Rejected::message).orElse("transfer " + failed.record().transferId()
                            + " is recorded as failed"),
                    "the transfer records show it failed");
        }
        if (status instanceof TransferStatus.Processing) {
            return new Decision.Unknown("the transfer records show it still processing");
        }
        if (attempts.stream().anyMatch(AttemptResult.InDoubt.class::isInstance)) {
            return new Decision.Unknown("the transfer records show no such transfer yet, but a request of this call"
                    + " may still reach the exchange");
        }
        if (earlierCallInDoubt) {
            return new Decision.Unknown("the transfer records show no such transfer yet, but a request of an earlier"
                    + " call with this clientOid, which ended in doubt, may still reach the exchange");
        }
        return notApplied(attempts);
    }

    /** An applied answer or a business rejection, which settle a call without the records. */
    private static Optional<Decision> settledByAttempts(List<AttemptResult> attempts) {
        for (AttemptResult attempt : attempts) {
            if (attempt instanceof AttemptResult.Applied applied) {
                return Optional.of(new Decision.Applied(applied.transferId(), "the exchange answered with it"));
            }
            if (attempt instanceof AttemptResult.Rejected rejected && rejected.settlesTransfer()) {
                return Optional.of(new Decision.Rejected(rejected.reason(), rejected.code(), rejected.message(),
                        "the exchange rejected the transfer itself"));
            }
        }
        return Optional.empty();
    }

    /** Every attempt answered without applying, and the records hold nothing: the last attempt's reason. */
    private static Decision notApplied(List<AttemptResult> attempts) {
        String proof = "every attempt was refused or never sent, and the transfer records show no such transfer";
        AttemptResult lastAttempt = attempts.isEmpty() ? null : attempts.get(attempts.size() - 1);
        if (lastAttempt instanceof AttemptResult.RateLimited limited) {
            return new Decision.Rejected(RejectionReason.RATE_LIMITED, limited.code(), limited.message(), proof);
        }
        if (lastAttempt instanceof AttemptResult.ClockRejected clock) {
            return new Decision.Rejected(RejectionReason.CLOCK_SKEW, clock.code(), clock.message(), proof);
        }
        if (lastAttempt instanceof AttemptResult.Rejected rejected) {
            return new Decision.Rejected(rejected.reason(), rejected.code(), rejected.message(), proof);
        }
        // No attempt, or only connections that could not be made: no request reached the exchange.
        return new Decision.Rejected(RejectionReason.EXCHANGE_UNREACHABLE, null, null, proof);
    }

    private static <T extends AttemptResult> Optional<T> last(List<AttemptResult> attempts, Class<T> type) {
        for (int i = attempts.size() - 1; i >= 0; i--) {
            if (type.isInstance(attempts.get(i))) {
                return Optional.of(type.cast(attempts.get(i)));
            }
        }
        return Optional.empty();
    }
}
