package dev.transfers.bitget.adapter.http;

/**
 * The cause of a {@link dev.transfers.bitget.domain.TransferRejectedException} with reason
 * {@link dev.transfers.bitget.domain.RejectionReason#EXCHANGE_UNREACHABLE} when a
 * {@link RequestRateLimiter} could not give a permit: the store of a shared limit (Redis, say)
 * refused the connection, did not answer in time, or failed the command. No request is ever sent
 * without a permit, so nothing reached the exchange.
 *
 * <p>It carries only a description: never the store client's own exception (which would make its
 * types part of the port), and never a password.
 */
public final class RateLimiterUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * For {@link RequestRateLimiter} implementations.
     *
     * @param message what could not be asked and why, without a password or the client's types
     */
    public RateLimiterUnavailableException(String message) {
        super(message);
    }
}
