package dev.transfers.bitget.adapter.fake;

import dev.transfers.bitget.domain.AccountType;
import dev.transfers.bitget.domain.TransferRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One transfer in the history a fake exchange keeps, as both {@link InMemoryTransferGateway} and
 * {@code SimulatedBitget} record it: applied ({@link Status#SUCCESSFUL}), or put in the history by a
 * test as {@link Status#FAILED} or {@link Status#PROCESSING} (those moved nothing).
 *
 * @param uid        the user the transfer belongs to (the in-memory fake has one, {@link InMemoryTransferGateway#UID})
 * @param transferId the id the exchange gave it (digits)
 * @param clientOid  the clientOid it was made with, or {@code null} when a wire request sent none
 * @param from       the account debited (or to be debited)
 * @param to         the account credited (or to be credited)
 * @param amount     the amount, as received
 * @param coin       the coin, as received
 * @param symbol     the isolated-margin pair, or {@code null} when neither side is isolated margin
 * @param time       when the exchange recorded it, by the exchange's clock
 * @param status     what became of it
 */
public record RecordedTransfer(String uid, String transferId, String clientOid, AccountType from, AccountType to,
                               BigDecimal amount, String coin, String symbol, Instant time, Status status) {
    public RecordedTransfer {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(transferId, "transferId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(coin, "coin");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(status, "status");
    }

    /** What became of a recorded transfer, with the word Bitget's transfer records use for it. */
    public enum Status {
        /** Applied: the amount moved. */
        SUCCESSFUL("Successful"),
        /** Failed: nothing moved, and nothing will under this clientOid. */
        FAILED("Failed"),
        /** Not finished: nothing has moved yet. */
        PROCESSING("Processing");

        private final String wireName;

        Status(String wireName) {
            this.wireName = wireName;
        }

        /** The value of the record's {@code status} field on the wire, such as {@code Successful}. */
        public String wireName() {
            return wireName;
        }
    }

    /** Whether this transfer moved its amount. */
    public boolean applied() {
        return status == Status.SUCCESSFUL;
    }

    /**
     * This record as the domain's {@link TransferRecord} (coin in upper case).
     *
     * @throws IllegalStateException when it has no clientOid (a wire request that sent none)
     */
    public TransferRecord toTransferRecord() {
        if (clientOid == null) {
            throw new IllegalStateException("transfer " + transferId + " was made without a clientOid");
        }
        return new TransferRecord(transferId, clientOid, from, to, amount, coin.toUpperCase(Locale.ROOT), symbol,
                time);
    }
}
