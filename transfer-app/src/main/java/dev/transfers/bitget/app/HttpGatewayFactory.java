package dev.transfers.bitget.app;

import dev.transfers.bitget.adapter.http.BitgetTransferGateway;
import dev.transfers.bitget.adapter.http.redis.RedisRateLimiter;
import dev.transfers.bitget.domain.Transfer;
import dev.transfers.bitget.domain.TransferGateway;
import dev.transfers.bitget.domain.TransferHistory;
import dev.transfers.bitget.domain.TransferQuery;
import dev.transfers.bitget.domain.TransferReceipt;
import dev.transfers.bitget.domain.TransferStatus;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Makes the HTTP adapter, {@link BitgetTransferGateway}, with HMAC or RSA credentials and its default timeouts:
 * one gateway per command (a batch's rows share it, and so its rate limiter), with the limit shared
 * through Redis when the target names one.
 */
final class HttpGatewayFactory implements GatewayFactory {
    private final UnaryOperator<BitgetTransferGateway.Builder> tuning;

    /** The adapter's defaults (connect 5 s, read 10 s, overall deadline 30 s). */
    public HttpGatewayFactory() {
        this(UnaryOperator.identity());
    }

    /** The adapter with further settings applied last, such as a shorter deadline in tests. */
    public HttpGatewayFactory(UnaryOperator<BitgetTransferGateway.Builder> tuning) {
        this.tuning = Objects.requireNonNull(tuning, "tuning");
    }

    @Override
    public TransferGateway create(ExchangeTarget target) {
        ApiCredentials credentials = target.credentials();
        BitgetTransferGateway.Builder builder = BitgetTransferGateway.builder()
                .baseUrl(target.baseUrl())
                .credentials(credentials.toBitgetCredentials())
                .demoTrading(target.demoTrading());
        if (target.allowCleartextCredentials()) {
            builder.allowCleartextCredentialsToNonLoopbackHosts();
        }
        if (target.redisUrl() == null) {
            return tuning.apply(builder).build();
        }
        RedisRateLimiter.Builder redis = RedisRateLimiter.builder()
                .redisUri(target.redisUrl())
                .rateLimitKey(target.rateLimitKey() == null ? credentials.apiKey() : target.rateLimitKey());
        if (target.allowCleartextCredentials()) {
            redis.allowCleartextCredentialsToNonLoopbackHosts();
        }
        RedisRateLimiter limiter = redis.build();
        try {
            return new WithSharedLimit(tuning.apply(builder.rateLimiter(limiter)).build(), limiter);
        } catch (RuntimeException | Error e) {
            limiter.close();
            throw e;
        }
    }

    /** The gateway and the Redis limiter made for it, closed with it when the command ends. */
    private record WithSharedLimit(BitgetTransferGateway gateway, RedisRateLimiter limiter)
            implements TransferGateway, TransferHistory, AutoCloseable {
        @Override
        public TransferReceipt transfer(Transfer transfer) {
            return gateway.transfer(transfer);
        }

        @Override
        public TransferStatus statusOf(TransferQuery query) {
            return gateway.statusOf(query);
        }

        @Override
        public void close() {
            limiter.close();
        }

        @Override
        public String toString() {
            return gateway.toString();
        }
    }
}
