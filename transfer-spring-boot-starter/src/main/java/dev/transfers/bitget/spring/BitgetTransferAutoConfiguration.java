package dev.transfers.bitget.spring;

import dev.transfers.bitget.adapter.http.BitgetTransferGateway;
import dev.transfers.bitget.adapter.http.RequestRateLimiter;
import dev.transfers.bitget.adapter.http.TransferListener;
import dev.transfers.bitget.adapter.http.redis.RedisRateLimiter;
import dev.transfers.bitget.domain.TransferGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A {@link BitgetTransferGateway} (the application's {@link TransferGateway} and
 * {@link dev.transfers.bitget.domain.TransferHistory}) made from the {@code bitget.transfer.*}
 * properties, unless the application defines a {@link TransferGateway} of its own (a fake in a test,
 * say: then nothing here applies and no property is required); closed when the context closes. With {@code transfer-adapter-http-redis} on the class path and
 * {@code bitget.transfer.redis.url} set, its rate limit is shared through Redis.
 *
 * <p>Every {@link TransferListener} bean hears the gateway's calls (the Micrometer binding is one, see
 * {@link BitgetTransferMetricsAutoConfiguration}); other changes to the gateway come from
 * {@link BitgetTransferGatewayCustomizer} beans.
 */
@AutoConfiguration
@ConditionalOnMissingBean(TransferGateway.class)
@EnableConfigurationProperties(BitgetTransferProperties.class)
public class BitgetTransferAutoConfiguration {

    /**
     * The gateway, built from the properties, with every {@link TransferListener} bean, and then every
     * {@link BitgetTransferGatewayCustomizer}.
     */
    @Bean(destroyMethod = "close")
    public BitgetTransferGateway bitgetTransferGateway(BitgetTransferProperties properties,
            ObjectProvider<RequestRateLimiter> rateLimiter, ObjectProvider<TransferListener> listeners,
            ObjectProvider<BitgetTransferGatewayCustomizer> customizers) {
        BitgetTransferGateway.Builder builder = BitgetTransferGateway.builder()
                .baseUrl(properties.baseUrl())
                .credentials(properties.credentials().toBitgetCredentials())
                .demoTrading(properties.demoTrading())
                .retryPolicy(properties.retry().toRetryPolicy());
        if (properties.deadline() != null) {
            builder.deadline(properties.deadline());
        }
        if (properties.timeouts().connect() != null) {
            builder.connectTimeout(properties.timeouts().connect());
        }
        if (properties.timeouts().read() != null) {
            builder.readTimeout(properties.timeouts().read());
        }
        rateLimiter.ifAvailable(builder::rateLimiter);
        listeners.orderedStream().forEach(builder::addListener);
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder.build();
    }

    /** The rate limit shared through Redis, when the module is present and a URL is configured. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(RedisRateLimiter.class)
    @ConditionalOnProperty(prefix = BitgetTransferProperties.PREFIX, name = "redis.url")
    static class SharedRateLimitConfiguration {

        /** Closed with the context, after the gateway that uses it. */
        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean(RequestRateLimiter.class)
        RedisRateLimiter bitgetTransferRateLimiter(BitgetTransferProperties properties) {
            BitgetTransferProperties.Redis redis = properties.redis();
            return RedisRateLimiter.builder()
                    .redisUri(redis.url())
                    .rateLimitKey(BitgetTransferProperties.hasText(redis.rateLimitKey())
                            ? redis.rateLimitKey() : properties.credentials().apiKey())
                    .build();
        }
    }
}
