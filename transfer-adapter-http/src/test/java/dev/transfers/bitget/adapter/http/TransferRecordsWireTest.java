package dev.transfers.bitget.adapter.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.transfers.bitget.adapter.http.WireFixture.RECORDS_PATH;
import static dev.transfers.bitget.adapter.http.WireFixture.SECRET;
import static dev.transfers.bitget.adapter.http.WireFixture.TIME_PATH;
import static dev.transfers.bitget.adapter.http.WireFixture.TRANSFER_PATH;
import static dev.transfers.bitget.adapter.http.WireFixture.error;
import static dev.transfers.bitget.adapter.http.WireFixture.record;
import static dev.transfers.bitget.adapter.http.WireFixture.records;
import static dev.transfers.bitget.adapter.http.WireFixture.recordsRequests;
import static dev.transfers.bitget.adapter.http.WireFixture.spotToFutures;
import static dev.transfers.bitget.adapter.http.WireFixture.thrownBy;
import static dev.transfers.bitget.adapter.http.WireFixture.transferRequests;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.transfers.bitget.domain.AccountType;
import dev.transfers.bitget.domain.RejectionReason;
import dev.transfers.bitget.domain.Transfer;
import dev.transfers.bitget.domain.TransferHistoryUnavailableException;
import dev.transfers.bitget.domain.TransferOutcomeUnknownException;
import dev.transfers.bitget.domain.TransferQuery;
import dev.transfers.bitget.domain.TransferReceipt;
import dev.transfers.bitget.domain.TransferRejectedException;
import dev.transfers.bitget.domain.TransferStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The transfer records on the wire: the signed GET as sent, the answer as Bitget documents it, and
 * how a transfer call settles from them when its attempts proved nothing.
 */
class TransferRecordsWireTest {

    @RegisterExtension
    static final WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    private final FakeTime time = new FakeTime();

    @BeforeEach
    void recordsHoldNothingUnlessATestSaysSo() {
        WireFixture.noRecords(server);
    }

    private BitgetTransferGateway gateway() {
        return WireFixture.gateway(server, time, UnaryOperator.identity());
    }

    private static void answerTransfer(ResponseDefinitionBuilder response) {
        server.stubFor(post(urlEqualTo(TRANSFER_PATH)).willReturn(response));
    }

    private static void answerRecords(ResponseDefinitionBuilder response) {
        server.stubFor(get(urlPathEqualTo(RECORDS_PATH)).willReturn(response));
    }

    private static ResponseDefinitionBuilder tooManyRequests() {
        return aResponse().withStatus(429).withHeader("Content-Type", "application/json").withBody(error("429"));
    }

    private static ResponseDefinitionBuilder html502() {
        return aResponse().withStatus(502).withHeader("Content-Type", "text/html").withBody("<html>Bad gateway</html>");
    }

    @Test
    void statusOfSendsASignedGetWithCoinClientOidAndAnExplicitSpanOfNinetyDays() {
        Transfer transfer = spotToFutures();
        answerRecords(okJson(records(record("Successful", "1180000000000000001", transfer.clientOid()))));

        gateway().statusOf(transfer);

        List<LoggedRequest> requests = recordsRequests(server);
        assertThat(requests).hasSize(1);
        LoggedRequest request = requests.get(0);
        assertThat(request.queryParameter("coin").firstValue()).isEqualTo("USDT");
        assertThat(request.queryParameter("clientOid").firstValue()).isEqualTo(transfer.clientOid());
        long start = Long.parseLong(request.queryParameter("startTime").firstValue());
        long end = Long.parseLong(request.queryParameter("endTime").firstValue());
        assertThat(end - start).isEqualTo(Duration.ofDays(90).toMillis());
        assertThat(end).as("the span ends a day ahead, so a lagging local clock cannot cut off a new record")
                .isEqualTo(FakeTime.START.plus(Duration.ofDays(1)).toEpochMilli());
        String timestamp = request.getHeader("ACCESS-TIMESTAMP");
        String sentPathAndQuery = request.getUrl();
        assertThat(sentPathAndQuery).startsWith(RECORDS_PATH + "?coin=USDT&clientOid=");
        assertThat(request.getHeader("ACCESS-SIGN"))
                .as("the signature covers the exact query sent")
                .isEqualTo(WireFixture.hmacBase64(SECRET, timestamp + "GET" + sentPathAndQuery));
        assertThat(request.getHeader("ACCESS-PASSPHRASE")).isEqualTo(WireFixture.PASSPHRASE);
    }

