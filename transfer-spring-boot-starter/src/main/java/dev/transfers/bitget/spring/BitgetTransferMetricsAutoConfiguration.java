package dev.transfers.bitget.spring;

import dev.transfers.bitget.adapter.http.BitgetTransferGateway;
import dev.transfers.bitget.micrometer.MicrometerTransferListener;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The auto-configured gateway's meters in the application's {@link MeterRegistry}: with
 * {@code transfer-micrometer} on the class path and a registry in the context (Actuator makes one), a
 * {@link MicrometerTransferListener} bean, which {@link BitgetTransferAutoConfiguration} adds to the
 * gateway like every {@link dev.transfers.bitget.adapter.http.TransferListener} bean. The meters are
 * listed in the README's "Metrics" section; none is tagged with a clientOid or a credential. Define a
 * {@code MicrometerTransferListener} bean of your own (with common tags, say) to replace this one.
 */
@AutoConfiguration(after = BitgetTransferAutoConfiguration.class,
        afterName = "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass({MeterRegistry.class, MicrometerTransferListener.class})
@ConditionalOnBean({MeterRegistry.class, BitgetTransferGateway.class})
public class BitgetTransferMetricsAutoConfiguration {

    /** The listener that records the gateway's calls, attempts, waits and lookups in {@code registry}. */
    @Bean
    @ConditionalOnMissingBean
    public MicrometerTransferListener bitgetTransferMetrics(MeterRegistry registry) {
        return new MicrometerTransferListener(registry);
    }
}
