package dev.transfers.bitget.spring;

import dev.transfers.bitget.adapter.http.BitgetServerTime;
import dev.transfers.bitget.adapter.http.BitgetTransferGateway;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the starter adds when the application has Actuator: the {@code bitget} health component, and a
 * {@link SanitizingFunction} that hides the starter's secrets from the {@code env} and
 * {@code configprops} endpoints even when they are set to show values (Boot's own rules do not
 * recognise "passphrase" or a private key).
 */
@AutoConfiguration(after = BitgetTransferAutoConfiguration.class)
@ConditionalOnClass(SanitizingFunction.class)
public class BitgetTransferActuatorAutoConfiguration {

    /** Hides {@code bitget.transfer.credentials.secret}, {@code .private-key}, {@code .passphrase} and the Redis URL. */
    @Bean
    public SanitizingFunction bitgetTransferSanitizingFunction() {
        return BitgetTransferActuatorAutoConfiguration::sanitize;
    }

    /** The health of the exchange the auto-configured gateway talks to; none when the application brings its own. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    @ConditionalOnBean(BitgetTransferGateway.class)
    @ConditionalOnEnabledHealthIndicator("bitget")
    static class HealthConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "bitgetHealthIndicator")
        BitgetExchangeHealthIndicator bitgetHealthIndicator(BitgetTransferProperties properties) {
            BitgetServerTime.Builder serverTime = BitgetServerTime.builder().baseUrl(properties.baseUrl());
            if (properties.timeouts().connect() != null) {
                serverTime.connectTimeout(properties.timeouts().connect());
            }
            if (properties.timeouts().read() != null) {
                serverTime.readTimeout(properties.timeouts().read());
            }
            return new BitgetExchangeHealthIndicator(serverTime.build(), properties.health().maxClockOffset());
        }
    }

    /** The keys' endings, without separators or case, that hold secrets. */
    private static final Set<String> SECRET_KEY_ENDINGS = Set.of("credentialssecret", "credentialsprivatekey",
            "credentialspassphrase", "redisurl");

    static SanitizableData sanitize(SanitizableData data) {
        String key = data.getKey().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        boolean secret = key.startsWith("bitgettransfer")
                && SECRET_KEY_ENDINGS.stream().anyMatch(key::endsWith);
        return secret ? data.withValue(SanitizableData.SANITIZED_VALUE) : data;
    }
}
