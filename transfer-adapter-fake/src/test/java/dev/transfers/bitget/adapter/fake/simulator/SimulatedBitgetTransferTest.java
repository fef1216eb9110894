package dev.transfers.bitget.adapter.fake.simulator;

import static dev.transfers.bitget.adapter.fake.simulator.BitgetTestClient.body;
import static dev.transfers.bitget.adapter.fake.simulator.BitgetTestClient.code;
import static dev.transfers.bitget.adapter.fake.simulator.BitgetTestClient.json;
import static dev.transfers.bitget.adapter.fake.simulator.SimulatorFixture.LIVE;
import static dev.transfers.bitget.adapter.fake.simulator.SimulatorFixture.OTHER_UID;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.transfers.bitget.adapter.fake.RecordedTransfer;
import dev.transfers.bitget.domain.AccountType;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SimulatedBitgetTransferTest extends RunningSimulatorTest {

    @Test
    void successMovesExactlyTheAmountAndAnswersWithBitgetsEnvelope() throws Exception {
        HttpResponse<String> response = client.transfer(LIVE,
                body("spot", "usdt_futures", "12.345", "USDT", null, "oid-1")).send();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonObject json = json(response);
        assertThat(json.get("code").getAsString()).isEqualTo("00000");
        assertThat(json.get("msg").getAsString()).isEqualTo("success");
        assertThat(json.get("requestTime").getAsJsonPrimitive().isNumber()).isTrue();
        JsonObject data = json.getAsJsonObject("data");
        assertThat(data.get("transferId").getAsString()).matches("[0-9]+");
        assertThat(data.get("clientOid").getAsString()).isEqualTo("oid-1");
        assertThat(sim.balance(AccountType.SPOT, "USDT")).isEqualByComparingTo("987.655");
        assertThat(sim.balance(AccountType.USDT_FUTURES, "USDT")).isEqualByComparingTo("12.345");
        assertThat(sim.appliedTransfers()).singleElement().satisfies(applied -> {
            assertThat(applied.uid()).isEqualTo(LIVE.uid());
            assertThat(applied.clientOid()).isEqualTo("oid-1");
            assertThat(applied.transferId()).isEqualTo(data.get("transferId").getAsString());
            assertThat(applied.from()).isEqualTo(AccountType.SPOT);
            assertThat(applied.to()).isEqualTo(AccountType.USDT_FUTURES);
            assertThat(applied.amount()).isEqualTo(new BigDecimal("12.345"));
            assertThat(applied.coin()).isEqualTo("USDT");
            assertThat(applied.symbol()).isNull();
            assertThat(applied.status()).isEqualTo(RecordedTransfer.Status.SUCCESSFUL);
        });
    }

    @Test
    void transferWithoutClientOidIsAppliedAndEchoesNull() throws Exception {
        HttpResponse<String> response = client.transfer(LIVE, body("spot", "p2p", "1", "USDT", null, null)).send();

        assertThat(code(response)).isEqualTo("00000");
        assertThat(json(response).getAsJsonObject("data").get("clientOid").isJsonNull()).isTrue();
        assertThat(sim.balance(AccountType.P2P, "USDT")).isEqualByComparingTo("1");
    }

    @Test
    void replayedClientOidReturnsTheFirstTransferIdAndMovesNothingMore() throws Exception {
        String first = json(client.transfer(LIVE, body("spot", "p2p", "10", "USDT", null, "same")).send())
                .getAsJsonObject("data").get("transferId").getAsString();

        HttpResponse<String> replay = client.transfer(LIVE, body("spot", "p2p", "10", "USDT", null, "same")).send();
        HttpResponse<String> changed = client.transfer(LIVE,
                body("spot", "coin_futures", "999", "USDT", null, "same")).send();

        for (HttpResponse<String> response : List.of(replay, changed)) {
            assertThat(response.statusCode()).isEqualTo(200);
            JsonObject data = json(response).getAsJsonObject("data");
            assertThat(data.get("transferId").getAsString()).isEqualTo(first);
            assertThat(data.get("clientOid").getAsString()).isEqualTo("same");
        }
        assertThat(sim.balance(AccountType.SPOT, "USDT")).isEqualByComparingTo("990");
        assertThat(sim.balance(AccountType.P2P, "USDT")).isEqualByComparingTo("10");
        assertThat(sim.balance(AccountType.COIN_FUTURES, "USDT")).isEqualByComparingTo("0");
        assertThat(sim.appliedCount("same")).isEqualTo(1);
    }

    @Test
    void clientOidsAreScopedPerUid() throws Exception {
        client.transfer(LIVE, body("spot", "p2p", "1", "USDT", null, "shared")).send();
        HttpResponse<String> other = client.transfer(OTHER_UID, body("spot", "p2p", "1", "USDT", null, "shared")).send();

        assertThat(code(other)).isEqualTo("00000");
        assertThat(sim.appliedCount("shared")).isEqualTo(2);
        assertThat(sim.balance(AccountType.P2P, "USDT")).isEqualByComparingTo("2");
    }

    @Test
    void rejectedClientOidCanBeRetried() throws Exception {
        HttpResponse<String> rejected = client.transfer(LIVE, body("spot", "p2p", "5000", "USDT", null, "retry-me")).send();
        sim.seedBalance(AccountType.SPOT, "USDT", new BigDecimal("6000"));
        HttpResponse<String> retried = client.transfer(LIVE, body("spot", "p2p", "5000", "USDT", null, "retry-me")).send();

        assertThat(code(rejected)).isEqualTo("43012");
        assertThat(code(retried)).isEqualTo("00000");
        assertThat(sim.appliedCount("retry-me")).isEqualTo(1);
        assertThat(sim.balance(AccountType.SPOT, "USDT")).isEqualByComparingTo("1000");
    }

    @Test
    void insufficientBalanceIs43012AndMovesNothing() throws Exception {
        HttpResponse<String> response = client.transfer(LIVE,
                body("spot", "p2p", "1000.00000001", "USDT", null, "too-much")).send();

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("msg").getAsString()).isEqualTo("Insufficient balance");
        assertThat(code(response)).isEqualTo("43012");
        assertThat(sim.balance(AccountType.SPOT, "USDT")).isEqualByComparingTo("1000");
        assertThat(sim.appliedTransfers()).isEmpty();
    }

    @Test
    void wholeBalanceCanBeMoved() throws Exception {
        HttpResponse<String> response = client.transfer(LIVE, body("spot", "p2p", "1000", "USDT", null, "all")).send();

        assertThat(code(response)).isEqualTo("00000");
        assertThat(sim.balance(AccountType.SPOT, "USDT")).isEqualByComparingTo("0");
    }

    @Test
    void isolatedMarginBalancesAreKeptPerSymbol() throws Exception {
        sim.seedBalance(AccountType.ISOLATED_MARGIN, "ETHUSDT", "USDT", new BigDecimal("2"));

        HttpResponse<String> in = client.transfer(LIVE,
                body("spot", "isolated_margin", "300", "USDT", "BTCUSDT", "in")).send();
        HttpResponse<String> out = client.transfer(LIVE,
                body("isolated_margin", "spot", "3", "USDT", "ETHUSDT", "out")).send();

        assertThat(code(in)).isEqualTo("00000");
        assertThat(code(out)).isEqualTo("43012");
        assertThat(sim.balance(AccountType.ISOLATED_MARGIN, "BTCUSDT", "USDT")).isEqualByComparingTo("305");
        assertThat(sim.balance(AccountType.ISOLATED_MARGIN, "ETHUSDT", "USDT")).isEqualByComparingTo("2");
        assertThat(sim.balance(AccountType.SPOT, "USDT")).isEqualByComparingTo("700");
        assertThat(sim.appliedTransfers()).singleElement()
                .satisfies(t -> assertThat(t.symbol()).isEqualTo("BTCUSDT"));
    }

    @Test
    void symbolIsIgnoredWhenNeitherSideIsIsolatedMargin() throws Exception {
        HttpResponse<String> response = client.transfer(LIVE, body("spot", "p2p", "1", "USDT", "BTCUSDT", "x")).send();

        assertThat(code(response)).isEqualTo("00000");
        assertThat(sim.appliedTransfers().get(0).symbol()).isNull();
        assertThat(sim.balance(AccountType.P2P, "USDT")).isEqualByComparingTo("1");
    }

    static Stream<Arguments> invalidBodies() {
        String longOid = "a".repeat(65);
        return Stream.of(
                Arguments.of("not JSON", "fromType=spot", "40017", "Parameter verification failed"),
                Arguments.of("empty body", "", "40017", "Parameter verification failed"),
                Arguments.of("a JSON array", "[]", "40017", "Parameter verification failed"),
                Arguments.of("lenient JSON", "{fromType:spot}", "40017", "Parameter verification failed"),
                Arguments.of("two JSON values", body("spot", "p2p", "1", "USDT", null, null) + "{}", "40017",
                        "Parameter verification failed"),
                Arguments.of("amount as a number",
                        "{\"fromType\":\"spot\",\"toType\":\"p2p\",\"amount\":1,\"coin\":\"USDT\"}", "40020",
                        "Parameter amount error"),
                Arguments.of("clientOid as a number",
                        "{\"fromType\":\"spot\",\"toType\":\"p2p\",\"amount\":\"1\",\"coin\":\"USDT\",\"clientOid\":7}",
                        "40020", "Parameter clientOid error"),
                Arguments.of("no fromType", body(null, "p2p", "1", "USDT", null, null), "40019",
                        "Parameter fromType cannot be empty"),
                Arguments.of("no toType", body("spot", null, "1", "USDT", null, null), "40019",
                        "Parameter toType cannot be empty"),
                Arguments.of("no amount", body("spot", "p2p", null, "USDT", null, null), "40019",
                        "Parameter amount cannot be empty"),
                Arguments.of("blank coin", body("spot", "p2p", "1", " ", null, null), "40019",
                        "Parameter coin cannot be empty"),
                Arguments.of("unknown fromType", body("margin", "p2p", "1", "USDT", null, null), "40020",
                        "Parameter fromType error"),
                Arguments.of("upper-case toType", body("spot", "P2P", "1", "USDT", null, null), "40020",
                        "Parameter toType error"),
                Arguments.of("same from and to", body("spot", "spot", "1", "USDT", null, null), "40020",
                        "Parameter toType error"),
                Arguments.of("isolated margin without symbol", body("spot", "isolated_margin", "1", "USDT", null, null),
                        "43048", "symbol is null"),
                Arguments.of("zero amount", body("spot", "p2p", "0.000", "USDT", null, null), "40020",
                        "Parameter amount error"),
                Arguments.of("negative amount", body("spot", "p2p", "-1", "USDT", null, null), "40020",
                        "Parameter amount error"),
                Arguments.of("scientific amount", body("spot", "p2p", "1E+3", "USDT", null, null), "40020",
                        "Parameter amount error"),
                Arguments.of("comma amount", body("spot", "p2p", "1,5", "USDT", null, null), "40020",
                        "Parameter amount error"),
                Arguments.of("amount without leading digit", body("spot", "p2p", ".5", "USDT", null, null), "40020",
                        "Parameter amount error"),
                Arguments.of("clientOid of 65 characters", body("spot", "p2p", "1", "USDT", null, longOid), "40305",
                        "clientOid must be 1 to 64 characters of letters, digits and . _ : -"),
                Arguments.of("clientOid with a space", body("spot", "p2p", "1", "USDT", null, "a b"), "40305",
                        "clientOid must be 1 to 64 characters of letters, digits and . _ : -"),
                Arguments.of("empty clientOid", body("spot", "p2p", "1", "USDT", null, ""), "40305",
                        "clientOid must be 1 to 64 characters of letters, digits and . _ : -"),
                Arguments.of("coin never seeded", body("spot", "p2p", "1", "DOGE", null, null), "43129",
                        "coin not supported"));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("invalidBodies")
    void rejectsInvalidBodiesWithBitgetsCodeAndAppliesNothing(String name, String requestBody, String expectedCode,
                                                               String expectedMsg) throws Exception {
        HttpResponse<String> response = client.transfer(LIVE, requestBody).send();

        assertThat(response.statusCode()).isEqualTo(400);
        JsonObject json = json(response);
        assertThat(json.get("code").getAsString()).isEqualTo(expectedCode);
        assertThat(json.get("msg").getAsString()).isEqualTo(expectedMsg);
        assertThat(json.get("data").isJsonNull()).isTrue();
        assertThat(json.get("requestTime").getAsLong()).isPositive();
        assertThat(sim.appliedTransfers()).isEmpty();
        assertThat(sim.balance(AccountType.SPOT, "USDT")).isEqualByComparingTo("1000");
    }

    @Test
    void clientOidOf64AllowedCharactersIsAccepted() throws Exception {
        String oid = ("Az09._:-").repeat(8);

        HttpResponse<String> response = client.transfer(LIVE, body("spot", "p2p", "1", "USDT", null, oid)).send();

        assertThat(code(response)).isEqualTo("00000");
        assertThat(sim.appliedCount(oid)).isEqualTo(1);
    }
}
