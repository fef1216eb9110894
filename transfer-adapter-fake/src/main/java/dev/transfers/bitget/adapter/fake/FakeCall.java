package dev.transfers.bitget.adapter.fake;

import dev.transfers.bitget.domain.Transfer;
import dev.transfers.bitget.domain.TransferHistoryUnavailableException;
import dev.transfers.bitget.domain.TransferQuery;
import dev.transfers.bitget.domain.TransferReceipt;
import dev.transfers.bitget.domain.TransferStatus;
import java.util.Objects;

/** One call an {@link InMemoryTransferGateway} received, and how it ended: its log, for counting retries. */
public sealed interface FakeCall {

    /** The clientOid the call was about. */
    String clientOid();

    /**
     * A call of {@code transfer}: it returned {@code receipt}, or threw {@code failure}.
     *
     * @param transfer the transfer asked for
     * @param receipt  the receipt returned, or {@code null} when it threw
     * @param failure  the rejection or outcome unknown thrown, or {@code null} when it returned
     */
    record TransferCall(Transfer transfer, TransferReceipt receipt, RuntimeException failure) implements FakeCall {
        /** Checks that the call ended exactly one way. */
        public TransferCall {
            Objects.requireNonNull(transfer, "transfer");
            if ((receipt == null) == (failure == null)) {
                throw new IllegalArgumentException("a call ends with a receipt or a failure, not both or neither");
            }
        }

        @Override
        public String clientOid() {
            return transfer.clientOid();
        }
    }

    /**
     * A call of {@code statusOf}: it returned {@code status}, or threw {@code failure}.
     *
     * @param query   what was asked
     * @param status  the status returned, or {@code null} when it threw
     * @param failure the exception thrown, or {@code null} when it returned
     */
    record StatusCall(TransferQuery query, TransferStatus status, TransferHistoryUnavailableException failure)
            implements FakeCall {
        /** Checks that the call ended exactly one way. */
        public StatusCall {
            Objects.requireNonNull(query, "query");
            if ((status == null) == (failure == null)) {
                throw new IllegalArgumentException("a call ends with a status or a failure, not both or neither");
            }
        }

        @Override
        public String clientOid() {
            return query.clientOid();
        }
    }
}
