package dev.transfers.bitget.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transfers.bitget.domain.RejectionReason;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ResponseClassifierTest {
    private final FakeTime time = new FakeTime();
    private final ResponseClassifier classifier = new ResponseClassifier(time);

    @Test
    void successWithClientOidEchoIsApplied() {
        AttemptResult result = classify(200,
                "{\"code\":\"00000\",\"msg\":\"success\",\"requestTime\":1683875302853,"
                        + "\"data\":{\"transferId\":\"123456\",\"clientOid\":\"x123\"}}");

        assertThat(result).isEqualTo(new AttemptResult.Applied("123456", Optional.of("x123"),
                "applied as transfer 123456"));
    }

    @Test
    void successWithClientOrderIdEchoIsApplied() {
        AttemptResult result = classify(200,
                "{\"code\":\"00000\",\"data\":{\"transferId\":\"7\",\"clientOrderId\":\"x9\"}}");

        assertThat(result).isInstanceOfSatisfying(AttemptResult.Applied.class,
                applied -> assertThat(applied.echoedClientOid()).contains("x9"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"code\":\"00000\",\"data\":{\"transferId\":\"7\",\"clientOrderId\":null}}",
            "{\"code\":\"00000\",\"data\":{\"transferId\":\"7\"}}"})
    void successWithoutAnEchoIsApplied(String body) {
        assertThat(classify(200, body)).isInstanceOfSatisfying(AttemptResult.Applied.class, applied -> {
            assertThat(applied.transferId()).isEqualTo("7");
            assertThat(applied.echoedClientOid()).isEmpty();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"code\":\"00000\",\"msg\":\"success\",\"data\":null}",
            "{\"code\":\"00000\",\"data\":{}}",
            "{\"code\":\"00000\",\"data\":{\"transferId\":\"\"}}",
            "{\"code\":\"00000\",\"data\":{\"transferId\":123456}}",
            "{\"code\":\"00000\",\"data\":[\"123456\"]}",
            "{\"code\":0,\"data\":{\"transferId\":\"1\"}}",
            "{\"code\":\"00000\",\"data\":{\"transferId\":\"1\"",
            "<html><body><h1>502 Bad Gateway</h1></body></html>",
            "",
            "[]",
            "\"00000\"",
            "null"})
    void anythingButAWellFormedSuccessIsNeverASuccess(String body) {
        assertThat(classify(200, body)).isInstanceOf(AttemptResult.InDoubt.class);
    }

    @Test
    void successCodeWithAnErrorStatusIsInDoubt() {
        assertThat(classify(500, "{\"code\":\"00000\",\"data\":{\"transferId\":\"1\"}}"))
                .isInstanceOf(AttemptResult.InDoubt.class);
    }

    @ParameterizedTest
    @MethodSource("dev.transfers.bitget.adapter.http.ReferenceCodes#rejections")
    void everyNotAppliedCodeOfTheReferenceIsARejectionWithItsReason(String code, RejectionReason reason) {
        for (int status : List.of(400, 200)) {
            assertThat(classify(status, envelope(code))).isInstanceOfSatisfying(AttemptResult.Rejected.class, r -> {
                assertThat(r.reason()).isEqualTo(reason);
                assertThat(r.code()).isEqualTo(code);
                assertThat(r.message()).isEqualTo("message of " + code);
            });
        }
    }

    @ParameterizedTest
    @MethodSource("dev.transfers.bitget.adapter.http.ReferenceCodes#rejections")
    void onlyJudgementsOfTheTransferSettleEarlierAttempts(String code, RejectionReason reason) {
        boolean refusedAsARequest = reason == RejectionReason.AUTHENTICATION || reason == RejectionReason.PERMISSION;

        assertThat(classify(400, envelope(code))).isInstanceOfSatisfying(AttemptResult.Rejected.class,
                r -> assertThat(r.settlesTransfer()).isEqualTo(!refusedAsARequest));
    }

    @ParameterizedTest
    @MethodSource("dev.transfers.bitget.adapter.http.ReferenceCodes#inDoubt")
    void everyInDoubtCodeOfTheReferenceIsInDoubt(String code) {
        assertThat(classify(200, envelope(code))).isInstanceOf(AttemptResult.InDoubt.class);
        assertThat(classify(400, envelope(code))).isInstanceOf(AttemptResult.InDoubt.class);
    }

    @ParameterizedTest
    @MethodSource("dev.transfers.bitget.adapter.http.ReferenceCodes#clock")
    void clockCodesAskForAResync(String code) {
        assertThat(classify(400, envelope(code))).isInstanceOf(AttemptResult.ClockRejected.class);
    }

    @Test
    void tooManyRequestsIsRateLimitedWhateverTheBody() {
        assertThat(classify(429, "{\"code\":\"429\",\"msg\":\"Too Many Requests\",\"requestTime\":1,\"data\":null}"))
                .isInstanceOfSatisfying(AttemptResult.RateLimited.class,
                        limited -> assertThat(limited.retryAfter()).isEmpty());
        assertThat(classify(429, "<html>slow down</html>")).isInstanceOf(AttemptResult.RateLimited.class);
        assertThat(classify(400, envelope("429"))).isInstanceOf(AttemptResult.RateLimited.class);
    }

    @Test
    void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
        AttemptResult seconds = classifier.classify(429, Map.of("Retry-After", List.of("3")), new byte[0]);
        AttemptResult date = classifier.classify(503, Map.of("retry-after", List.of("Tue, 14 Nov 2023 22:13:30 GMT")),
                new byte[0]);

        assertThat(seconds).isInstanceOfSatisfying(AttemptResult.RateLimited.class,
                limited -> assertThat(limited.retryAfter()).contains(Duration.ofSeconds(3)));
        // FakeTime.START is 2023-11-14T22:13:20Z: the date is 10 s later.
        assertThat(date).isInstanceOfSatisfying(AttemptResult.InDoubt.class,
                inDoubt -> assertThat(inDoubt.retryAfter()).contains(Duration.ofSeconds(10)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "soon", ""})
    void unreadableRetryAfterIsIgnored(String value) {
        AttemptResult result = classifier.classify(429, Map.of("Retry-After", List.of(value)), new byte[0]);

        assertThat(result).isInstanceOfSatisfying(AttemptResult.RateLimited.class,
                limited -> assertThat(limited.retryAfter()).isEmpty());
    }

    @Test
    void unknownCodeWithAClientErrorStatusIsARejectionOfOtherReason() {
        assertThat(classify(400, envelope("99999"))).isInstanceOfSatisfying(AttemptResult.Rejected.class, r -> {
            assertThat(r.reason()).isEqualTo(RejectionReason.OTHER);
            assertThat(r.code()).isEqualTo("99999");
            assertThat(r.settlesTransfer()).isFalse();
        });
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 500, 502})
    void unknownCodeWithAnyOtherStatusIsInDoubt(int status) {
        assertThat(classify(status, envelope("99999"))).isInstanceOf(AttemptResult.InDoubt.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 404, 500, 502, 503})
    void answersThatAreNotBitgetEnvelopesAreInDoubt(int status) {
        assertThat(classify(status, "<html><body>Service Unavailable</body></html>"))
                .isInstanceOf(AttemptResult.InDoubt.class);
        assertThat(classify(status, "")).isInstanceOf(AttemptResult.InDoubt.class);
    }

    @Test
    void serverTimeIsReadFromAWellFormedAnswerOnly() {
        assertThat(classifier.serverTime(200, bytes(
                "{\"code\":\"00000\",\"msg\":\"success\",\"requestTime\":1,\"data\":{\"serverTime\":\"1688008631614\"}}")))
                .contains(1688008631614L);
        Stream.of("{\"code\":\"00000\",\"data\":{\"serverTime\":1688008631614}}",
                        "{\"code\":\"40015\",\"data\":{\"serverTime\":\"1688008631614\"}}",
                        "{\"code\":\"00000\",\"data\":{\"serverTime\":\"later\"}}", "<html/>", "")
                .forEach(body -> assertThat(classifier.serverTime(200, bytes(body))).as(body).isEmpty());
        assertThat(classifier.serverTime(503, bytes("{\"code\":\"00000\",\"data\":{\"serverTime\":\"1\"}}")))
                .isEmpty();
    }

    private AttemptResult classify(int status, String body) {
        Map<String, Collection<String>> noHeaders = Map.of();
        return classifier.classify(status, noHeaders, bytes(body));
    }

    static String envelope(String code) {
        return "{\"code\":\"" + code + "\",\"msg\":\"message of " + code + "\",\"requestTime\":1679196063659,"
                + "\"data\":null}";
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
