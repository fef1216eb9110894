package dev.transfers.bitget.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transfers.bitget.adapter.fake.simulator.SimulatedBitget;
import dev.transfers.bitget.adapter.http.BitgetServerTime;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/** The indicator's three answers, against a simulator whose clock and ours are both fixed. */
class BitgetExchangeHealthIndicatorTest {
    private static final Instant EXCHANGE_NOW = Instant.parse("2026-03-04T05:06:07Z");
    private static final SimulatedBitget EXCHANGE = SimulatedBitget.builder().withPublicTestCredentials()
            .clock(Clock.fixed(EXCHANGE_NOW, ZoneOffset.UTC)).start();

    @AfterAll
    static void stop() {
        EXCHANGE.close();
    }

    @Test
    void upWithTheOffsetWhenWithinTheLimit() {
        Health health = indicator(EXCHANGE.baseUri(), Duration.ofSeconds(3), Duration.ofSeconds(10)).health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("clockOffsetMillis", 3000L)
                .containsEntry("serverTime", EXCHANGE_NOW.toString()).containsEntry("roundTripMillis", 0L);
    }

    @Test
    void downWhenTheOffsetExceedsTheLimit() {
        Health health = indicator(EXCHANGE.baseUri(), Duration.ofSeconds(-11), Duration.ofSeconds(10)).health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("clockOffsetMillis", -11000L)
                .containsEntry("error", "the clock offset exceeds 10000 ms");
    }

    @Test
    void downWithTheReasonWhenBitgetCannotBeRead() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        Health health = indicator(URI.create("http://127.0.0.1:" + closedPort), Duration.ZERO, Duration.ofSeconds(10))
                .health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails().get("error")).asString().startsWith("ConnectException");
    }

    /** Our clock {@code exchangeAhead} behind the exchange's. */
    private static BitgetExchangeHealthIndicator indicator(URI baseUrl, Duration exchangeAhead, Duration limit) {
        Clock ours = Clock.fixed(EXCHANGE_NOW.minus(exchangeAhead), ZoneOffset.UTC);
        return new BitgetExchangeHealthIndicator(BitgetServerTime.builder().baseUrl(baseUrl).clock(ours).build(), limit);
    }
}
