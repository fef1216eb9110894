package dev.transfers.bitget.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * The transfer was definitely not applied; nothing moved. Whether sending it again can succeed
 * depends on the {@link #reason()}: after a balance top-up, yes; with the same credentials after
 * an authentication failure, no.
 */
public final class TransferRejectedException extends TransferException {
    private static final long serialVersionUID = 1L;

    private final RejectionReason reason;
    private final String exchangeCode;
    private final String exchangeMessage;

    /**
     * @param reason          the category
     * @param exchangeCode    the exchange's error code, or {@code null} when it gave none
     * @param exchangeMessage the exchange's message, or {@code null} when it gave none
     * @param clientOid       the transfer's idempotency key
     * @param cause           the underlying failure, or {@code null}
     */
    public TransferRejectedException(RejectionReason reason, String exchangeCode, String exchangeMessage,
            String clientOid, Throwable cause) {
        super(describe(reason, exchangeCode, exchangeMessage, clientOid), clientOid, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.exchangeCode = exchangeCode;
        this.exchangeMessage = exchangeMessage;
    }

    public TransferRejectedException(RejectionReason reason, String exchangeCode, String exchangeMessage,
            String clientOid) {
        this(reason, exchangeCode, exchangeMessage, clientOid, null);
    }

    public RejectionReason reason() {
        return reason;
    }

    /** The exchange's error code, such as {@code 43012}, when it answered with one. */
    public Optional<String> exchangeCode() {
        return Optional.ofNullable(exchangeCode);
    }

    /** The exchange's message, when it answered with one. */
    public Optional<String> exchangeMessage() {
        return Optional.ofNullable(exchangeMessage);
    }

    private static String describe(RejectionReason reason, String code, String message, String clientOid) {
        StringBuilder text = new StringBuilder("Transfer ").append(clientOid)
                .append(" was rejected and not applied (").append(reason).append(": ")
                .append(reason.description()).append(')');
        if (code != null || message != null) {
            text.append("; exchange said ").append(code == null ? "" : code)
                    .append(code != null && message != null ? " " : "")
                    .append(message == null ? "" : message);
        }
        return text.toString();
    }
}
