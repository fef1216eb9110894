package dev.transfers.bitget.domain;

/**
 * The transfer may or may not have been applied: the request may have reached the exchange, but
 * no answer proved either way (a dropped connection, a timeout, an "in progress" code).
 *
 * <p>Send the same {@link Transfer} again, with the same clientOid: the exchange applies a
 * clientOid at most once, so the repeat either applies it now or returns the first receipt.
 */
public final class TransferOutcomeUnknownException extends TransferException {
    private static final long serialVersionUID = 1L;

    /**
     * @param clientOid the idempotency key to repeat the transfer with
     * @param whatHappened what was seen, in plain words (never a secret)
     * @param cause the last underlying failure, or {@code null}
     */
    public TransferOutcomeUnknownException(String clientOid, String whatHappened, Throwable cause) {
        super("Transfer " + clientOid + " may or may not have been applied: " + whatHappened
                + ". Send the same transfer again with clientOid " + clientOid
                + " to learn the result; it will not be applied twice.", clientOid, cause);
    }

    public TransferOutcomeUnknownException(String clientOid, String whatHappened) {
        this(clientOid, whatHappened, null);
    }
}
