package dev.transfers.bitget.adapter.fake.simulator;

import static dev.transfers.bitget.adapter.fake.simulator.BitgetTestClient.body;
import static dev.transfers.bitget.adapter.fake.simulator.BitgetTestClient.code;
import static dev.transfers.bitget.adapter.fake.simulator.BitgetTestClient.json;
import static dev.transfers.bitget.adapter.fake.simulator.SimulatorFixture.DEMO_TRADING;
import static dev.transfers.bitget.adapter.fake.simulator.SimulatorFixture.LIVE;
import static dev.transfers.bitget.adapter.fake.simulator.SimulatorFixture.OTHER_UID;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.transfers.bitget.adapter.fake.RecordedTransfer;
import dev.transfers.bitget.domain.AccountType;
import dev.transfers.bitget.domain.Transfer;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code GET /api/v2/spot/account/transferRecords} as transfer-records.md describes it. The
 * simulator's clock is fixed; {@link #at(long)} moves it (through the clock offset) so that records
 * get distinct times, and every request is signed with the simulator's current time.
 */
class SimulatedBitgetTransferRecordsTest {
    private static final long START = 1_700_000_000_000L;
    private static final long DAY = Duration.ofDays(1).toMillis();

    private SimulatedBitget sim;
    private BitgetTestClient client;
    private long now = START;

