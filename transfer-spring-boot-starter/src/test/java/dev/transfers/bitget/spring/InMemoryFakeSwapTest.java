package dev.transfers.bitget.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transfers.bitget.adapter.fake.InMemoryTransferGateway;
import dev.transfers.bitget.adapter.http.BitgetTransferGateway;
import dev.transfers.bitget.domain.AccountType;
import dev.transfers.bitget.domain.Transfer;
import dev.transfers.bitget.domain.TransferGateway;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * What a user's test does to run without an exchange: a {@link TestConfiguration} with an
 * {@link InMemoryTransferGateway} bean. The starter backs off: no properties are needed, no
 * {@link BitgetTransferGateway} and no {@code bitget} health component exist.
 */
@SpringBootTest(classes = {InMemoryFakeSwapTest.Application.class, InMemoryFakeSwapTest.Fake.class})
class InMemoryFakeSwapTest {

    @Autowired
    private TransferGateway gateway;
    @Autowired
    private InMemoryTransferGateway fake;
    @Autowired
    private ApplicationContext context;

    @Test
    void theApplicationTransfersThroughTheFake() {
        fake.seedBalance(AccountType.SPOT, "USDT", new BigDecimal("50"));

        gateway.transfer(Transfer.builder().from(AccountType.SPOT).to(AccountType.USDT_FUTURES)
                .amount(new BigDecimal("20")).coin("USDT").build());

        assertThat(gateway).isSameAs(fake);
        assertThat(fake.balance(AccountType.USDT_FUTURES, "USDT")).isEqualByComparingTo("20");
        assertThat(context.getBeansOfType(BitgetTransferGateway.class)).isEmpty();
        assertThat(context.containsBean("bitgetHealthIndicator")).isFalse();
    }

    @TestConfiguration
    static class Fake {
        @Bean
        InMemoryTransferGateway inMemoryTransferGateway() {
            return new InMemoryTransferGateway();
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Application {
    }
}
