package dev.transfers.bitget.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transfers.bitget.adapter.fake.InMemoryTransferGateway;
import dev.transfers.bitget.adapter.fake.simulator.RsaTestKey;
import dev.transfers.bitget.adapter.http.BitgetTransferGateway;
import dev.transfers.bitget.adapter.http.RequestRateLimiter;
import dev.transfers.bitget.adapter.http.redis.RedisRateLimiter;
import dev.transfers.bitget.domain.TransferGateway;
import dev.transfers.bitget.domain.TransferHistory;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The auto-configuration from properties alone, without a server: each case starts a context in memory. */
class BitgetTransferAutoConfigurationTest {
    private static final String SECRET = "starter-secret-canary";
    private static final String PASSPHRASE = "starter-passphrase-canary";
    private static final RsaTestKey RSA = RsaTestKey.generate();
    private static final String PEM_LINE = RSA.privateKeyPem().lines().skip(2).findFirst().orElseThrow();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(BitgetTransferAutoConfiguration.class,
                    BitgetTransferActuatorAutoConfiguration.class))
            .withPropertyValues("bitget.transfer.base-url=http://127.0.0.1:9", "bitget.transfer.credentials.api-key=k-1",
                    "bitget.transfer.credentials.passphrase=" + PASSPHRASE);

    @Test
    void makesTheGatewayFromPropertiesAsTransferGatewayAndHistory() {
        runner.withPropertyValues("bitget.transfer.credentials.secret=" + SECRET, "bitget.transfer.deadline=5s",
                "bitget.transfer.retry.max-attempts=2", "bitget.transfer.timeouts.read=2s").run(context -> {
                    assertThat(context).hasSingleBean(TransferGateway.class).hasSingleBean(BitgetTransferGateway.class)
                            .doesNotHaveBean(RequestRateLimiter.class);
                    assertThat(context.getBean(TransferHistory.class)).isSameAs(context.getBean(TransferGateway.class));
                    assertThat(context.getBean(TransferGateway.class).toString()).doesNotContain(SECRET, PASSPHRASE);
                    assertThat(context.getBean(BitgetTransferProperties.class).toString())
                            .doesNotContain(SECRET, PASSPHRASE);
                    assertThat(((AbstractBeanDefinition) context.getBeanFactory()
                            .getBeanDefinition("bitgetTransferGateway")).getDestroyMethodNames())
                            .as("closed with the context").containsExactly("close");
                });
    }

    @Test
    void acceptsAnRsaKey() {
        runner.withPropertyValues("bitget.transfer.credentials.private-key=" + RSA.privateKeyPem())
                .run(context -> assertThat(context).hasSingleBean(BitgetTransferGateway.class));
    }

    @Test
    void backsOffWhenTheApplicationDefinesAGatewayAndNeedsNoProperty() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(BitgetTransferAutoConfiguration.class,
                        BitgetTransferActuatorAutoConfiguration.class))
                .withBean(TransferGateway.class, InMemoryTransferGateway::new)
                .run(context -> assertThat(context).hasNotFailed()
                        .hasSingleBean(TransferGateway.class).getBean(TransferGateway.class)
                        .isInstanceOf(InMemoryTransferGateway.class));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "bitget.transfer.credentials.secret=                 | set exactly one of bitget.transfer.credentials.secret"
                + " (an HMAC key) and bitget.transfer.credentials.private-key",
        "bitget.transfer.credentials.api-key=                | bitget.transfer.credentials.api-key is required",
        "bitget.transfer.base-url=ftp://example.com          | bitget.transfer.base-url must be an absolute http or https URL",
        "bitget.transfer.base-url=http://example.com         | bitget.transfer.base-url is plain HTTP to a host that is not loopback",
        "bitget.transfer.deadline=-1s                        | bitget.transfer.deadline must be positive, not PT-1S",
        "bitget.transfer.timeouts.connect=0s                 | bitget.transfer.timeouts.connect must be positive",
        "bitget.transfer.retry.max-attempts=0                | bitget.transfer.retry: max-attempts must be at least 1",
        "bitget.transfer.redis.url=http://127.0.0.1:6379     | bitget.transfer.redis.url must be a redis:// or rediss:// URL",
    })
    void aMissingOrWrongPropertyFailsStartUpNamingIt(String property, String message) {
        runner.withPropertyValues("bitget.transfer.credentials.secret=" + SECRET, property)
                .run(context -> assertStartupFailure(context, message));
    }

    @Test
    void aSecretAndAPrivateKeyTogetherFailStartUp() {
        runner.withPropertyValues("bitget.transfer.credentials.secret=" + SECRET,
                        "bitget.transfer.credentials.private-key=" + RSA.privateKeyPem())
                .run(context -> assertStartupFailure(context, "set exactly one of bitget.transfer.credentials.secret"
                        + " (an HMAC key) and bitget.transfer.credentials.private-key (an RSA key's PKCS#8 PEM), not both"));
    }

    @Test
    void aMalformedPrivateKeyFailsStartUpNamingThePropertyNeverTheKey() {
        runner.withPropertyValues("bitget.transfer.credentials.private-key="
                        + RSA.privateKeyPem().replace(PEM_LINE, PEM_LINE.substring(8)))
                .run(context -> assertStartupFailure(context,
                        "bitget.transfer.credentials.private-key is not a readable PKCS#8 RSA private key"));
    }

    @Test
    void sharesTheRateLimitThroughRedisOnlyWhenAUrlIsSet() {
        ApplicationContextRunner hmac = runner.withPropertyValues("bitget.transfer.credentials.secret=" + SECRET);
        hmac.withPropertyValues("bitget.transfer.redis.url=redis://127.0.0.1:9", "bitget.transfer.redis.rate-limit-key=uid-1")
                .run(context -> assertThat(context).hasSingleBean(RedisRateLimiter.class)
                        .hasSingleBean(BitgetTransferGateway.class));
        hmac.withPropertyValues("bitget.transfer.redis.url=redis://127.0.0.1:9")
                .withClassLoader(new FilteredClassLoader(RedisRateLimiter.class))
                .run(context -> assertThat(context).doesNotHaveBean(RequestRateLimiter.class)
                        .hasSingleBean(BitgetTransferGateway.class));
    }

    @Test
    void addsTheHealthComponentWithActuatorAndWorksWithoutIt() {
        ApplicationContextRunner hmac = runner.withPropertyValues("bitget.transfer.credentials.secret=" + SECRET);
        hmac.run(context -> assertThat(context).hasSingleBean(BitgetExchangeHealthIndicator.class));
        hmac.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(BitgetTransferGateway.class)
                        .doesNotHaveBean(BitgetExchangeHealthIndicator.class));
    }

    @Test
    void appliesEveryCustomizerBeforeBuilding() {
        AtomicInteger customized = new AtomicInteger();
        runner.withPropertyValues("bitget.transfer.credentials.secret=" + SECRET)
                .withBean(BitgetTransferGatewayCustomizer.class, () -> builder -> customized.incrementAndGet())
                .run(context -> {
                    assertThat(context).hasSingleBean(BitgetTransferGateway.class);
                    assertThat(customized).hasValue(1);
                });
    }

    @ParameterizedTest
    @CsvSource({"bitget.transfer.credentials.passphrase", "bitget.transfer.credentials.secret",
        "bitget.transfer.credentials.private-key", "BITGET_TRANSFER_CREDENTIALS_PASSPHRASE", "bitget.transfer.redis.url"})
    void theSanitizingFunctionHidesEachSecretProperty(String key) {
        assertThat(BitgetTransferActuatorAutoConfiguration.sanitize(new SanitizableData(null, key, "canary")).getValue())
                .isEqualTo(SanitizableData.SANITIZED_VALUE);
    }

    @Test
    void theSanitizingFunctionLeavesTheApiKeyAlone() {
        assertThat(BitgetTransferActuatorAutoConfiguration.sanitize(
                new SanitizableData(null, "bitget.transfer.credentials.api-key", "k-1")).getValue()).isEqualTo("k-1");
    }

    private static void assertStartupFailure(AssertableApplicationContext context, String message) {
        assertThat(context).hasFailed();
        assertThat(context.getStartupFailure()).rootCause().hasMessageContaining(message);
        assertThat(allMessages(context.getStartupFailure())).doesNotContain(SECRET, PASSPHRASE, PEM_LINE.substring(8));
    }

    private static String allMessages(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            text.append(t).append('\n');
        }
        return text.toString();
    }
}
