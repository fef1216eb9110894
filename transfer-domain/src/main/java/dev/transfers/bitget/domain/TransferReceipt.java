package dev.transfers.bitget.domain;

import java.util.Objects;

/**
 * Proof that a transfer was applied: now, or earlier under the same clientOid (a repeated
 * clientOid returns the first transfer's receipt and moves nothing more).
 *
 * @param transferId the exchange's id of the transfer
 * @param clientOid  the idempotency key of the {@link Transfer} that was applied
 */
public record TransferReceipt(String transferId, String clientOid) {
    public TransferReceipt {
        Objects.requireNonNull(transferId, "transferId");
        Objects.requireNonNull(clientOid, "clientOid");
        if (transferId.isBlank()) {
            throw new IllegalArgumentException("transferId must not be blank");
        }
    }
}
