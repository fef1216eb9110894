package dev.transfers.bitget.app;

import dev.transfers.bitget.adapter.http.BitgetCredentials;
import dev.transfers.bitget.adapter.http.BitgetTransferGateway;
import dev.transfers.bitget.domain.TransferGateway;
import java.util.Objects;
import java.util.function.UnaryOperator;

/** Makes the HTTP adapter, {@link BitgetTransferGateway}, with HMAC credentials and its default timeouts. */
public final class HttpGatewayFactory implements GatewayFactory {
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
                .credentials(BitgetCredentials.hmac(credentials.apiKey(), credentials.secret(),
                        credentials.passphrase()))
                .demoTrading(target.demoTrading());
        if (target.redisUrl() != null) {
            builder.redisRateLimit(target.redisUrl());
        }
        if (target.rateLimitKey() != null) {
            builder.rateLimitKey(target.rateLimitKey());
        }
        if (target.allowCleartextCredentials()) {
            builder.allowCleartextCredentialsToNonLoopbackHosts();
        }
        return tuning.apply(builder).build();
    }
}
