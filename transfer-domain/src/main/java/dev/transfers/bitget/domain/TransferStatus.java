package dev.transfers.bitget.domain;

import java.util.Objects;

/**
 * What the exchange's {@link TransferHistory} says of one clientOid: exactly one of
 * {@link Applied}, {@link Failed}, {@link Processing} or {@link NotFound}.
 *
 * <pre>{@code
 * TransferStatus status = history.statusOf(new TransferQuery("rebalance-42", "USDT"));
 * if (status instanceof TransferStatus.Applied applied) {
 *     TransferReceipt receipt = applied.record().receipt();
 * }
 * }</pre>
 */
public sealed interface TransferStatus {

    /** The clientOid asked about. */
    String clientOid();

    /**
     * The transfer was applied: the money moved.
     *
     * @param record the exchange's record of it
     */
    record Applied(TransferRecord record) implements TransferStatus {
        public Applied {
            Objects.requireNonNull(record, "record");
        }

        @Override
        public String clientOid() {
            return record.clientOid();
        }

        /** The receipt of the applied transfer. */
        public TransferReceipt receipt() {
            return record.receipt();
        }
    }

    /**
     * The exchange recorded the transfer as failed: nothing moved, and under this clientOid nothing
     * will.
     *
     * @param record the exchange's record of it
     */
    record Failed(TransferRecord record) implements TransferStatus {
        public Failed {
            Objects.requireNonNull(record, "record");
        }

        @Override
        public String clientOid() {
            return record.clientOid();
        }
    }

    /**
     * The exchange has the transfer but has not finished it: ask again later.
     *
     * @param record the exchange's record of it
     */
    record Processing(TransferRecord record) implements TransferStatus {
        public Processing {
            Objects.requireNonNull(record, "record");
        }

        @Override
        public String clientOid() {
            return record.clientOid();
        }
    }

    /**
     * The history holds no transfer with this clientOid and coin. Not applied so far; it proves
     * "never applied" only when no request with this clientOid can still reach the exchange (see
     * {@link TransferHistory}).
     *
     * @param query what was asked
     */
    record NotFound(TransferQuery query) implements TransferStatus {
        public NotFound {
            Objects.requireNonNull(query, "query");
        }

        @Override
        public String clientOid() {
            return query.clientOid();
        }
    }
}
