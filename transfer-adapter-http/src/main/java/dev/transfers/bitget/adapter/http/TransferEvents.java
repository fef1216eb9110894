package dev.transfers.bitget.adapter.http;

import dev.transfers.bitget.adapter.http.TransferListener.AttemptKind;
import dev.transfers.bitget.adapter.http.TransferListener.LookupResult;
import dev.transfers.bitget.adapter.http.TransferListener.Outcome;
import dev.transfers.bitget.adapter.http.TransferListener.PermitResult;
import dev.transfers.bitget.domain.TransferStatus;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a gateway's {@link TransferListener}s what happened, each in turn, containing what they
 * throw. Each method takes the instant the reported step started and works out its duration itself:
 * without listeners every method returns at once, reading no clock and building no event.
 */
final class TransferEvents {
    private static final Logger LOG = LoggerFactory.getLogger(TransferEvents.class);

    private final List<Guarded> listeners;
    private final Clock clock;

    TransferEvents(List<TransferListener> listeners, Clock clock) {
        this.listeners = listeners.stream().map(Guarded::new).toList();
        this.clock = clock;
    }

    void callEnded(String clientOid, Outcome outcome, String reason, int attempts, Instant started) {
        if (!listeners.isEmpty()) {
            TransferListener.CallEnded event = new TransferListener.CallEnded(clientOid, outcome, reason, attempts,
                    since(started));
            tell("callEnded", listener -> listener.callEnded(event));
        }
    }

    void attemptEnded(String clientOid, int attempt, AttemptResult result, OptionalInt httpStatus, Instant started) {
        if (!listeners.isEmpty()) {
            TransferListener.AttemptEnded event = new TransferListener.AttemptEnded(clientOid, attempt,
                    kindOf(result, httpStatus), httpStatus, since(started));
            tell("attemptEnded", listener -> listener.attemptEnded(event));
        }
    }

    void permitWaited(String clientOid, PermitResult result, Instant asked) {
        if (!listeners.isEmpty()) {
            TransferListener.PermitWaited event = new TransferListener.PermitWaited(clientOid, result, since(asked));
            tell("permitWaited", listener -> listener.permitWaited(event));
        }
    }

    void settlementLookedUp(String clientOid, LookupOutcome lookup, Instant started) {
        if (!listeners.isEmpty()) {
            TransferListener.SettlementLookedUp event = new TransferListener.SettlementLookedUp(clientOid,
                    resultOf(lookup), since(started));
            tell("settlementLookedUp", listener -> listener.settlementLookedUp(event));
        }
    }

    void clockResynced(boolean succeeded, long offsetMillis, Instant started) {
        if (!listeners.isEmpty()) {
            TransferListener.ClockResynced event = new TransferListener.ClockResynced(succeeded, offsetMillis,
                    since(started));
            tell("clockResynced", listener -> listener.clockResynced(event));
        }
    }

    private Duration since(Instant started) {
        return Duration.between(started, clock.instant());
    }

    /** Why an applied call is applied: an attempt's answer, or else the records. */
    static String appliedReason(List<AttemptResult> attempts) {
        for (AttemptResult attempt : attempts) {
            if (attempt instanceof AttemptResult.Applied) {
                return TransferListener.CallEnded.ANSWERED;
            }
        }
        return TransferListener.CallEnded.RECORDS;
    }

    /** Why a call's outcome is unknown, from what the records said (empty when they were not read). */
    static String unknownReason(Optional<LookupOutcome> lookup) {
        if (lookup.isEmpty()) {
            return TransferListener.CallEnded.RECORDS_NOT_READ;
        }
        LookupResult result = resultOf(lookup.get());
        if (result == LookupResult.UNAVAILABLE) {
            return TransferListener.CallEnded.RECORDS_UNAVAILABLE;
        }
        return result == LookupResult.PROCESSING ? TransferListener.CallEnded.PROCESSING
                : TransferListener.CallEnded.MAY_STILL_ARRIVE;
    }

    static AttemptKind kindOf(AttemptResult result, OptionalInt httpStatus) {
        if (result instanceof AttemptResult.Applied) {
            return AttemptKind.APPLIED;
        }
        if (result instanceof AttemptResult.Rejected) {
            return AttemptKind.REJECTED;
        }
        if (result instanceof AttemptResult.RateLimited) {
            return AttemptKind.RATE_LIMITED;
        }
        if (result instanceof AttemptResult.ClockRejected) {
            return AttemptKind.CLOCK_REJECTED;
        }
        if (result instanceof AttemptResult.NotSent) {
            return AttemptKind.NOT_SENT;
        }
        AttemptResult.InDoubt inDoubt = (AttemptResult.InDoubt) result;
        if (inDoubt.cause() instanceof InterruptedIOException) {
            return AttemptKind.TIMEOUT;
        }
        if (httpStatus.isEmpty()) {
            return AttemptKind.CONNECTION_LOST;
        }
        return httpStatus.getAsInt() >= 500 ? AttemptKind.SERVER_ERROR : AttemptKind.UNCLEAR_ANSWER;
    }

    static LookupResult resultOf(LookupOutcome lookup) {
        if (lookup instanceof LookupOutcome.Unavailable) {
            return LookupResult.UNAVAILABLE;
        }
        TransferStatus status = ((LookupOutcome.Seen) lookup).status();
        if (status instanceof TransferStatus.Applied) {
            return LookupResult.APPLIED;
        }
        if (status instanceof TransferStatus.Failed) {
            return LookupResult.FAILED;
        }
        return status instanceof TransferStatus.Processing ? LookupResult.PROCESSING : LookupResult.NOT_FOUND;
    }

    private void tell(String event, Consumer<TransferListener> call) {
        for (Guarded listener : listeners) {
            listener.tell(event, call);
        }
    }

    /** One listener, and whether it has failed before (so that only its first failure is logged loudly). */
    private static final class Guarded {
        private final TransferListener listener;
        private final AtomicBoolean failedBefore = new AtomicBoolean();

        Guarded(TransferListener listener) {
            this.listener = listener;
        }

        void tell(String event, Consumer<TransferListener> call) {
            try {
                call.accept(listener);
            } catch (VirtualMachineError fatal) {
                throw fatal;
            } catch (RuntimeException | Error failed) {
                // The event holds no secret, so neither can what the listener made of it; the transfer goes on.
                if (failedBefore.compareAndSet(false, true)) {
                    LOG.warn("Transfer listener {} failed in {} ({}); ignored, and its later failures are logged"
                            + " at DEBUG", listener.getClass().getName(), event, failed.toString(), failed);
                } else {
                    LOG.debug("Transfer listener {} failed in {} ({}); ignored", listener.getClass().getName(), event,
                            failed.toString());
                }
            }
        }
    }
}
