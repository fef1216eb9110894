package dev.transfers.bitget.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The baseline of the wire benchmarks: what a careful hand-written client does for one transfer,
 * with nothing but the JDK. A JSON body written by string concatenation, a Base64 HMAC-SHA256 over
 * timestamp + "POST" + path + body, Bitget's headers, one {@code java.net.http} POST over HTTP/1.1,
 * and a string check of the answer for {@code "code":"00000"}. No validation, no retries, no
 * rate limiter, no JSON parser: the floor the library is compared with. Not thread safe (one
 * {@link Mac} per instance).
 */
final class HandSigned {
    static final String PATH = "/api/v2/spot/wallet/transfer";

    private final String apiKey;
    private final String passphrase;
    private final Mac mac;
    private final HttpClient http;
    private final URI target;

    /** With its own HTTP client (and so its own connection). */
    HandSigned(URI baseUri, String apiKey, String secret, String passphrase) {
        this(newHttpClient(), baseUri, apiKey, secret, passphrase);
    }

    /** Sharing an HTTP client (which is thread safe) with other instances. */
    HandSigned(HttpClient http, URI baseUri, String apiKey, String secret, String passphrase) {
        this.apiKey = apiKey;
        this.passphrase = passphrase;
        this.mac = hmac(secret);
        this.http = http;
        this.target = baseUri.resolve(PATH);
    }

    /** HTTP/1.1 (no h2c upgrade on plain http), no redirects: as the gateway configures its client. */
    static HttpClient newHttpClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    static Mac hmac(String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** A 0.01 USDT spot to usdt_futures body with a fresh UUID clientOid, in Bitget's field order. */
    static String handWrittenJson() {
        return "{\"fromType\":\"spot\",\"toType\":\"usdt_futures\",\"amount\":\"0.01\",\"coin\":\"USDT\",\"clientOid\":\""
                + UUID.randomUUID() + "\"}";
    }

    /** Base64 HMAC-SHA256 of timestamp + "POST" + path + body. */
    static String sign(Mac mac, String timestamp, String body) {
        byte[] digest = mac.doFinal((timestamp + "POST" + PATH + body).getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(digest);
    }

    /** Sends one hand-signed transfer with this body; the answer is read in full. */
    HttpResponse<String> post(String body) throws IOException, InterruptedException {
        String timestamp = Long.toString(System.currentTimeMillis());
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(Duration.ofSeconds(10))
                .header("ACCESS-KEY", apiKey)
                .header("ACCESS-SIGN", sign(mac, timestamp, body))
                .header("ACCESS-TIMESTAMP", timestamp)
                .header("ACCESS-PASSPHRASE", passphrase)
                .header("Content-Type", "application/json")
                .header("locale", "en-US")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Sends one hand-signed transfer and fails unless it was applied ({@code "code":"00000"}). */
    void transferOrFail() throws IOException, InterruptedException {
        HttpResponse<String> response = post(handWrittenJson());
        if (response.statusCode() != 200 || !response.body().contains("\"code\":\"00000\"")) {
            throw new IllegalStateException("hand-signed transfer not applied: HTTP " + response.statusCode());
        }
    }
}
