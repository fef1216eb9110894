package dev.transfers.bitget.app;

import dev.transfers.bitget.domain.RejectionReason;
import dev.transfers.bitget.domain.Transfer;
import dev.transfers.bitget.domain.TransferGateway;
import dev.transfers.bitget.domain.TransferHistory;
import dev.transfers.bitget.domain.TransferHistoryUnavailableException;
import dev.transfers.bitget.domain.TransferOutcomeUnknownException;
import dev.transfers.bitget.domain.TransferQuery;
import dev.transfers.bitget.domain.TransferReceipt;
import dev.transfers.bitget.domain.TransferRejectedException;
import dev.transfers.bitget.domain.TransferStatus;
import java.util.Objects;

/**
 * How sending one transfer through the port ended, classified into an {@link ExitCode}.
 *
 * @param exitCode what the outcome means for the process
 * @param clientOid the transfer's idempotency key
 * @param coin     the transfer's coin (with the clientOid, what {@code status} needs to look it up)
 * @param receipt  the receipt when applied, otherwise {@code null}
 * @param failure  the exception when not applied (rejected, unknown or unexpected), otherwise {@code null}
 */
record TransferResult(ExitCode exitCode, String clientOid, String coin, TransferReceipt receipt,
        RuntimeException failure) {

    TransferResult {
        Objects.requireNonNull(exitCode, "exitCode");
        Objects.requireNonNull(clientOid, "clientOid");
        Objects.requireNonNull(coin, "coin");
    }

    /** Sends the transfer and classifies the outcome; never throws for a failed transfer. */
    static TransferResult send(TransferGateway gateway, Transfer transfer) {
        try {
            TransferReceipt receipt = gateway.transfer(transfer);
            return new TransferResult(ExitCode.APPLIED, receipt.clientOid(), transfer.coin(), receipt, null);
        } catch (TransferRejectedException rejected) {
            ExitCode code = rejected.reason() == RejectionReason.EXCHANGE_UNREACHABLE
                    ? ExitCode.UNREACHABLE : ExitCode.REJECTED;
            return new TransferResult(code, transfer.clientOid(), transfer.coin(), null, rejected);
        } catch (TransferOutcomeUnknownException unknown) {
            return new TransferResult(ExitCode.OUTCOME_UNKNOWN, transfer.clientOid(), transfer.coin(), null, unknown);
        } catch (RuntimeException unexpected) {
            // The port promises only the three outcomes; anything else is a bug somewhere, and the
            // transfer may have been sent, so the user is told its clientOid as for an unknown outcome.
            return new TransferResult(ExitCode.UNEXPECTED, transfer.clientOid(), transfer.coin(), null, unexpected);
        }
    }

    /**
     * This result, or, when it is an outcome unknown, what the exchange's records say now: applied
     * (the receipt) or failed (a rejection). Processing, not found or unreadable records leave it
     * unknown: a request of the transfer may still be in flight.
     */
    TransferResult settledBy(TransferHistory history) {
        if (exitCode != ExitCode.OUTCOME_UNKNOWN) {
            return this;
        }
        TransferStatus status;
        try {
            status = history.statusOf(new TransferQuery(clientOid, coin));
        } catch (TransferHistoryUnavailableException unavailable) {
            return this;
        }
        if (status instanceof TransferStatus.Applied applied) {
            return new TransferResult(ExitCode.APPLIED, clientOid, coin, applied.receipt(), null);
        }
        if (status instanceof TransferStatus.Failed failed) {
            return new TransferResult(ExitCode.REJECTED, clientOid, coin, null, new TransferRejectedException(
                    RejectionReason.OTHER, null, "transfer " + failed.record().transferId()
                            + " is recorded as failed", clientOid));
        }
        return this;
    }
}
