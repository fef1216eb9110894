package dev.transfers.bitget.adapter.http;

import feign.RequestInterceptor;
import feign.RequestTemplate;
import java.nio.charset.StandardCharsets;

/**
 * Adds Bitget's authentication headers to each attempt. Feign runs interceptors after encoding,
 * so {@link RequestTemplate#body()} is exactly the bytes sent and the signature covers them. Each
 * attempt is a fresh Feign call, so each gets a fresh timestamp and signature; the body, and the
 * clientOid in it, come from the caller's {@code Transfer} and never change here.
 *
 * <p>Header values are set as literals so that Feign never reads braces in a passphrase as
 * template expressions.
 */
final class SigningInterceptor implements RequestInterceptor {
    private final BitgetCredentials credentials;
    private final ExchangeClock clock;
    private final String locale;
    private final boolean demoTrading;

    SigningInterceptor(BitgetCredentials credentials, ExchangeClock clock, String locale, boolean demoTrading) {
        this.credentials = credentials;
        this.clock = clock;
        this.locale = locale;
        this.demoTrading = demoTrading;
    }

    @Override
    public void apply(RequestTemplate template) {
        String timestamp = Long.toString(clock.nowMillis());
        byte[] body = template.body();
        String bodyText = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        String prehash = RequestSigner.prehash(timestamp, template.method(),
                template.path() + template.queryLine(), bodyText);
        template.headerLiteral("ACCESS-KEY", credentials.apiKey());
        template.headerLiteral("ACCESS-SIGN", credentials.sign(prehash));
        template.headerLiteral("ACCESS-TIMESTAMP", timestamp);
        template.headerLiteral("ACCESS-PASSPHRASE", credentials.passphrase());
        template.headerLiteral("locale", locale);
        if (demoTrading) {
            template.headerLiteral("paptrading", "1");
        }
    }
}
