package dev.transfers.bitget.domain;

import java.util.Objects;

/**
 * How a {@link TransferGateway} call ends when it does not return a receipt: either
 * {@link TransferRejectedException} (definitely not applied) or
 * {@link TransferOutcomeUnknownException} (may have been applied).
 */
public abstract sealed class TransferException extends RuntimeException
        permits TransferRejectedException, TransferOutcomeUnknownException {
    private static final long serialVersionUID = 1L;

    private final String clientOid;

    TransferException(String message, String clientOid, Throwable cause) {
        super(message, cause);
        this.clientOid = Objects.requireNonNull(clientOid, "clientOid");
    }

    /** The idempotency key of the transfer concerned. */
    public String clientOid() {
        return clientOid;
    }
}
