package dev.transfers.bitget.adapter.http;

import feign.Request;
import feign.RequestTemplate;
import feign.Target;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Where Bitget's signed endpoints are, and what signs each request to them: Feign hands every
 * attempt's template here, after encoding, to be made the {@link Request} that is sent, so the
 * signature covers exactly the body bytes and the path and query sent. Each attempt is a fresh Feign
 * call, so each gets a fresh timestamp and signature; the body, and the clientOid in it, come from the
 * caller's {@code Transfer} and never change here.
 *
 * <p>It adds the headers of Bitget's signed requests ({@code ACCESS-KEY}, {@code ACCESS-SIGN},
 * {@code ACCESS-TIMESTAMP}, {@code ACCESS-PASSPHRASE}, {@code locale}, {@code paptrading: 1} for demo
 * trading, and {@code Content-Type: application/json} when there is a body) to the request itself,
 * beside any header the method declares, rather than to the template as a {@code RequestInterceptor}
 * or a {@code @Headers} annotation would: Feign would otherwise build, expand and copy a header
 * template for each of them on every attempt. Header values are never read as templates, so braces
 * in a passphrase stay as they are.
 */
final class SigningTarget implements Target<BitgetApi> {
    /** The type of every body sent: Bitget's signed endpoints take JSON. */
    private static final List<String> JSON = List.of("application/json");

    private final String baseUrl;
    private final BitgetCredentials credentials;
    private final ExchangeClock clock;
    private final String locale;
    private final boolean demoTrading;

    /**
     * @param baseUrl the API's base URL without a trailing slash; it prefixes the signed path, which
     *                the signature does not cover
     */
    SigningTarget(String baseUrl, BitgetCredentials credentials, ExchangeClock clock, String locale,
            boolean demoTrading) {
        this.baseUrl = baseUrl;
        this.credentials = credentials;
        this.clock = clock;
        this.locale = locale;
        this.demoTrading = demoTrading;
    }

    @Override
    public Class<BitgetApi> type() {
        return BitgetApi.class;
    }

    @Override
    public String name() {
        return baseUrl;
    }

    @Override
    public String url() {
        return baseUrl;
    }

    /** The API and its base URL; never a credential. */
    @Override
    public String toString() {
        return "SigningTarget[" + BitgetApi.class.getSimpleName() + ", " + baseUrl + "]";
    }

    /** The request to send: the template's method, path, query, headers and body, signed now. */
    @Override
    public Request apply(RequestTemplate template) {
        // Before a base URL is set, the template's URL is the method's path and query: the signed part.
        String pathAndQuery = template.url();
        String timestamp = Long.toString(clock.nowMillis());
        byte[] body = template.body();
        String prehash = RequestSigner.prehash(timestamp, template.method(), pathAndQuery,
                body == null ? "" : new String(body, StandardCharsets.UTF_8));
        Map<String, Collection<String>> headers = template.headers(); // a copy, Feign's own, case-insensitive
        if (body != null) {
            headers.put("Content-Type", JSON);
        }
        headers.put("ACCESS-KEY", List.of(credentials.apiKey()));
        headers.put("ACCESS-SIGN", List.of(credentials.sign(prehash)));
        headers.put("ACCESS-TIMESTAMP", List.of(timestamp));
        headers.put("ACCESS-PASSPHRASE", List.of(credentials.passphrase()));
        headers.put("locale", List.of(locale));
        if (demoTrading) {
            headers.put("paptrading", List.of("1"));
        }
        return Request.create(Request.HttpMethod.valueOf(template.method()), baseUrl + pathAndQuery, headers, body,
                template.requestCharset(), template);
    }
}
