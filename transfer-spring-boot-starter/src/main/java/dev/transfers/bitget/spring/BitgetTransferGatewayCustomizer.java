package dev.transfers.bitget.spring;

import dev.transfers.bitget.adapter.http.BitgetTransferGateway;

/**
 * Adjusts the gateway's builder after the {@code bitget.transfer.*} properties have been applied and
 * before the auto-configured {@link BitgetTransferGateway} is built: every bean of this type is
 * applied, in {@link org.springframework.core.annotation.Order} order. A setting the properties do
 * not cover (a TLS context, a clock) goes here:
 * <pre>{@code
 * @Bean
 * BitgetTransferGatewayCustomizer privateCa(SSLContext privateCaTls) {
 *     return builder -> builder.sslContext(privateCaTls);
 * }
 * }</pre>
 */
@FunctionalInterface
public interface BitgetTransferGatewayCustomizer {

    /** Changes the builder in place. */
    void customize(BitgetTransferGateway.Builder builder);
}