    @Test
    void readsTheRecordAsBitgetsOwnSampleWritesIt() {
        Transfer transfer = spotToFutures();
        answerRecords(okJson(records(
                record("Successful", "999", "someone-else"),
                record("Successful", "1180000000000000001", transfer.clientOid()))));

        TransferStatus status = gateway().statusOf(transfer);

        assertThat(status).isInstanceOfSatisfying(TransferStatus.Applied.class, applied -> {
            assertThat(applied.receipt()).isEqualTo(new TransferReceipt("1180000000000000001", transfer.clientOid()));
            assertThat(applied.record().coin()).isEqualTo("USDT");
            assertThat(applied.record().amount()).isEqualByComparingTo("25.5");
            assertThat(applied.record().from()).isEqualTo(AccountType.SPOT);
            assertThat(applied.record().to()).isEqualTo(AccountType.USDT_FUTURES);
            assertThat(applied.record().symbol()).isNull();
            assertThat(applied.record().time()).isEqualTo(Instant.ofEpochMilli(1631070374488L));
        });
    }

    @Test
    void aClientOidTheRecordsDoNotHoldIsNotFound() {
        Transfer transfer = spotToFutures();

        assertThat(gateway().statusOf(transfer)).isEqualTo(new TransferStatus.NotFound(TransferQuery.of(transfer)));
    }

    @Test
    void failedAndProcessingRecordsAreReportedAsSuch() {
        Transfer failed = spotToFutures();
        Transfer processing = spotToFutures();
        answerRecords(okJson(records(record("Failed", "1", failed.clientOid()),
                record("Processing", "2", processing.clientOid()))));

        assertThat(gateway().statusOf(failed)).isInstanceOf(TransferStatus.Failed.class);
        assertThat(gateway().statusOf(processing)).isInstanceOf(TransferStatus.Processing.class);
    }

    @Test
    void recordsThatCannotBeReadAreUnavailableAfterTheRetries() {
        Transfer transfer = spotToFutures();
        answerRecords(html502());

        TransferHistoryUnavailableException unavailable = thrownBy(TransferHistoryUnavailableException.class,
                () -> gateway().statusOf(transfer));

        assertThat(unavailable.clientOid()).isEqualTo(transfer.clientOid());
        assertThat(unavailable.getMessage()).contains("HTTP 502", "not a Bitget answer");
        assertThat(recordsRequests(server)).hasSize(5);
    }

    @Test
    void aRecordOfTheClientOidThatCannotBeReadWholeIsNeverAGuess() {
        Transfer transfer = spotToFutures();
        answerRecords(okJson(records(record("Successful", "1", transfer.clientOid()).replace("\"spot\"", "\"moon\""))));

        thrownBy(TransferHistoryUnavailableException.class, () -> gateway().statusOf(transfer));
    }

    @Test
    void aTimestampErrorOnTheRecordsResynchronisesTheClockAndReadsAgain() {
        Transfer transfer = spotToFutures();
        server.stubFor(get(urlPathEqualTo(RECORDS_PATH)).inScenario("clock").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(400).withBody(error("40008"))).willSetStateTo("resynced"));
        server.stubFor(get(urlPathEqualTo(RECORDS_PATH)).inScenario("clock").whenScenarioStateIs("resynced")
                .willReturn(okJson(records(record("Successful", "7", transfer.clientOid())))));
        server.stubFor(get(urlEqualTo(TIME_PATH)).willReturn(okJson(
                "{\"code\":\"00000\",\"msg\":\"success\",\"requestTime\":1,\"data\":{\"serverTime\":\""
                        + (FakeTime.START.toEpochMilli() + 60_000) + "\"}}")));

