package dev.transfers.bitget.adapter.fake.simulator;

import static dev.transfers.bitget.adapter.fake.simulator.BitgetTestClient.body;
import static dev.transfers.bitget.adapter.fake.simulator.BitgetTestClient.code;
import static dev.transfers.bitget.adapter.fake.simulator.BitgetTestClient.json;
import static dev.transfers.bitget.adapter.fake.simulator.SimulatorFixture.LIVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import dev.transfers.bitget.domain.AccountType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SimulatedBitgetLifecycleTest {

    @Test
    void bindsLoopbackOnAnEphemeralPortAndRefusesConnectionsAfterClose() throws Exception {
        SimulatedBitget sim = SimulatorFixture.start();
        int port = sim.baseUri().getPort();

        assertThat(sim.baseUri().toString()).isEqualTo("http://127.0.0.1:" + port);
        assertThat(port).isPositive();
        sim.close();
        sim.close();

        assertThat(sim.toString()).isEqualTo("SimulatedBitget[http://127.0.0.1:" + port + ", closed]");
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
    }

    @Test
    void serverTimeNeedsNoAuthentication() throws Exception {
        long now = 1_688_008_631_614L;
        try (SimulatedBitget sim = SimulatorFixture.start(Clock.fixed(Instant.ofEpochMilli(now), ZoneOffset.UTC))) {
            HttpResponse<String> response = new BitgetTestClient(sim.baseUri()).get("/api/v2/public/time");

            assertThat(response.statusCode()).isEqualTo(200);
            JsonObject json = json(response);
            assertThat(json.get("code").getAsString()).isEqualTo("00000");
            assertThat(json.get("msg").getAsString()).isEqualTo("success");
            assertThat(json.get("requestTime").getAsLong()).isEqualTo(now);
            assertThat(json.getAsJsonObject("data").get("serverTime").getAsJsonPrimitive().isString()).isTrue();
            assertThat(json.getAsJsonObject("data").get("serverTime").getAsString()).isEqualTo(Long.toString(now));
        }
    }

    @Test
    void unknownPathsAnswer404() throws Exception {
        try (SimulatedBitget sim = SimulatorFixture.start()) {
            HttpResponse<String> response = new BitgetTestClient(sim.baseUri()).get("/api/v2/spot/account/assets");

            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(code(response)).isEqualTo("40404");
        }
    }

    @Test
    void logsRequestsAndRedactsSignatureAndPassphraseInToString() throws Exception {
        try (SimulatedBitget sim = SimulatorFixture.start()) {
            String requestBody = body("spot", "p2p", "1", "USDT", null, "logged");
            BitgetTestClient.Call call = new BitgetTestClient(sim.baseUri()).transfer(LIVE, requestBody);
            String sign = call.headers().get("ACCESS-SIGN");
            call.send();

            assertThat(sim.requests()).singleElement().satisfies(request -> {
                assertThat(request.method()).isEqualTo("POST");
                assertThat(request.path()).isEqualTo(BitgetTestClient.TRANSFER_PATH);
                assertThat(request.query()).isNull();
                assertThat(request.body()).isEqualTo(requestBody);
                assertThat(request.header("access-sign")).hasValue(sign);
                assertThat(request.header("ACCESS-KEY")).hasValue(LIVE.apiKey());
                assertThat(request.arrival()).isNotNull();
                assertThat(request.toString()).contains(requestBody, LIVE.apiKey())
                        .doesNotContain(sign, LIVE.passphrase(), LIVE.secret());
            });
        }
    }

    @Test
    void credentialsToStringHidesSecretAndPassphrase() {
        assertThat(LIVE.toString()).contains(LIVE.apiKey(), LIVE.uid())
                .doesNotContain(LIVE.secret(), LIVE.passphrase());
    }

    @Test
    void publicTestCredentialsAreALiveKey() throws Exception {
        try (SimulatedBitget sim = SimulatedBitget.builder().withPublicTestCredentials().start()) {
            sim.seedBalance(AccountType.SPOT, "USDT", new BigDecimal("10"));
            SimulatedBitget.Credentials test = SimulatedBitget.Credentials.live(SimulatedBitget.TEST_API_KEY,
                    SimulatedBitget.TEST_API_SECRET, SimulatedBitget.TEST_API_PASSPHRASE, SimulatedBitget.TEST_UID);

            HttpResponse<String> response = new BitgetTestClient(sim.baseUri())
                    .transfer(test, body("spot", "p2p", "1", "USDT", null, null)).send();

            assertThat(code(response)).isEqualTo("00000");
        }
    }

    @Test
    void builderFailsEarly() {
        assertThatThrownBy(() -> SimulatedBitget.builder().start())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no credentials");
        assertThatThrownBy(() -> SimulatedBitget.builder().credentials(LIVE).credentials(LIVE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(LIVE.apiKey());
        assertThatThrownBy(() -> SimulatedBitget.builder().port(70_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SimulatedBitget.Credentials.live("k", " ", "p", "u"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("secret");
    }

    @Test
    void startFailsWhenThePortIsTaken() {
        try (SimulatedBitget first = SimulatorFixture.start()) {
            SimulatedBitget.Builder second = SimulatedBitget.builder().credentials(LIVE).port(first.baseUri().getPort());

            assertThatThrownBy(second::start).isInstanceOf(UncheckedIOException.class)
                    .hasCauseInstanceOf(IOException.class);
        }
    }

    @Test
    void seedingChecksTheSymbolAgainstTheAccountType() {
        try (SimulatedBitget sim = SimulatorFixture.start()) {
            assertThatThrownBy(() -> sim.seedBalance(AccountType.ISOLATED_MARGIN, "USDT", BigDecimal.ONE))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("symbol");
            assertThatThrownBy(() -> sim.seedBalance(AccountType.SPOT, "BTCUSDT", "USDT", BigDecimal.ONE))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only isolated_margin");
            assertThatThrownBy(() -> sim.seedBalance(AccountType.SPOT, "USDT", new BigDecimal("-1")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
            assertThat(sim.balance(AccountType.USDC_FUTURES, "USDT")).isZero();
            assertThat(sim.balance(AccountType.ISOLATED_MARGIN, "ETHUSDT", "USDT")).isZero();
        }
    }
}
