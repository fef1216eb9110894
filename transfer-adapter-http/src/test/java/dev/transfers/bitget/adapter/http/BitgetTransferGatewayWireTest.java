package dev.transfers.bitget.adapter.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.transfers.bitget.adapter.http.WireFixture.API_KEY;
import static dev.transfers.bitget.adapter.http.WireFixture.PASSPHRASE;
import static dev.transfers.bitget.adapter.http.WireFixture.SECRET;
import static dev.transfers.bitget.adapter.http.WireFixture.TIME_PATH;
import static dev.transfers.bitget.adapter.http.WireFixture.TRANSFER_PATH;
import static dev.transfers.bitget.adapter.http.WireFixture.assertAttempts;
import static dev.transfers.bitget.adapter.http.WireFixture.assertNoTransportTypes;
import static dev.transfers.bitget.adapter.http.WireFixture.bitget;
import static dev.transfers.bitget.adapter.http.WireFixture.error;
import static dev.transfers.bitget.adapter.http.WireFixture.spotToFutures;
import static dev.transfers.bitget.adapter.http.WireFixture.success;
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
import dev.transfers.bitget.domain.TransferOutcomeUnknownException;
import dev.transfers.bitget.domain.TransferReceipt;
import dev.transfers.bitget.domain.TransferRejectedException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The gateway against a real HTTP server on loopback: requests as sent, and every fault class. */
class BitgetTransferGatewayWireTest {

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
        return gateway(UnaryOperator.identity());
    }

    private BitgetTransferGateway gateway(UnaryOperator<BitgetTransferGateway.Builder> tweaks) {
        return WireFixture.gateway(server, time, tweaks);
    }

    private static void answerTransfer(ResponseDefinitionBuilder response) {
        WireFixture.answerTransfer(server, response);
    }

    /** Answers the transfer with {@code first}, then with {@code then} for every later attempt. */
    private static void answerTransferFirst(ResponseDefinitionBuilder first, ResponseDefinitionBuilder then) {
        WireFixture.answerTransferFirst(server, first, then);
    }

    private static ResponseDefinitionBuilder html(int status) {
        return aResponse().withStatus(status).withHeader("Content-Type", "text/html")
                .withBody("<html><head><title>" + status + "</title></head><body>Bad gateway</body></html>");
    }

    @Nested
    class WhatIsSent {

        @Test
        void sendsTheExactSignedRequestOnce() {
            Transfer transfer = Transfer.builder().from(AccountType.SPOT).to(AccountType.ISOLATED_MARGIN)
                    .amount(new BigDecimal("300")).coin("USDT").symbol("BTCUSDT").clientOid("oid-exact-1").build();
            answerTransfer(okJson(success("123456", "oid-exact-1")));

            TransferReceipt receipt = gateway().transfer(transfer);

            assertThat(receipt).isEqualTo(new TransferReceipt("123456", "oid-exact-1"));
            List<LoggedRequest> requests = transferRequests(server);
            assertThat(requests).hasSize(1);
            LoggedRequest request = requests.get(0);
            String timestamp = Long.toString(FakeTime.START.toEpochMilli());
            String body = "{\"fromType\":\"spot\",\"toType\":\"isolated_margin\",\"amount\":\"300\",\"coin\":\"USDT\","
                    + "\"symbol\":\"BTCUSDT\",\"clientOid\":\"oid-exact-1\"}";
            assertThat(request.getBodyAsString()).isEqualTo(body);
            assertThat(request.getHeader("ACCESS-KEY")).isEqualTo(API_KEY);
            assertThat(request.getHeader("ACCESS-TIMESTAMP")).isEqualTo(timestamp);
            assertThat(request.getHeader("ACCESS-PASSPHRASE")).isEqualTo(PASSPHRASE);
            assertThat(request.getHeader("ACCESS-SIGN"))
                    .isEqualTo(WireFixture.hmacBase64(SECRET, timestamp + "POST" + TRANSFER_PATH + body));
            assertThat(request.getHeader("Content-Type")).isEqualTo("application/json");
            assertThat(request.getHeader("locale")).isEqualTo("en-US");
            assertThat(request.containsHeader("paptrading")).isFalse();
            assertThat(request.containsHeader("Upgrade")).as("no h2c upgrade").isFalse();
        }

        @Test
        void demoTradingAndLocaleAreSentAsHeaders() {
            Transfer transfer = spotToFutures();
            answerTransfer(okJson(success("1", transfer.clientOid())));

            gateway(b -> b.demoTrading(true).locale("zh-CN")).transfer(transfer);

            LoggedRequest request = transferRequests(server).get(0);
            assertThat(request.getHeader("paptrading")).isEqualTo("1");
            assertThat(request.getHeader("locale")).isEqualTo("zh-CN");
        }

        @Test
        void rsaCredentialsSignTheSameBytesVerifiably() throws Exception {
            KeyPair pair = RequestSignerTest.rsaKeyPair();
            Transfer transfer = spotToFutures();
            answerTransfer(okJson(success("1", transfer.clientOid())));

            gateway(b -> b.credentials(BitgetCredentials.rsa(API_KEY, RequestSignerTest.pkcs8Pem(pair), PASSPHRASE)))
                    .transfer(transfer);

            LoggedRequest request = transferRequests(server).get(0);
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(pair.getPublic());
            verifier.update((request.getHeader("ACCESS-TIMESTAMP") + "POST" + TRANSFER_PATH + request.getBodyAsString())
                    .getBytes(StandardCharsets.UTF_8));
            assertThat(verifier.verify(Base64.getDecoder().decode(request.getHeader("ACCESS-SIGN")))).isTrue();
        }

        @Test
        void aBaseUrlWithATrailingSlashReachesTheSamePath() {
            Transfer transfer = spotToFutures();
            answerTransfer(okJson(success("1", transfer.clientOid())));

            gateway(b -> b.baseUrl(URI.create("http://127.0.0.1:" + server.getPort() + "/"))).transfer(transfer);

            assertAttempts(server, transfer, 1);
        }
    }

    @Nested
    class Answers {

        @ParameterizedTest
        @ValueSource(strings = {
                "{\"code\":\"00000\",\"msg\":\"success\",\"data\":{\"transferId\":\"77\",\"clientOrderId\":null}}",
                "{\"code\":\"00000\",\"msg\":\"success\",\"data\":{\"transferId\":\"77\"}}"})
        void successWithAnyEchoIsAReceiptForTheTransfersClientOid(String body) {
            Transfer transfer = spotToFutures();
            answerTransfer(okJson(body));

            assertThat(gateway().transfer(transfer)).isEqualTo(new TransferReceipt("77", transfer.clientOid()));
        }

        @ParameterizedTest
        @MethodSource("dev.transfers.bitget.adapter.http.ReferenceCodes#rejections")
        void everyNotAppliedCodeIsARejectionAfterOneAttempt(String code, RejectionReason reason) {
            Transfer transfer = spotToFutures();
            answerTransfer(bitget(400, error(code)));

            TransferRejectedException rejected = thrownBy(TransferRejectedException.class,
                    () -> gateway().transfer(transfer));

            assertThat(rejected.reason()).isEqualTo(reason);
            assertThat(rejected.exchangeCode()).contains(code);
            assertThat(rejected.exchangeMessage()).contains("message of " + code);
            assertThat(rejected.clientOid()).isEqualTo(transfer.clientOid());
            assertAttempts(server, transfer, 1);
            assertThat(time.sleeps()).isEmpty();
        }

        @Test
        void anErrorCodeWithHttp200IsStillAnError() {
            Transfer transfer = spotToFutures();
            answerTransfer(okJson(error("43012")));

            TransferRejectedException rejected = thrownBy(TransferRejectedException.class,
                    () -> gateway().transfer(transfer));

            assertThat(rejected.reason()).isEqualTo(RejectionReason.INSUFFICIENT_BALANCE);
        }

        @ParameterizedTest
        @MethodSource("dev.transfers.bitget.adapter.http.ReferenceCodes#inDoubt")
        void inDoubtCodesAreRetriedWithTheSameBodyThenReportedUnknown(String code) {
            Transfer transfer = spotToFutures();
            answerTransfer(bitget(400, error(code)));

            TransferOutcomeUnknownException unknown = thrownBy(TransferOutcomeUnknownException.class,
                    () -> gateway().transfer(transfer));

            assertThat(unknown.clientOid()).isEqualTo(transfer.clientOid());
            assertThat(unknown.getMessage()).contains(transfer.clientOid(), code);
            assertAttempts(server, transfer, 5);
            assertThat(time.sleeps()).containsSubsequence(Duration.ofMillis(200), Duration.ofMillis(400),
                    Duration.ofMillis(800), Duration.ofMillis(1600));
        }

        @ParameterizedTest
        @MethodSource("dev.transfers.bitget.adapter.http.ReferenceCodes#inDoubt")
        void anInDoubtCodeThenTheReplayedSuccessIsAReceipt(String code) {
            Transfer transfer = spotToFutures();
            answerTransferFirst(bitget(200, error(code)), okJson(success("replayed-9", transfer.clientOid())));

            assertThat(gateway().transfer(transfer).transferId()).isEqualTo("replayed-9");
            assertAttempts(server, transfer, 2);
        }

        @Test
        void anUnknownCodeWithA4xxIsARejectionOfReasonOther() {
            Transfer transfer = spotToFutures();
            answerTransfer(bitget(400, error("49999")));

            TransferRejectedException rejected = thrownBy(TransferRejectedException.class,
                    () -> gateway().transfer(transfer));

            assertThat(rejected.reason()).isEqualTo(RejectionReason.OTHER);
            assertThat(rejected.exchangeCode()).contains("49999");
            assertAttempts(server, transfer, 1);
        }

        @Test
        void anUnknownCodeWithHttp200IsInDoubt() {
            Transfer transfer = spotToFutures();
            answerTransfer(okJson(error("49999")));

            TransferOutcomeUnknownException unknown = thrownBy(TransferOutcomeUnknownException.class,
                    () -> gateway().transfer(transfer));

            assertThat(unknown.clientOid()).isEqualTo(transfer.clientOid());
            assertAttempts(server, transfer, 5);
        }

        @Test
        void successWithoutTransferIdIsRetriedUntilAWellFormedReplay() {
            Transfer transfer = spotToFutures();
            answerTransferFirst(okJson("{\"code\":\"00000\",\"msg\":\"success\",\"data\":null}"),
                    okJson(success("55", transfer.clientOid())));

            assertThat(gateway().transfer(transfer).transferId()).isEqualTo("55");
            assertAttempts(server, transfer, 2);
        }
    }

    @Nested
    class Faults {

        @ParameterizedTest
        @EnumSource(Fault.class)
        void aFaultOnEveryAttemptIsAnUnknownOutcome(Fault fault) {
            Transfer transfer = spotToFutures();
            answerTransfer(aResponse().withFault(fault));

            TransferOutcomeUnknownException unknown = thrownBy(TransferOutcomeUnknownException.class,
                    () -> gateway().transfer(transfer));

            assertThat(unknown.clientOid()).isEqualTo(transfer.clientOid());
            assertNoTransportTypes(unknown);
            assertAttempts(server, transfer, 5);
        }

        /** The server applied the first attempt but the answer was lost; the retry gets the replay. */
        @ParameterizedTest
        @EnumSource(Fault.class)
        void aFaultAfterTheServerAppliedThenTheReplayIsAReceipt(Fault fault) {
            Transfer transfer = spotToFutures();
            answerTransferFirst(aResponse().withFault(fault), okJson(success("first-apply-1", transfer.clientOid())));

            TransferReceipt receipt = gateway().transfer(transfer);

            assertThat(receipt).isEqualTo(new TransferReceipt("first-apply-1", transfer.clientOid()));
            assertAttempts(server, transfer, 2);
        }

        @ParameterizedTest
        @ValueSource(ints = {500, 502, 503, 504})
        void htmlServerErrorsAreRetriedAndThenUnknown(int status) {
            Transfer transfer = spotToFutures();
            answerTransfer(html(status));

            TransferOutcomeUnknownException unknown = thrownBy(TransferOutcomeUnknownException.class,
                    () -> gateway().transfer(transfer));

            assertThat(unknown.getMessage()).contains("HTTP " + status);
            assertAttempts(server, transfer, 5);
        }

        @Test
        void anHtml502ThenSuccessIsAReceipt() {
            Transfer transfer = spotToFutures();
            answerTransferFirst(html(502), okJson(success("9", transfer.clientOid())));

            assertThat(gateway().transfer(transfer).transferId()).isEqualTo("9");
            assertAttempts(server, transfer, 2);
        }

        @Test
        void anEmptyOkBodyIsNeverASuccess() {
            Transfer transfer = spotToFutures();
            answerTransfer(aResponse().withStatus(200));

            thrownBy(TransferOutcomeUnknownException.class, () -> gateway().transfer(transfer));

            assertAttempts(server, transfer, 5);
        }

        @Test
        void aTruncatedBodyIsNeverASuccess() {
            Transfer transfer = spotToFutures();
            answerTransfer(okJson("{\"code\":\"00000\",\"msg\":\"success\",\"data\":{\"transferId\":\"12"));

            thrownBy(TransferOutcomeUnknownException.class, () -> gateway().transfer(transfer));

            assertAttempts(server, transfer, 5);
        }

        @Test
        void noAnswerWithinTheReadTimeoutIsUnknown() {
            Transfer transfer = spotToFutures();
            answerTransfer(okJson(success("late", transfer.clientOid())).withFixedDelay(1_000));

            TransferOutcomeUnknownException unknown = thrownBy(TransferOutcomeUnknownException.class,
                    () -> gateway(b -> b.readTimeout(Duration.ofMillis(200))
                            .retryPolicy(RetryPolicy.builder().maxAttempts(2).jitter(0).build())).transfer(transfer));

            assertThat(unknown.getMessage()).contains("read timeout");
            assertNoTransportTypes(unknown);
            assertAttempts(server, transfer, 2);
        }

        @Test
        void aTimeoutThenTheReplayIsAReceipt() {
            Transfer transfer = spotToFutures();
            answerTransferFirst(okJson(success("slow-1", transfer.clientOid())).withFixedDelay(1_000),
                    okJson(success("slow-1", transfer.clientOid())));

            TransferReceipt receipt = gateway(b -> b.readTimeout(Duration.ofMillis(200))).transfer(transfer);

            assertThat(receipt.transferId()).isEqualTo("slow-1");
            assertAttempts(server, transfer, 2);
        }

        @Test
        void aClosedPortSendsNothingYetCannotProveNothingWasAppliedWithoutTheRecords() throws Exception {
            int closedPort;
            try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                closedPort = socket.getLocalPort();
            }
            Transfer transfer = spotToFutures();

            // This call sent nothing, but an earlier one (another process, say) may have applied the
            // clientOid, and the records that would tell are behind the same closed port.
            TransferOutcomeUnknownException unknown = thrownBy(TransferOutcomeUnknownException.class,
                    () -> gateway(b -> b.baseUrl(URI.create("http://127.0.0.1:" + closedPort))).transfer(transfer));

            assertThat(unknown.getCause()).isInstanceOf(ConnectException.class);
            assertThat(unknown.clientOid()).isEqualTo(transfer.clientOid());
            assertThat(unknown.getMessage()).contains("could not connect", "transfer records could not be read");
            assertThat(time.sleeps()).as("it retried").containsSubsequence(Duration.ofMillis(200),
                    Duration.ofMillis(400), Duration.ofMillis(800), Duration.ofMillis(1600));
        }
    }

    @Nested
    class RateLimiting {

        @Test
        void http429OnEveryAttemptIsARateLimitedRejection() {
            Transfer transfer = spotToFutures();
            answerTransfer(bitget(429, "{\"code\":\"429\",\"msg\":\"Too Many Requests\",\"requestTime\":1,\"data\":null}"));

            TransferRejectedException rejected = thrownBy(TransferRejectedException.class,
                    () -> gateway().transfer(transfer));

            assertThat(rejected.reason()).isEqualTo(RejectionReason.RATE_LIMITED);
            assertThat(rejected.exchangeCode()).contains("429");
            assertAttempts(server, transfer, 5);
            assertThat(time.sleeps()).containsSubsequence(Duration.ofMillis(200), Duration.ofMillis(400),
                    Duration.ofMillis(800), Duration.ofMillis(1600));
        }

        @Test
        void retryAfterIsHonouredWhenLongerThanTheBackoff() {
            Transfer transfer = spotToFutures();
            answerTransferFirst(aResponse().withStatus(429).withHeader("Retry-After", "3"),
                    okJson(success("after-wait", transfer.clientOid())));

            TransferReceipt receipt = gateway().transfer(transfer);

            assertThat(receipt.transferId()).isEqualTo("after-wait");
            assertThat(time.sleeps()).contains(Duration.ofSeconds(3)).doesNotContain(Duration.ofMillis(200));
            assertAttempts(server, transfer, 2);
        }

        @Test
        void aRetryAfterBeyondTheDeadlineEndsAtOnce() {
            Transfer transfer = spotToFutures();
            answerTransfer(aResponse().withStatus(429).withHeader("Retry-After", "60"));

            TransferRejectedException rejected = thrownBy(TransferRejectedException.class,
                    () -> gateway().transfer(transfer));

            assertThat(rejected.reason()).isEqualTo(RejectionReason.RATE_LIMITED);
            assertAttempts(server, transfer, 1);
            assertThat(time.elapsed()).isLessThan(Duration.ofSeconds(30));
        }
    }

    @Nested
    class AcrossAttempts {

        @Test
        void aBusinessRejectionAfterAnInDoubtAttemptIsARejection() {
            Transfer transfer = spotToFutures();
            answerTransferFirst(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), bitget(400, error("43012")));

            TransferRejectedException rejected = thrownBy(TransferRejectedException.class,
                    () -> gateway().transfer(transfer));

            assertThat(rejected.reason()).isEqualTo(RejectionReason.INSUFFICIENT_BALANCE);
            assertAttempts(server, transfer, 2);
        }

        @Test
        void anAuthenticationRefusalAfterAnInDoubtAttemptLeavesTheOutcomeUnknown() {
            Transfer transfer = spotToFutures();
            answerTransferFirst(aResponse().withFault(Fault.EMPTY_RESPONSE), bitget(400, error("40009")));

            TransferOutcomeUnknownException unknown = thrownBy(TransferOutcomeUnknownException.class,
                    () -> gateway().transfer(transfer));

            assertThat(unknown.getMessage()).contains("40009");
            assertAttempts(server, transfer, 2);
        }

        @Test
        void rateLimitingAfterAnInDoubtAttemptLeavesTheOutcomeUnknown() {
            Transfer transfer = spotToFutures();
            answerTransferFirst(html(503), aResponse().withStatus(429));

            thrownBy(TransferOutcomeUnknownException.class, () -> gateway().transfer(transfer));

            assertAttempts(server, transfer, 5);
        }

        @Test
        void aRepeatAfterAnUnknownOutcomeIsNotCalledRejectedOnA429() {
            Transfer transfer = spotToFutures();
            BitgetTransferGateway gateway = gateway();
            answerTransfer(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
            thrownBy(TransferOutcomeUnknownException.class, () -> gateway.transfer(transfer));
            server.resetAll();
            WireFixture.noRecords(server);
            answerTransfer(aResponse().withStatus(429));

            TransferOutcomeUnknownException unknown = thrownBy(TransferOutcomeUnknownException.class,
                    () -> gateway.transfer(transfer));

            assertThat(unknown.getMessage()).contains("an earlier call with this clientOid ended in doubt");
            assertAttempts(server, transfer, 5);
        }

        @Test
        void aRepeatAfterAnUnknownOutcomeIsSettledByABusinessRejection() {
            Transfer transfer = spotToFutures();
            BitgetTransferGateway gateway = gateway();
            answerTransfer(aResponse().withFault(Fault.EMPTY_RESPONSE));
            thrownBy(TransferOutcomeUnknownException.class, () -> gateway.transfer(transfer));
            server.resetAll();
            WireFixture.noRecords(server);
            answerTransfer(bitget(400, error("43012")));

            TransferRejectedException rejected = thrownBy(TransferRejectedException.class,
                    () -> gateway.transfer(transfer));

            assertThat(rejected.reason()).isEqualTo(RejectionReason.INSUFFICIENT_BALANCE);
            server.resetAll();
            WireFixture.noRecords(server);
            answerTransfer(aResponse().withStatus(429));
            assertThat(thrownBy(TransferRejectedException.class, () -> gateway.transfer(transfer)).reason())
                    .as("once settled, a later 429 is again a plain rejection").isEqualTo(RejectionReason.RATE_LIMITED);
        }

        @Test
        void theDeadlineBoundsTheRetries() {
            Transfer transfer = spotToFutures();
            answerTransfer(html(503));

            thrownBy(TransferOutcomeUnknownException.class, () -> gateway(b -> b
                    .deadline(Duration.ofSeconds(1))
                    .retryPolicy(RetryPolicy.builder().maxAttempts(10).initialBackoff(Duration.ofMillis(200)).jitter(0)
                            .build()))
                    .transfer(transfer));

            // Backoff 200 + 400 ms fits in 1 s, 800 ms more would not: at most 3 attempts.
            assertThat(transferRequests(server)).hasSizeBetween(2, 3);
            assertThat(time.elapsed()).isLessThan(Duration.ofSeconds(1));
        }
    }

    @Nested
    class ClockSkew {

        private static final long SERVER_TIME = FakeTime.START.toEpochMilli() + 45_000;

        private void serverTimeIs(long millis) {
            server.stubFor(get(urlEqualTo(TIME_PATH)).willReturn(okJson(
                    "{\"code\":\"00000\",\"msg\":\"success\",\"requestTime\":1,\"data\":{\"serverTime\":\""
                            + millis + "\"}}")));
        }

        @ParameterizedTest
        @MethodSource("dev.transfers.bitget.adapter.http.ReferenceCodes#clock")
        void aClockErrorResynchronisesAndRetriesOnceWithTheServersTime(String code) {
            Transfer transfer = spotToFutures();
            serverTimeIs(SERVER_TIME);
            answerTransferFirst(bitget(400, error(code)), okJson(success("synced", transfer.clientOid())));

            TransferReceipt receipt = gateway().transfer(transfer);

            assertThat(receipt.transferId()).isEqualTo("synced");
            assertAttempts(server, transfer, 2);
            // Fake time moved only by the rate limiter's wait before the retry, after the resync.
            long waited = time.sleeps().stream().mapToLong(Duration::toMillis).sum();
            assertThat(transferRequests(server).get(1).getHeader("ACCESS-TIMESTAMP"))
                    .isEqualTo(Long.toString(SERVER_TIME + waited));
            server.verify(1, getRequestedFor(urlEqualTo(TIME_PATH)));
        }

        @Test
        void aSecondClockErrorIsAClockSkewRejection() {
            Transfer transfer = spotToFutures();
            serverTimeIs(SERVER_TIME);
            answerTransfer(bitget(400, error("40008")));

            TransferRejectedException rejected = thrownBy(TransferRejectedException.class,
                    () -> gateway().transfer(transfer));

            assertThat(rejected.reason()).isEqualTo(RejectionReason.CLOCK_SKEW);
            assertThat(rejected.exchangeCode()).contains("40008");
            assertAttempts(server, transfer, 2);
            server.verify(1, getRequestedFor(urlEqualTo(TIME_PATH)));
        }

        @Test
        void anUnreadableServerTimeEndsInAClockSkewRejection() {
            Transfer transfer = spotToFutures();
            server.stubFor(get(urlEqualTo(TIME_PATH)).willReturn(html(502)));
            answerTransfer(bitget(400, error("40005")));

            TransferRejectedException rejected = thrownBy(TransferRejectedException.class,
                    () -> gateway().transfer(transfer));

            assertThat(rejected.reason()).isEqualTo(RejectionReason.CLOCK_SKEW);
            assertAttempts(server, transfer, 1);
        }
    }
}
