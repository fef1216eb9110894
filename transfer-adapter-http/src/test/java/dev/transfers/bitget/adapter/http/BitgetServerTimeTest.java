package dev.transfers.bitget.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.transfers.bitget.adapter.fake.simulator.SimulatedBitget;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class BitgetServerTimeTest {
    private static final Instant EXCHANGE_NOW = Instant.parse("2026-01-02T03:04:05.678Z");

    @Test
    void readsTheExchangesTimeAndTheOffsetFromOurs() {
        try (SimulatedBitget sim = SimulatedBitget.builder().withPublicTestCredentials()
                .clock(Clock.fixed(EXCHANGE_NOW, ZoneOffset.UTC)).start()) {
            BitgetServerTime time = BitgetServerTime.builder().baseUrl(sim.baseUri())
                    .clock(Clock.fixed(EXCHANGE_NOW.minusSeconds(7), ZoneOffset.UTC)).build();

            BitgetServerTime.Result result = time.read();

            assertThat(result).isEqualTo(new BitgetServerTime.Reading(EXCHANGE_NOW, Duration.ofSeconds(7),
                    Duration.ZERO));
            assertThat(sim.requests()).singleElement().satisfies(request ->
                    assertThat(request.headers()).doesNotContainKey("ACCESS-KEY"));
        }
    }

    @Test
    void anAnswerWithoutServerTimeIsUnavailableWithItsStatus() {
        try (SimulatedBitget sim = SimulatedBitget.builder().withPublicTestCredentials().start()) {
            BitgetServerTime time = BitgetServerTime.builder().baseUrl(sim.baseUri().resolve("/elsewhere")).build();

            assertThat(time.read()).isEqualTo(new BitgetServerTime.Unavailable(
                    "HTTP 404 without a usable server time"));
        }
    }

    @Test
    void aClosedPortIsUnavailableWithTheConnectionFailure() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        BitgetServerTime time = BitgetServerTime.builder().baseUrl(URI.create("http://127.0.0.1:" + closedPort))
                .build();

        assertThat(time.read()).isInstanceOfSatisfying(BitgetServerTime.Unavailable.class,
                down -> assertThat(down.reason()).startsWith("ConnectException"));
    }

    @Test
    void refusesABaseUrlThatIsNotHttp() {
        assertThatThrownBy(() -> BitgetServerTime.builder().baseUrl(URI.create("ftp://example.com")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baseUrl");
    }
}
