package dev.transfers.bitget.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.transfers.bitget.adapter.fake.simulator.SimulatedBitget;
import dev.transfers.bitget.adapter.http.BitgetTransferGateway;
import dev.transfers.bitget.domain.AccountType;
import dev.transfers.bitget.domain.Transfer;
import dev.transfers.bitget.domain.TransferGateway;
import dev.transfers.bitget.domain.TransferReceipt;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.actuate.health.CompositeHealth;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.actuate.health.SystemHealth;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An application with the starter and Actuator, configured by properties alone, against a
 * {@link SimulatedBitget} on 127.0.0.1: a transfer through the auto-configured gateway, the
 * {@code bitget} health component, and canaries for the secrets in {@code env}, {@code configprops}
 * (both set to show values) and the output.
 */
@SpringBootTest(classes = StarterOverSimulatedBitgetTest.Application.class, properties = {
    "management.endpoints.web.exposure.include=health,env,configprops",
    "management.endpoint.env.show-values=always",
    "management.endpoint.configprops.show-values=always",
    "management.endpoint.health.show-details=always"})
@ExtendWith(OutputCaptureExtension.class)
class StarterOverSimulatedBitgetTest {
    private static final String API_KEY = "starter-sim-key";
    private static final String SECRET = "starter-sim-secret-canary";
    private static final String PASSPHRASE = "starter-sim-passphrase-canary";
    private static final SimulatedBitget EXCHANGE = SimulatedBitget.builder()
            .credentials(SimulatedBitget.Credentials.live(API_KEY, SECRET, PASSPHRASE, "starter-uid"))
            .start();

    @Autowired
    private TransferGateway gateway;
    @Autowired
    private MeterRegistry meters;
    @Autowired
    private HealthEndpoint health;
    @Autowired
    private EnvironmentEndpoint env;
    @Autowired
    private ConfigurationPropertiesReportEndpoint configprops;
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

    @DynamicPropertySource
    static void exchange(DynamicPropertyRegistry properties) {
        properties.add("bitget.transfer.base-url", () -> EXCHANGE.baseUri().toString());
        properties.add("bitget.transfer.credentials.api-key", () -> API_KEY);
        properties.add("bitget.transfer.credentials.secret", () -> SECRET);
        properties.add("bitget.transfer.credentials.passphrase", () -> PASSPHRASE);
        properties.add("bitget.transfer.retry.max-attempts", () -> "2");
    }

    @BeforeAll
    static void seed() {
        EXCHANGE.seedBalance(AccountType.SPOT, "USDT", new BigDecimal("100"));
    }

    @AfterAll
    static void stopTheExchange() {
        EXCHANGE.close();
    }

    @Test
    void transfersThroughTheAutoConfiguredGatewayAndCountsTheCall() {
        double callsBefore = appliedCalls();
        TransferReceipt receipt = gateway.transfer(Transfer.builder().from(AccountType.SPOT).to(AccountType.P2P)
                .amount(new BigDecimal("7")).coin("USDT").clientOid("starter-1").build());

        assertThat(gateway).isInstanceOf(BitgetTransferGateway.class);
        assertThat(receipt.clientOid()).isEqualTo("starter-1");
        assertThat(EXCHANGE.balance(AccountType.P2P, "USDT")).isEqualByComparingTo("7");
        assertThat(appliedCalls() - callsBefore).as("the call in the application's registry").isEqualTo(1);
    }

    private double appliedCalls() {
        var calls = meters.find("bitget.transfer.calls").tags("outcome", "applied", "reason", "answered").timer();
        return calls == null ? 0 : calls.count();
    }

    @Test
    void theHealthShowsTheExchangeComponentUpWithTheClockOffset() {
        HealthComponent whole = health.health();

        assertThat(whole).isInstanceOf(SystemHealth.class);
        HealthComponent bitget = ((CompositeHealth) whole).getComponents().get("bitget");
        assertThat(bitget).isNotNull();
        assertThat(bitget.getStatus()).isEqualTo(Status.UP);
        assertThat(json.valueToTree(bitget).path("details").has("clockOffsetMillis")).isTrue();
    }

    @Test
    void noSecretInEnvConfigpropsMetersOrOutput(CapturedOutput output) throws Exception {
        gateway.transfer(Transfer.builder().from(AccountType.SPOT).to(AccountType.USDT_FUTURES)
                .amount(new BigDecimal("1")).coin("USDT").clientOid("starter-canary").build());
        String meterIds = meters.getMeters().stream().map(meter -> meter.getId().toString()).toList().toString();
        String envJson = json.writeValueAsString(env.environment(null));
        String configpropsJson = json.writeValueAsString(configprops.configurationProperties());

        assertThat(envJson).as("env shows values").contains(API_KEY)
                .doesNotContain(SECRET, PASSPHRASE);
        assertThat(configpropsJson).as("configprops shows values").contains(API_KEY)
                .doesNotContain(SECRET, PASSPHRASE);
        assertThat(meterIds).contains("bitget.transfer.calls").doesNotContain(SECRET, PASSPHRASE, API_KEY, "starter-canary");
        assertThat(output.getAll()).doesNotContain(SECRET, PASSPHRASE);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Application {
    }
}