    @BeforeEach
    void start() {
        sim = SimulatorFixture.start(Clock.fixed(Instant.ofEpochMilli(START), ZoneOffset.UTC));
        client = new BitgetTestClient(sim.baseUri());
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private void at(long millis) {
        now = millis;
        sim.clockOffset(Duration.ofMillis(millis - START));
    }

    private HttpResponse<String> transfer(SimulatedBitget.Credentials key, String from, String to, String amount,
                                          String symbol, String clientOid) throws Exception {
        HttpResponse<String> response = client.transfer(key, body(from, to, amount, "USDT", symbol, clientOid))
                .timestamp(now).send();
        assertThat(code(response)).as(response.body()).isEqualTo("00000");
        return response;
    }

    private HttpResponse<String> records(String rawQuery) throws Exception {
        return records(LIVE, rawQuery);
    }

    private HttpResponse<String> records(SimulatedBitget.Credentials key, String rawQuery) throws Exception {
        return client.records(key, rawQuery).timestamp(now).send();
    }

    private static List<JsonObject> data(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(code(response)).isEqualTo("00000");
        JsonArray data = json(response).getAsJsonArray("data");
        return StreamSupport.stream(data.spliterator(), false).map(JsonElement::getAsJsonObject).toList();
    }

    private static List<String> clientOids(HttpResponse<String> response) {
        return data(response).stream().map(record -> record.get("clientOid").getAsString()).toList();
    }

    @Test
    void acceptsTheDocumentsGetSigningVector() throws Exception {
        SimulatedBitget.Credentials vectorKey = SimulatedBitget.Credentials.live("vector-key", "secret", "pass", "uid-v");
        try (SimulatedBitget vectorSim = SimulatedBitget.builder()
                .credentials(vectorKey)
                .clock(Clock.fixed(Instant.ofEpochMilli(START), ZoneOffset.UTC))
                .start()) {
            BitgetTestClient.Call call = new BitgetTestClient(vectorSim.baseUri())
                    .records(vectorKey, "coin=USDT&clientOid=abc-1").timestamp(START);

            assertThat(call.prehash())
                    .isEqualTo("1700000000000GET/api/v2/spot/account/transferRecords?coin=USDT&clientOid=abc-1");
            assertThat(call.headers()).containsEntry("ACCESS-SIGN", "n4dtOvceQJjab6+iC9WppVIrGjoSvOk7QZ5DpcP7x3I=");
            HttpResponse<String> response = call.send();

            assertThat(data(response)).isEmpty();
        }
    }

    @Test
    void answersExactlyInTheShapeOfTheDocumentsSample() throws Exception {
        String transferId = json(transfer(LIVE, "spot", "usdt_futures", "25", null, "abc-1"))
                .getAsJsonObject("data").get("transferId").getAsString();

        HttpResponse<String> response = records("coin=USDT&clientOid=abc-1");

        JsonObject json = json(response);
        assertThat(json.keySet()).containsExactly("code", "msg", "requestTime", "data");
        assertThat(json.get("msg").getAsString()).isEqualTo("success");
        assertThat(json.get("requestTime").getAsJsonPrimitive().isNumber()).isTrue();
        assertThat(json.get("requestTime").getAsLong()).isEqualTo(START);
        assertThat(data(response)).containsExactly(JsonParser.parseString("{\"coin\":\"usdt\",\"status\":\"Successful\","
                + "\"toType\":\"usdt_futures\",\"toSymbol\":\"\",\"fromType\":\"spot\",\"fromSymbol\":\"\","
                + "\"size\":\"25.00000000\",\"ts\":\"" + START + "\",\"clientOid\":\"abc-1\",\"transferId\":\""
                + transferId + "\"}").getAsJsonObject());
        assertThat(data(response).get(0).keySet()).containsExactly("coin", "status", "toType", "toSymbol", "fromType",
                "fromSymbol", "size", "ts", "clientOid", "transferId");
    }

    @Test
    void showsTheIsolatedMarginSymbolOnItsSideAndKeepsEveryDecimal() throws Exception {
        transfer(LIVE, "spot", "isolated_margin", "1.123456789", "BTCUSDT", "to-isolated");

        JsonObject record = data(records("coin=USDT")).get(0);

        assertThat(record.get("toType").getAsString()).isEqualTo("isolated_margin");
        assertThat(record.get("toSymbol").getAsString()).isEqualTo("BTCUSDT");
        assertThat(record.get("fromSymbol").getAsString()).isEmpty();
        assertThat(record.get("size").getAsString()).isEqualTo("1.123456789");
    }

    @Test
    void answersOnlyTheCallersRecordsNewestFirst() throws Exception {
        transfer(LIVE, "spot", "p2p", "1", null, "first");
        at(START + 1_000);
        transfer(OTHER_UID, "spot", "p2p", "1", null, "someone-elses");
        at(START + 2_000);
        transfer(LIVE, "spot", "p2p", "1", null, "second");
        at(START + 3_000);
        transfer(LIVE, "p2p", "spot", "1", null, "third");

        assertThat(clientOids(records("coin=USDT"))).containsExactly("third", "second", "first");
        assertThat(clientOids(records(OTHER_UID, "coin=USDT"))).containsExactly("someone-elses");
        assertThat(sim.history(LIVE.uid())).extracting(RecordedTransfer::clientOid)
                .containsExactly("third", "second", "first");
    }

    @Test
    void filtersByClientOidFromTypeCoinWithoutRegardToCaseAndLimit() throws Exception {
        transfer(LIVE, "spot", "p2p", "1", null, "a");
        at(START + 1);
        transfer(LIVE, "p2p", "spot", "1", null, "b");
        at(START + 2);
        transfer(LIVE, "spot", "p2p", "1", null, "c");

        assertThat(clientOids(records("coin=usdt&clientOid=b"))).containsExactly("b");
        assertThat(clientOids(records("coin=Usdt&fromType=spot"))).containsExactly("c", "a");
        assertThat(clientOids(records("coin=USDT&limit=2"))).containsExactly("c", "b");
        assertThat(clientOids(records("coin=BTC"))).isEmpty();
        assertThat(clientOids(records("coin=USDT&clientOid=nobody"))).isEmpty();
    }

    @Test
    void pagesWithIdLessThan() throws Exception {
        transfer(LIVE, "spot", "p2p", "1", null, "old");
        at(START + 1);
        transfer(LIVE, "spot", "p2p", "1", null, "new");
        String newest = data(records("coin=USDT&limit=1")).get(0).get("transferId").getAsString();

        assertThat(clientOids(records("coin=USDT&limit=1&idLessThan=" + newest))).containsExactly("old");
    }

    @Test
    void filtersByStartAndEndTimeInclusively() throws Exception {
        transfer(LIVE, "spot", "p2p", "1", null, "day-0");
        at(START + DAY);
        transfer(LIVE, "spot", "p2p", "1", null, "day-1");
        at(START + 2 * DAY);
        transfer(LIVE, "spot", "p2p", "1", null, "day-2");

        assertThat(clientOids(records("coin=USDT&startTime=" + (START + DAY) + "&endTime=" + (START + 2 * DAY))))
                .containsExactly("day-2", "day-1");
        assertThat(clientOids(records("coin=USDT&endTime=" + (START + DAY)))).containsExactly("day-1", "day-0");
        assertThat(clientOids(records("coin=USDT&startTime=" + (START + 1)))).containsExactly("day-2", "day-1");
    }

    @Test
    void acceptsASpanOfExactly90Days() throws Exception {
        HttpResponse<String> response = records("coin=USDT&startTime=" + (now - 90 * DAY) + "&endTime=" + now);

        assertThat(data(response)).isEmpty();
    }

    static Stream<Arguments> badQueries() {
        long now = START;
        return Stream.of(
                Arguments.of("no coin", "clientOid=abc-1", "40019", "Parameter coin cannot be empty"),
                Arguments.of("blank coin", "coin=&clientOid=abc-1", "40019", "Parameter coin cannot be empty"),
                Arguments.of("unknown fromType", "coin=USDT&fromType=margin", "40020", "Parameter fromType error"),
                Arguments.of("limit 0", "coin=USDT&limit=0", "40020", "Parameter limit error"),
                Arguments.of("limit 501", "coin=USDT&limit=501", "40020", "Parameter limit error"),
                Arguments.of("limit not a number", "coin=USDT&limit=ten", "40020", "Parameter limit error"),
                Arguments.of("startTime not a number", "coin=USDT&startTime=yesterday", "40020",
                        "Parameter startTime error"),
                Arguments.of("idLessThan not a number", "coin=USDT&idLessThan=x", "40020", "Parameter idLessThan error"),
                Arguments.of("endTime before startTime", "coin=USDT&startTime=" + now + "&endTime=" + (now - 1),
                        "40020", "Parameter endTime error: endTime is before startTime"),
                Arguments.of("span over 90 days", "coin=USDT&startTime=" + (now - 90 * DAY - 1) + "&endTime=" + now,
                        "40020", "Parameter endTime error: the span from startTime to endTime may be at most 90 days"),
                Arguments.of("startTime over 90 days ago without endTime",
                        "coin=USDT&startTime=" + (now - 90 * DAY - 1), "40020",
                        "Parameter endTime error: the span from startTime to endTime may be at most 90 days"),
                Arguments.of("idLessThan beyond a long", "coin=USDT&idLessThan=99999999999999999999", "40020",
                        "Parameter idLessThan error"));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("badQueries")
    void refusesBadQueriesWithBitgetLikeCodes(String name, String rawQuery, String expectedCode, String expectedMsg)
            throws Exception {
        HttpResponse<String> response = records(rawQuery);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(code(response)).isEqualTo(expectedCode);
        assertThat(json(response).get("msg").getAsString()).isEqualTo(expectedMsg);
        assertThat(json(response).get("data").isJsonNull()).isTrue();
    }

    @Test
    void limitDefaultsTo100AndMayBe500() throws Exception {
        sim.seedBalance(AccountType.SPOT, "USDT", new BigDecimal("1000"));
        for (int i = 0; i < 101; i++) {
            sim.recordTransfer(LIVE.uid(), Transfer.builder().from(AccountType.SPOT).to(AccountType.P2P)
                    .amount(BigDecimal.ONE).coin("USDT").clientOid("r-" + i).build(), RecordedTransfer.Status.FAILED);
        }

        assertThat(data(records("coin=USDT"))).hasSize(100);
        assertThat(data(records("coin=USDT&limit=500"))).hasSize(101);
    }

    @Test
    void signsTheRawQueryExactlyAsSent() throws Exception {
        transfer(LIVE, "spot", "p2p", "1", null, "a:b");
        BitgetTestClient.Call decodedSignature = client.records(LIVE, "coin=USDT&clientOid=a:b").timestamp(now);

        HttpResponse<String> signedDecoded = client.records(LIVE, "coin=USDT&clientOid=a%3Ab").timestamp(now)
                .header("ACCESS-SIGN", decodedSignature.headers().get("ACCESS-SIGN")).send();
        HttpResponse<String> signedAsSent = records("coin=USDT&clientOid=a%3Ab");

        assertThat(code(signedDecoded)).isEqualTo("40009");
        assertThat(clientOids(signedAsSent)).containsExactly("a:b");
    }

    static Stream<Arguments> badAuthentication() {
        return Stream.of(
                Arguments.of("unknown key", (UnaryOperator<BitgetTestClient.Call>) c -> c.header("ACCESS-KEY", "x"),
                        "40006"),
                Arguments.of("no signature", (UnaryOperator<BitgetTestClient.Call>) c -> c.without("ACCESS-SIGN"),
                        "40002"),
                Arguments.of("wrong passphrase",
                        (UnaryOperator<BitgetTestClient.Call>) c -> c.header("ACCESS-PASSPHRASE", "guess"), "40012"),
                Arguments.of("signed with another secret",
                        (UnaryOperator<BitgetTestClient.Call>) c -> c.signedWith("not-the-secret"), "40009"),
                Arguments.of("timestamp 31 s behind",
                        (UnaryOperator<BitgetTestClient.Call>) c -> c.timestamp(START - 31_000), "40008"),
                Arguments.of("paptrading with a live key",
                        (UnaryOperator<BitgetTestClient.Call>) c -> c.header("paptrading", "1"), "40099"));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("badAuthentication")
    void checksAuthenticationLikeTheTransfer(String name, UnaryOperator<BitgetTestClient.Call> change,
                                             String expectedCode) throws Exception {
        HttpResponse<String> response = change.apply(client.records(LIVE, "coin=USDT").timestamp(now)).send();

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(code(response)).isEqualTo(expectedCode);
    }

    @Test
    void aDemoTradingKeyReadsWithPaptrading() throws Exception {
        HttpResponse<String> withHeader = records(DEMO_TRADING, "coin=USDT");
        HttpResponse<String> withoutHeader = client.records(DEMO_TRADING, "coin=USDT").timestamp(now)
                .without("paptrading").send();

        assertThat(data(withHeader)).isEmpty();
        assertThat(code(withoutHeader)).isEqualTo("40099");
    }

    @Test
    void showsRecordedFailedAndProcessingTransfersAndTakesTheirClientOids() throws Exception {
        Transfer failed = Transfer.builder().from(AccountType.SPOT).to(AccountType.P2P).amount(new BigDecimal("5"))
                .coin("USDT").clientOid("failed-1").build();
        Transfer processing = Transfer.builder().from(AccountType.SPOT).to(AccountType.P2P)
                .amount(new BigDecimal("5")).coin("USDT").clientOid("processing-1").build();
        sim.recordTransfer(LIVE.uid(), failed, RecordedTransfer.Status.FAILED);
        sim.recordTransfer(LIVE.uid(), processing, RecordedTransfer.Status.PROCESSING);

        assertThat(data(records("coin=USDT&clientOid=failed-1"))).singleElement()
                .satisfies(record -> assertThat(record.get("status").getAsString()).isEqualTo("Failed"));
        assertThat(data(records("coin=USDT&clientOid=processing-1"))).singleElement()
                .satisfies(record -> assertThat(record.get("status").getAsString()).isEqualTo("Processing"));
        assertThat(data(records(OTHER_UID, "coin=USDT"))).isEmpty();

        HttpResponse<String> failedAgain = client.transfer(LIVE, body("spot", "p2p", "5", "USDT", null, "failed-1"))
                .timestamp(now).send();
        HttpResponse<String> inProgress = client.transfer(LIVE,
                body("spot", "p2p", "5", "USDT", null, "processing-1")).timestamp(now).send();
        assertThat(code(failedAgain)).isEqualTo("42013");
        assertThat(code(inProgress)).isEqualTo("43137");
        assertThat(sim.appliedTransfers()).isEmpty();
        assertThat(sim.balance(AccountType.SPOT, "USDT")).isEqualByComparingTo("1000");
    }

    @Test
    void anUnsignedRequestIsRefused() throws Exception {
        HttpResponse<String> response = client.get(BitgetTestClient.RECORDS_PATH + "?coin=USDT");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(code(response)).isEqualTo("40001");
    }

    @ParameterizedTest
    @ValueSource(strings = {"coin=USDT", "coin=USDT&pageNum=3&unknown=1"})
    void ignoresDeprecatedAndUnknownParameters(String rawQuery) throws Exception {
        transfer(LIVE, "spot", "p2p", "1", null, "only");

        assertThat(clientOids(records(rawQuery))).containsExactly("only");
    }
}
