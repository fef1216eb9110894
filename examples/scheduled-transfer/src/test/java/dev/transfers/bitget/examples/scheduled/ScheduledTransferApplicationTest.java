package dev.transfers.bitget.examples.scheduled;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transfers.bitget.adapter.fake.simulator.SimulatedBitget;
import dev.transfers.bitget.domain.AccountType;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The example service against a {@link SimulatedBitget} on 127.0.0.1, configured by properties as in
 * production. The schedule's first run is an hour away, so the test runs the job itself and checks
 * that the schedule is registered.
 */
@SpringBootTest
class ScheduledTransferApplicationTest {
    private static final SimulatedBitget EXCHANGE = SimulatedBitget.builder().withPublicTestCredentials().start();

    @Autowired
    private SweepJob job;
    @Autowired
    private ScheduledTaskHolder scheduler;
    @Autowired
    private MeterRegistry meters;
    @Autowired
    private HealthEndpoint health;

    @DynamicPropertySource
    static void exchange(DynamicPropertyRegistry properties) {
        EXCHANGE.seedBalance(AccountType.SPOT, "USDT", new BigDecimal("100"));
        properties.add("bitget.transfer.base-url", () -> EXCHANGE.baseUri().toString());
        properties.add("bitget.transfer.credentials.api-key", () -> SimulatedBitget.TEST_API_KEY);
        properties.add("bitget.transfer.credentials.secret", () -> SimulatedBitget.TEST_API_SECRET);
        properties.add("bitget.transfer.credentials.passphrase", () -> SimulatedBitget.TEST_API_PASSPHRASE);
    }

    @AfterAll
    static void stopTheExchange() {
        EXCHANGE.close();
    }

    @Test
    void eachRunMovesTheConfiguredAmountOnce() {
        job.run();
        job.run();

        assertThat(EXCHANGE.balance(AccountType.USDT_FUTURES, "USDT")).isEqualByComparingTo("20");
        assertThat(EXCHANGE.balance(AccountType.SPOT, "USDT")).isEqualByComparingTo("80");
        assertThat(EXCHANGE.appliedTransfers()).hasSize(2);
        assertThat(meters.get("bitget.transfer.calls").tags("outcome", "applied").timer().count())
                .as("the job's transfers in the application's meters").isEqualTo(2);
    }

    @Test
    void theHealthHasTheExchangeComponent() {
        assertThat(health.healthForPath("bitget").getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void theJobIsScheduled() {
        assertThat(scheduler.getScheduledTasks()).anySatisfy(task ->
                assertThat(task.getTask().toString()).contains(SweepJob.class.getName() + ".run"));
    }
}
