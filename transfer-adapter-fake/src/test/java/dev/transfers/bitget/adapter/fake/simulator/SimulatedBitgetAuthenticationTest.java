package dev.transfers.bitget.adapter.fake.simulator;

import static dev.transfers.bitget.adapter.fake.simulator.BitgetTestClient.body;
import static dev.transfers.bitget.adapter.fake.simulator.BitgetTestClient.code;
import static dev.transfers.bitget.adapter.fake.simulator.BitgetTestClient.json;
import static dev.transfers.bitget.adapter.fake.simulator.SimulatorFixture.DEMO_TRADING;
import static dev.transfers.bitget.adapter.fake.simulator.SimulatorFixture.LIVE;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.transfers.bitget.domain.AccountType;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SimulatedBitgetAuthenticationTest {
    private static final long NOW = 1_700_000_000_000L;
    private static final String VALID_BODY = body("spot", "p2p", "1", "USDT", null, "auth-1");

    private SimulatedBitget sim;
    private BitgetTestClient client;

    @BeforeEach
    void start() {
        sim = SimulatorFixture.start(Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC));
        client = new BitgetTestClient(sim.baseUri());
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                rejected("no ACCESS-KEY", c -> c.without("ACCESS-KEY"), "40001", "ACCESS_KEY cannot be empty"),
                rejected("unknown ACCESS-KEY", c -> c.header("ACCESS-KEY", "nobody"), "40006", "Invalid ACCESS_KEY"),
                rejected("no ACCESS-SIGN", c -> c.without("ACCESS-SIGN"), "40002", "ACCESS_SIGN cannot be empty"),
                rejected("no ACCESS-TIMESTAMP", c -> c.without("ACCESS-TIMESTAMP"), "40005", "Invalid ACCESS_TIMESTAMP"),
                rejected("non-numeric ACCESS-TIMESTAMP", c -> c.header("ACCESS-TIMESTAMP", "2023-01-01T00:00:00Z"),
                        "40005", "Invalid ACCESS_TIMESTAMP"),
                rejected("no ACCESS-PASSPHRASE", c -> c.without("ACCESS-PASSPHRASE"), "40011",
                        "ACCESS_PASSPHRASE cannot be empty"),
                rejected("wrong passphrase", c -> c.header("ACCESS-PASSPHRASE", "guess"), "40012",
                        "apikey/password is incorrect"),
                rejected("signed with another secret", c -> c.signedWith("not-the-secret"), "40009",
                        "sign signature error"),
                rejected("signed timestamp differs from header", c -> c.header("ACCESS-TIMESTAMP", Long.toString(NOW + 1)),
                        "40009", "sign signature error"),
                rejected("timestamp 31 s behind", c -> c.timestamp(NOW - 31_000), "40008", "Request timestamp expired"),
                rejected("timestamp 31 s ahead", c -> c.timestamp(NOW + 31_000), "40008", "Request timestamp expired"),
                rejected("paptrading with a live key", c -> c.header("paptrading", "1"), "40099",
                        "exchange environment is incorrect: the request asks for demo trading (paptrading: 1) "
                                + "but the API key is a live key"),
                rejected("text/plain Content-Type", c -> c.header("Content-Type", "text/plain"), "40007",
                        "Invalid Content_Type, please use the application/json format"),
                rejected("no Content-Type", c -> c.without("Content-Type"), "40007",
                        "Invalid Content_Type, please use the application/json format"));
    }

    private static Arguments rejected(String name, UnaryOperator<BitgetTestClient.Call> change, String code,
                                      String msg) {
        return Arguments.of(name, change, code, msg);
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("badRequests")
    void rejectsBadAuthenticationWithBitgetsCodeAndAppliesNothing(String name,
                                                                   UnaryOperator<BitgetTestClient.Call> change,
                                                                   String expectedCode, String expectedMsg)
            throws Exception {
        HttpResponse<String> response = change.apply(client.transfer(LIVE, VALID_BODY).timestamp(NOW)).send();

        assertThat(response.statusCode()).isEqualTo(400);
        JsonObject json = json(response);
        assertThat(json.get("code").getAsString()).isEqualTo(expectedCode);
        assertThat(json.get("msg").getAsString()).isEqualTo(expectedMsg);
        assertThat(json.get("requestTime").getAsLong()).isEqualTo(NOW);
        assertThat(json.get("data").isJsonNull()).isTrue();
        assertThat(sim.appliedTransfers()).isEmpty();
    }

    @Test
    void acceptsTimestampsExactly30SecondsAway() throws Exception {
        HttpResponse<String> behind = client.transfer(LIVE, body("spot", "p2p", "1", "USDT", null, "b"))
                .timestamp(NOW - 30_000).send();
        HttpResponse<String> ahead = client.transfer(LIVE, body("spot", "p2p", "1", "USDT", null, "a"))
                .timestamp(NOW + 30_000).send();

        assertThat(code(behind)).isEqualTo("00000");
        assertThat(code(ahead)).isEqualTo("00000");
    }

    @Test
    void clockOffsetProvokes40008AndShiftsServerTime() throws Exception {
        sim.clockOffset(Duration.ofSeconds(31));

        HttpResponse<String> transfer = client.transfer(LIVE, VALID_BODY).timestamp(NOW).send();
        HttpResponse<String> time = client.get("/api/v2/public/time");

        assertThat(code(transfer)).isEqualTo("40008");
        assertThat(json(time).getAsJsonObject("data").get("serverTime").getAsString())
                .isEqualTo(Long.toString(NOW + 31_000));

        HttpResponse<String> resynced = client.transfer(LIVE, VALID_BODY).timestamp(NOW + 31_000).send();
        assertThat(code(resynced)).isEqualTo("00000");
    }

    @Test
    void demoKeyNeedsPaptradingHeader() throws Exception {
        HttpResponse<String> withHeader = client.transfer(DEMO_TRADING, body("spot", "p2p", "1", "USDT", null, "d1"))
                .timestamp(NOW).send();
        HttpResponse<String> withoutHeader = client.transfer(DEMO_TRADING, body("spot", "p2p", "1", "USDT", null, "d2"))
                .timestamp(NOW).without("paptrading").send();

        assertThat(code(withHeader)).isEqualTo("00000");
        assertThat(withoutHeader.statusCode()).isEqualTo(400);
        assertThat(code(withoutHeader)).isEqualTo("40099");
        assertThat(json(withoutHeader).get("msg").getAsString()).isEqualTo("exchange environment is incorrect: "
                + "the API key is a demo-trading key but the request lacks paptrading: 1 (live)");
        assertThat(sim.appliedCount("d2")).isZero();
    }

    @Test
    void contentTypeWithCharsetIsAccepted() throws Exception {
        HttpResponse<String> response = client.transfer(LIVE, VALID_BODY).timestamp(NOW)
                .header("Content-Type", "application/json; charset=utf-8").send();

        assertThat(code(response)).isEqualTo("00000");
    }

    @Test
    void acceptsReferenceTestVectorSignature() throws Exception {
        long vectorTimestamp = 1_659_076_670_000L;
        String vectorBody = "{\"fromType\":\"spot\",\"toType\":\"isolated_margin\",\"amount\":\"300\","
                + "\"coin\":\"USDT\",\"symbol\":\"BTCUSDT\",\"clientOid\":\"1\"}";
        SimulatedBitget.Credentials vectorKey = SimulatedBitget.Credentials.live("vector-key", "secret", "pass", "uid-v");
        try (SimulatedBitget vectorSim = SimulatedBitget.builder()
                .credentials(vectorKey)
                .clock(Clock.fixed(Instant.ofEpochMilli(vectorTimestamp), ZoneOffset.UTC))
                .start()) {
            vectorSim.seedBalance(AccountType.SPOT, "USDT", new BigDecimal("1000"));
            BitgetTestClient.Call call = new BitgetTestClient(vectorSim.baseUri()).transfer(vectorKey, vectorBody)
                    .timestamp(vectorTimestamp);

            assertThat(call.headers()).containsEntry("ACCESS-SIGN", "s9zBMh4a1QmpdchNrLxceTldcNYsjaOLQ+v8AhloiLM=");
            HttpResponse<String> response = call.send();

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(code(response)).isEqualTo("00000");
            assertThat(vectorSim.balance(AccountType.ISOLATED_MARGIN, "BTCUSDT", "USDT")).isEqualByComparingTo("300");
        }
    }

    @Test
    void signatureCoversTheExactBodyBytes() throws Exception {
        String spaced = "{ \"fromType\": \"spot\", \"toType\": \"p2p\", \"amount\": \"1\", \"coin\": \"USDT\" }";
        BitgetTestClient.Call signedCompact = client.transfer(LIVE, body("spot", "p2p", "1", "USDT", null, null))
                .timestamp(NOW);
        String compactSign = signedCompact.headers().get("ACCESS-SIGN");

        HttpResponse<String> reformatted = client.transfer(LIVE, spaced).timestamp(NOW)
                .header("ACCESS-SIGN", compactSign).send();
        HttpResponse<String> signedAsSent = client.transfer(LIVE, spaced).timestamp(NOW).send();

        assertThat(code(reformatted)).isEqualTo("40009");
        assertThat(code(signedAsSent)).isEqualTo("00000");
    }
}
