package dev.transfers.bitget.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import feign.Request;
import feign.RequestTemplate;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@link SigningTarget} makes of a template: the signed request, checked against Bitget's test vectors. */
class SigningTargetTest {
    private static final String BASE_URL = "https://api.bitget.com";
    private static final BitgetCredentials CREDENTIALS = BitgetCredentials.hmac("the-api-key", "secret",
            "pass{phrase}");
    /** The POST vector of bitget/REFERENCE.md. */
    private static final String TRANSFER_BODY = "{\"fromType\":\"spot\",\"toType\":\"isolated_margin\",\"amount\":\"300\","
            + "\"coin\":\"USDT\",\"symbol\":\"BTCUSDT\",\"clientOid\":\"1\"}";

    @Test
    void signsThePostVectorOverTheExactBodySentAsJson() {
        Request request = target(1659076670000L, false).apply(transferTemplate());

        assertThat(request.httpMethod()).isEqualTo(Request.HttpMethod.POST);
        assertThat(request.url()).isEqualTo(BASE_URL + BitgetApi.TRANSFER_PATH);
        assertThat(new String(request.body(), StandardCharsets.UTF_8)).isEqualTo(TRANSFER_BODY);
        assertThat(request.headers().get("ACCESS-SIGN")).containsExactly("s9zBMh4a1QmpdchNrLxceTldcNYsjaOLQ+v8AhloiLM=");
        assertThat(request.headers().get("ACCESS-TIMESTAMP")).containsExactly("1659076670000");
        assertThat(request.headers().get("ACCESS-KEY")).containsExactly("the-api-key");
        assertThat(request.headers().get("ACCESS-PASSPHRASE")).containsExactly("pass{phrase}");
        assertThat(request.headers().get("locale")).containsExactly("en-US");
        assertThat(request.headers().get("Content-Type")).containsExactly("application/json");
        assertThat(request.headers()).doesNotContainKey("paptrading");
    }

    /** The GET vector of bitget/transfer-records.md: the query is signed, and sent as signed. */
    @Test
    void signsTheRecordsGetVectorWithItsQuery() {
        String pathAndQuery = BitgetApi.RECORDS_PATH + "?coin=USDT&clientOid=abc-1";
        RequestTemplate template = new RequestTemplate().method(Request.HttpMethod.GET).uri(pathAndQuery);

        Request request = target(1700000000000L, false).apply(template);

        assertThat(request.url()).isEqualTo(BASE_URL + pathAndQuery);
        assertThat(request.body()).isNull();
        assertThat(request.headers().get("ACCESS-SIGN")).containsExactly("n4dtOvceQJjab6+iC9WppVIrGjoSvOk7QZ5DpcP7x3I=");
        assertThat(request.headers()).doesNotContainKey("Content-Type");
    }

    @Test
    void keepsTheHeadersTheMethodDeclares() {
        RequestTemplate template = transferTemplate().header("X-Declared", "by the method");

        Request request = target(1700000000000L, false).apply(template);

        assertThat(request.headers().get("X-Declared")).containsExactly("by the method");
        assertThat(request.headers()).containsKeys("ACCESS-SIGN", "Content-Type");
    }

    @Test
    void demoTradingAddsPaptradingWithTheLocale() {
        RequestTemplate template = new RequestTemplate().method(Request.HttpMethod.GET).uri(BitgetApi.RECORDS_PATH);

        Request request = new SigningTarget(BASE_URL, CREDENTIALS, clockAt(1700000000000L), "zh-CN", true)
                .apply(template);

        assertThat(request.headers().get("paptrading")).containsExactly("1");
        assertThat(request.headers().get("locale")).containsExactly("zh-CN");
    }

    @Test
    void eachRequestGetsTheTimestampAndSignatureOfItsOwnMoment() {
        List<Request> requests = List.of(target(1700000000000L, false).apply(transferTemplate()),
                target(1700000000001L, false).apply(transferTemplate()));

        assertThat(requests).extracting(request -> request.headers().get("ACCESS-TIMESTAMP").iterator().next())
                .containsExactly("1700000000000", "1700000000001");
        assertThat(requests.get(0).headers().get("ACCESS-SIGN"))
                .doesNotContainAnyElementsOf(requests.get(1).headers().get("ACCESS-SIGN"));
    }

    @Test
    void toStringShowsNoCredential() {
        assertThat(target(1700000000000L, false).toString()).contains(BASE_URL)
                .doesNotContain("the-api-key", "secret", "pass{phrase}");
    }

    private static RequestTemplate transferTemplate() {
        return new RequestTemplate().method(Request.HttpMethod.POST).uri(BitgetApi.TRANSFER_PATH)
                .body(TRANSFER_BODY.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    private static SigningTarget target(long nowMillis, boolean demoTrading) {
        return new SigningTarget(BASE_URL, CREDENTIALS, clockAt(nowMillis), "en-US", demoTrading);
    }

    private static ExchangeClock clockAt(long millis) {
        return new ExchangeClock(Clock.fixed(Instant.ofEpochMilli(millis), ZoneOffset.UTC));
    }
}
