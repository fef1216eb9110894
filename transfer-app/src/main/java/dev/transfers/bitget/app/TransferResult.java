package dev.transfers.bitget.app;

import dev.transfers.bitget.domain.RejectionReason;
import dev.transfers.bitget.domain.Transfer;
import dev.transfers.bitget.domain.TransferGateway;
import dev.transfers.bitget.domain.TransferOutcomeUnknownException;
import dev.transfers.bitget.domain.TransferReceipt;
import dev.transfers.bitget.domain.TransferRejectedException;
import java.util.Objects;

/**
 * How sending one transfer through the port ended, classified into an {@link ExitCode}.
 *
 * @param exitCode what the outcome means for the process
 * @param clientOid the transfer's idempotency key
 * @param receipt  the receipt when applied, otherwise {@code null}
 * @param failure  the exception when not applied (rejected, unknown or unexpected), otherwise {@code null}
 */
record TransferResult(ExitCode exitCode, String clientOid, TransferReceipt receipt, RuntimeException failure) {

    TransferResult {
        Objects.requireNonNull(exitCode, "exitCode");
        Objects.requireNonNull(clientOid, "clientOid");
    }

    /** Sends the transfer and classifies the outcome; never throws for a failed transfer. */
    static TransferResult send(TransferGateway gateway, Transfer transfer) {
        try {
            TransferReceipt receipt = gateway.transfer(transfer);
            return new TransferResult(ExitCode.APPLIED, receipt.clientOid(), receipt, null);
        } catch (TransferRejectedException rejected) {
            ExitCode code = rejected.reason() == RejectionReason.EXCHANGE_UNREACHABLE
                    ? ExitCode.UNREACHABLE : ExitCode.REJECTED;
            return new TransferResult(code, transfer.clientOid(), null, rejected);
        } catch (TransferOutcomeUnknownException unknown) {
            return new TransferResult(ExitCode.OUTCOME_UNKNOWN, transfer.clientOid(), null, unknown);
        } catch (RuntimeException unexpected) {
            // The port promises only the three outcomes; anything else is a bug somewhere, and the
            // transfer may have been sent, so the user is told its clientOid as for an unknown outcome.
            return new TransferResult(ExitCode.UNEXPECTED, transfer.clientOid(), null, unexpected);
        }
    }
}
