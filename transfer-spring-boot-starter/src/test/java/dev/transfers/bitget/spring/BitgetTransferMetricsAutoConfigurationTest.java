package dev.transfers.bitget.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transfers.bitget.adapter.fake.InMemoryTransferGateway;
import dev.transfers.bitget.adapter.http.TransferListener;
import dev.transfers.bitget.domain.TransferGateway;
import dev.transfers.bitget.micrometer.MicrometerTransferListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** When the gateway's meters are bound: a registry, the binding on the class path, and the gateway auto-configured. */
class BitgetTransferMetricsAutoConfigurationTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(BitgetTransferAutoConfiguration.class,
                    BitgetTransferMetricsAutoConfiguration.class))
            .withPropertyValues("bitget.transfer.base-url=http://127.0.0.1:9", "bitget.transfer.credentials.api-key=k-1",
                    "bitget.transfer.credentials.secret=s-1", "bitget.transfer.credentials.passphrase=p-1");

    @Test
    void bindsTheMetricsListenerWhenARegistryIsPresent() {
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .run(context -> assertThat(context).hasSingleBean(MicrometerTransferListener.class)
                        .getBean(TransferListener.class).isSameAs(context.getBean(MicrometerTransferListener.class)));
    }

    @Test
    void noListenerWithoutARegistry() {
        runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(MicrometerTransferListener.class));
    }

    @Test
    void noListenerWithoutTheMicrometerModule() {
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withClassLoader(new FilteredClassLoader(MicrometerTransferListener.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(MicrometerTransferListener.class));
    }

    @Test
    void noListenerWhenTheApplicationDefinesItsOwnGateway() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(BitgetTransferAutoConfiguration.class,
                        BitgetTransferMetricsAutoConfiguration.class))
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withBean(TransferGateway.class, InMemoryTransferGateway::new)
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(MicrometerTransferListener.class));
    }

    @Test
    void anApplicationsOwnListenerReplacesTheDefault() {
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withBean("taggedMetrics", MicrometerTransferListener.class,
                        () -> new MicrometerTransferListener(new SimpleMeterRegistry(), Tags.of("desk", "treasury")))
                .run(context -> assertThat(context).hasSingleBean(MicrometerTransferListener.class)
                        .hasBean("taggedMetrics"));
    }
}