        assertThat(gateway().statusOf(transfer)).isInstanceOf(TransferStatus.Applied.class);
        List<LoggedRequest> requests = recordsRequests(server);
        assertThat(Long.parseLong(requests.get(1).getHeader("ACCESS-TIMESTAMP")))
                .as("stamped on Bitget's clock, a minute ahead (plus the fake time slept for the rate limit)")
                .isBetween(FakeTime.START.toEpochMilli() + 60_000, FakeTime.START.toEpochMilli() + 61_000);
    }

    @Test
    void aCallWhoseEveryAnswerWasLostAfterTheExchangeAppliedItEndsWithTheReceipt() {
        Transfer transfer = spotToFutures();
        answerTransfer(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        answerRecords(okJson(records(record("Successful", "1180000000000000042", transfer.clientOid()))));

        TransferReceipt receipt = gateway().transfer(transfer);

        assertThat(receipt).isEqualTo(new TransferReceipt("1180000000000000042", transfer.clientOid()));
        assertThat(transferRequests(server)).hasSize(5);
    }

    @Test
    void aRepeatInANewProcessThatMeetsOnly429sLearnsFromTheRecordsThatAnEarlierProcessAppliedIt() {
        Transfer transfer = spotToFutures();
        // Process 1: the exchange applies it, every answer is lost, and the records lag behind.
        answerTransfer(aResponse().withFault(Fault.EMPTY_RESPONSE));
        answerRecords(html502());
        thrownBy(TransferOutcomeUnknownException.class, () -> gateway().transfer(transfer));

        // Process 2 (a gateway with no memory of process 1): only 429s, and the records unreadable.
        server.resetAll();
        answerTransfer(tooManyRequests());
        answerRecords(html502());
        TransferOutcomeUnknownException stillUnknown = thrownBy(TransferOutcomeUnknownException.class,
                () -> gateway().transfer(transfer));
        assertThat(stillUnknown.getMessage()).contains("transfer records could not be read");

        // Process 3: only 429s again, and now the records show it.
        server.resetAll();
        answerTransfer(tooManyRequests());
        answerRecords(okJson(records(record("Successful", "1180000000000000007", transfer.clientOid()))));
        assertThat(gateway().transfer(transfer))
                .isEqualTo(new TransferReceipt("1180000000000000007", transfer.clientOid()));
    }

    @Test
    void only429sAndNoRecordIsARateLimitedRejection() {
        Transfer transfer = spotToFutures();
        answerTransfer(tooManyRequests());

        TransferRejectedException rejected = thrownBy(TransferRejectedException.class,
                () -> gateway().transfer(transfer));

        assertThat(rejected.reason()).isEqualTo(RejectionReason.RATE_LIMITED);
        assertThat(recordsRequests(server)).as("the records were read after the last attempt").hasSize(1);
        assertThat(recordsRequests(server).get(0).getLoggedDate())
                .isAfterOrEqualTo(transferRequests(server).get(4).getLoggedDate());
    }

    @Test
    void aFailedRecordIsARejectionAndAProcessingOneLeavesTheOutcomeUnknown() {
        Transfer failed = spotToFutures();
        Transfer processing = spotToFutures();
        answerTransfer(aResponse().withFault(Fault.EMPTY_RESPONSE));
        answerRecords(okJson(records(record("Failed", "1", failed.clientOid()),
                record("Processing", "2", processing.clientOid()))));

        assertThat(thrownBy(TransferRejectedException.class, () -> gateway().transfer(failed)).reason())
                .isEqualTo(RejectionReason.OTHER);
        assertThat(thrownBy(TransferOutcomeUnknownException.class, () -> gateway().transfer(processing))
                .getMessage()).contains("still processing");
    }

    @Test
    void aRequestThatMayStillArriveKeepsTheOutcomeUnknownWhateverTheRecordsLackYet() {
        Transfer transfer = spotToFutures();
        answerTransfer(aResponse().withFault(Fault.EMPTY_RESPONSE));

        TransferOutcomeUnknownException unknown = thrownBy(TransferOutcomeUnknownException.class,
                () -> gateway().transfer(transfer));

        assertThat(unknown.getMessage()).contains("may still reach the exchange");
    }

    @Test
    void theRecordsAreReadWithinTheCallsDeadline() {
        Transfer transfer = spotToFutures();
        answerTransfer(tooManyRequests());
        answerRecords(tooManyRequests());

        thrownBy(TransferOutcomeUnknownException.class, () -> WireFixture.gateway(server, time,
                b -> b.deadline(Duration.ofSeconds(10))).transfer(transfer));

        assertThat(time.elapsed()).isLessThanOrEqualTo(Duration.ofSeconds(10));
        assertThat(recordsRequests(server)).isNotEmpty();
    }
}
