package dev.transfers.bitget.adapter.http;

/**
 * The cause of a {@link dev.transfers.bitget.domain.TransferRejectedException} with reason
 * {@link dev.transfers.bitget.domain.RejectionReason#EXCHANGE_UNREACHABLE} when the rate limiter
 * shared through Redis could not give a permit: Redis refused the connection, did not answer within
 * {@link RedisRateLimiter#TIMEOUT}, or failed the command. No request is ever sent without a
 * permit, so nothing reached the exchange.
 *
 * <p>It carries only a description: never the Redis client's own exception (which would make its
 * types part of the port), and never the password of the Redis URL.
 */
public final class RateLimiterUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    RateLimiterUnavailableException(String message) {
        super(message);
    }
}
