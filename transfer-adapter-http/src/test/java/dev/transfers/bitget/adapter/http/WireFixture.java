package dev.transfers.bitget.adapter.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.transfers.bitget.domain.AccountType;
import dev.transfers.bitget.domain.Transfer;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** What the wire tests share: credentials, a gateway aimed at WireMock, and checks of what it received. */
final class WireFixture {
    static final String TRANSFER_PATH = "/api/v2/spot/wallet/transfer";
    static final String TIME_PATH = "/api/v2/public/time";
    static final String RECORDS_PATH = "/api/v2/spot/account/transferRecords";
    static final String API_KEY = "bg_test_key_0123456789";
    static final String SECRET = "test-secret-do-not-log-7f3a";
    static final String PASSPHRASE = "test-passphrase-do-not-log-91c";

    private WireFixture() {
    }

    /**
     * A gateway aimed at the server, on fake time, with 5 attempts, unjittered backoff of 200 ms
     * doubling, and (as every gateway built without one) a rate limiter of its own.
     */
    static BitgetTransferGateway gateway(WireMockExtension server, FakeTime time,
            UnaryOperator<BitgetTransferGateway.Builder> tweaks) {
        return gateway(URI.create("http://127.0.0.1:" + server.getPort()), time, tweaks);
    }

    /** The same, aimed at any base URL. */
    static BitgetTransferGateway gateway(URI baseUrl, FakeTime time,
            UnaryOperator<BitgetTransferGateway.Builder> tweaks) {
        BitgetTransferGateway.Builder builder = BitgetTransferGateway.builder()
                .baseUrl(baseUrl)
                .credentials(BitgetCredentials.hmac(API_KEY, SECRET, PASSPHRASE))
                .retryPolicy(RetryPolicy.builder().maxAttempts(5).initialBackoff(Duration.ofMillis(200)).jitter(0)
                        .build())
                .clock(time)
                .sleeper(time);
        return tweaks.apply(builder).build();
    }

    static Transfer spotToFutures() {
        return Transfer.builder().from(AccountType.SPOT).to(AccountType.USDT_FUTURES)
                .amount(new BigDecimal("25.50")).coin("USDT").clientOid("oid-" + UUID.randomUUID()).build();
    }

    /** The server answers every transfer request with {@code response}. */
    static void answerTransfer(WireMockExtension server, ResponseDefinitionBuilder response) {
        server.stubFor(post(urlEqualTo(TRANSFER_PATH)).willReturn(response));
    }

    /** The server answers the first transfer request with {@code first}, then every later one with {@code then}. */
    static void answerTransferFirst(WireMockExtension server, ResponseDefinitionBuilder first,
            ResponseDefinitionBuilder then) {
        server.stubFor(post(urlEqualTo(TRANSFER_PATH)).inScenario("attempts").whenScenarioStateIs(STARTED)
                .willReturn(first).willSetStateTo("answered once"));
        server.stubFor(post(urlEqualTo(TRANSFER_PATH)).inScenario("attempts").whenScenarioStateIs("answered once")
                .willReturn(then));
    }

    /** A JSON answer of Bitget's with this status and body. */
    static ResponseDefinitionBuilder bitget(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    static String expectedBody(Transfer transfer) {
        return "{\"fromType\":\"" + transfer.from().wireCode() + "\",\"toType\":\"" + transfer.to().wireCode()
                + "\",\"amount\":\"" + transfer.amount().toPlainString() + "\",\"coin\":\"" + transfer.coin() + "\","
                + (transfer.symbol() == null ? "" : "\"symbol\":\"" + transfer.symbol() + "\",")
                + "\"clientOid\":\"" + transfer.clientOid() + "\"}";
    }

    static String success(String transferId, String clientOid) {
        return "{\"code\":\"00000\",\"msg\":\"success\",\"requestTime\":1683875302853,\"data\":{\"transferId\":\""
                + transferId + "\",\"clientOid\":\"" + clientOid + "\"}}";
    }

    static String error(String code) {
        return ResponseClassifierTest.envelope(code);
    }

    /**
     * The transfer records answer, below any stub a test adds, that they hold no transfer: the
     * records of an exchange that never applied it.
     */
    static void noRecords(WireMockExtension server) {
        server.stubFor(get(urlPathEqualTo(RECORDS_PATH)).atPriority(10).willReturn(okJson(records())));
    }

    /** A records answer holding {@code entries} (see {@link #record}), as Bitget's documentation shows one. */
    static String records(String... entries) {
        return "{\"code\":\"00000\",\"msg\":\"success\",\"requestTime\":1631608142260,\"data\":["
                + String.join(",", entries) + "]}";
    }

    /** One record of {@link #spotToFutures()}'s kind, written as Bitget's documentation sample does. */
    static String record(String status, String transferId, String clientOid) {
        return "{\"coin\":\"usdt\",\"status\":\"" + status + "\",\"toType\":\"usdt_futures\",\"toSymbol\":\"\","
                + "\"fromType\":\"spot\",\"fromSymbol\":\"\",\"size\":\"25.50000000\",\"ts\":\"1631070374488\","
                + "\"clientOid\":\"" + clientOid + "\",\"transferId\":\"" + transferId + "\"}";
    }

    static List<LoggedRequest> recordsRequests(WireMockExtension server) {
        return server.findAll(getRequestedFor(urlPathEqualTo(RECORDS_PATH)));
    }

    static List<LoggedRequest> transferRequests(WireMockExtension server) {
        return server.findAll(postRequestedFor(urlEqualTo(TRANSFER_PATH)));
    }

    /**
     * The server received {@code attempts} transfer requests, each with the transfer's exact body
     * (so one clientOid), each correctly signed with its own, later timestamp.
     */
    static void assertAttempts(WireMockExtension server, Transfer transfer, int attempts) {
        List<LoggedRequest> requests = transferRequests(server);
        assertThat(requests).hasSize(attempts);
        long previousTimestamp = Long.MIN_VALUE;
        for (LoggedRequest request : requests) {
            assertThat(request.getBodyAsString()).isEqualTo(expectedBody(transfer));
            String timestamp = request.getHeader("ACCESS-TIMESTAMP");
            assertThat(Long.parseLong(timestamp)).isGreaterThan(previousTimestamp);
            previousTimestamp = Long.parseLong(timestamp);
            assertThat(request.getHeader("ACCESS-SIGN"))
                    .isEqualTo(hmacBase64(SECRET, timestamp + "POST" + TRANSFER_PATH + request.getBodyAsString()));
        }
    }

    /** HMAC-SHA256 in Base64, computed here independently of the adapter's signer. */
    static String hmacBase64(String secret, String prehash) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(prehash.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /** What the call threw, failing the test when it threw nothing or something else. */
    static <T extends Throwable> T thrownBy(Class<T> type, ThrowingCallable call) {
        T thrown = catchThrowableOfType(type, call);
        assertThat(thrown).as("expected the call to throw %s", type.getSimpleName()).isNotNull();
        return thrown;
    }

    /** No Feign or Jackson type anywhere in the exception's cause chain. */
    static void assertNoTransportTypes(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            assertThat(t.getClass().getName()).doesNotStartWith("feign.").doesNotStartWith("com.fasterxml.");
        }
    }
}
