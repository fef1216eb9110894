package dev.transfers.bitget.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * The exchange's record of one transfer, as its {@link TransferHistory} shows it.
 *
 * @param transferId the exchange's id of the transfer
 * @param clientOid  the idempotency key it was made with
 * @param from       the account the amount left (or was to leave)
 * @param to         the account the amount entered (or was to enter)
 * @param amount     the amount, as the exchange recorded it (compare with
 *                   {@link BigDecimal#compareTo}: the exchange may add trailing zeros)
 * @param coin       the coin, upper case
 * @param symbol     the isolated-margin trading pair of either side, or {@code null} when neither
 *                   side is isolated margin
 * @param time       when the exchange recorded it
 */
public record TransferRecord(String transferId, String clientOid, AccountType from, AccountType to,
        BigDecimal amount, String coin, String symbol, Instant time) {
    public TransferRecord {
        Objects.requireNonNull(transferId, "transferId");
        Objects.requireNonNull(clientOid, "clientOid");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(coin, "coin");
        Objects.requireNonNull(time, "time");
        if (transferId.isBlank()) {
            throw new IllegalArgumentException("transferId must not be blank");
        }
    }

    /** The receipt this record proves, for a transfer that was applied. */
    public TransferReceipt receipt() {
        return new TransferReceipt(transferId, clientOid);
    }
}
