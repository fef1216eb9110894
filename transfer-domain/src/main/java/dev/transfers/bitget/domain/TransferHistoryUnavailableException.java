package dev.transfers.bitget.domain;

import java.util.Objects;

/**
 * The {@link TransferHistory} could not be read (the exchange unreachable, refusing, or answering
 * something unreadable): nothing is known about the transfer, either way. Ask again later.
 */
public final class TransferHistoryUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String clientOid;

    /**
     * @param clientOid    the clientOid asked about
     * @param whatHappened what was asked and seen, in plain words (never a secret)
     * @param cause        the last underlying failure, or {@code null}
     */
    public TransferHistoryUnavailableException(String clientOid, String whatHappened, Throwable cause) {
        super("The transfer history could not tell what became of clientOid " + clientOid + ": " + whatHappened,
                cause);
        this.clientOid = Objects.requireNonNull(clientOid, "clientOid");
    }

    /** The clientOid asked about. */
    public String clientOid() {
        return clientOid;
    }
}
