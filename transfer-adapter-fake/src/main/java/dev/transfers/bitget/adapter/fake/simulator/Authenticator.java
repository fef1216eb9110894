package dev.transfers.bitget.adapter.fake.simulator;

import com.sun.net.httpserver.Headers;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.SignatureException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The checks every signed endpoint makes before it looks at its parameters: key, the endpoint's
 * own rate limit, headers, timestamp window, passphrase, signature and environment, in the order
 * {@link SimulatedBitget}'s documentation gives.
 */
final class Authenticator {
    private static final Duration TIMESTAMP_TOLERANCE = Duration.ofSeconds(30);
    private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{1,18}");

    private final Map<String, SimulatedBitget.Credentials> credentialsByKey;
    private final Supplier<Instant> serverTime;

    Authenticator(Map<String, SimulatedBitget.Credentials> credentialsByKey, Supplier<Instant> serverTime) {
        this.credentialsByKey = Map.copyOf(credentialsByKey);
        this.serverTime = serverTime;
    }

    /**
     * The credentials of a request that passes every check; the request counts against
     * {@code rateLimiter} once its key is known.
     *
     * @param method   the HTTP method, part of what is signed
     * @param rawPath  the path as received
     * @param rawQuery the query as received (the encoded bytes after {@code ?}), or null
     * @param body     the body's bytes as received (empty for a GET)
     * @throws Rejection for the first check that fails
     */
    SimulatedBitget.Credentials authenticate(String method, String rawPath, String rawQuery, Headers headers,
                                             byte[] body, SlidingWindowRateLimiter rateLimiter) {
        String apiKey = header(headers, "ACCESS-KEY");
        if (apiKey == null) {
            throw Rejection.badRequest("40001", "ACCESS_KEY cannot be empty");
        }
        SimulatedBitget.Credentials credentials = credentialsByKey.get(apiKey);
        if (credentials == null) {
            throw Rejection.badRequest("40006", "Invalid ACCESS_KEY");
        }
        if (!rateLimiter.tryAcquire(credentials.uid())) {
            throw new Rejection(429, "429", "Too Many Requests");
        }
        String sign = header(headers, "ACCESS-SIGN");
        if (sign == null) {
            throw Rejection.badRequest("40002", "ACCESS_SIGN cannot be empty");
        }
        String timestamp = header(headers, "ACCESS-TIMESTAMP");
        if (timestamp == null || !TIMESTAMP.matcher(timestamp).matches()) {
            throw Rejection.badRequest("40005", "Invalid ACCESS_TIMESTAMP");
        }
        String passphrase = header(headers, "ACCESS-PASSPHRASE");
        if (passphrase == null) {
            throw Rejection.badRequest("40011", "ACCESS_PASSPHRASE cannot be empty");
        }
        long skewMillis = Math.abs(Long.parseLong(timestamp) - serverTime.get().toEpochMilli());
        if (skewMillis > TIMESTAMP_TOLERANCE.toMillis()) {
            throw Rejection.badRequest("40008", "Request timestamp expired");
        }
        if (!constantTimeEquals(passphrase, credentials.passphrase())) {
            throw Rejection.badRequest("40012", "apikey/password is incorrect");
        }
        String prehashHead = timestamp + method + rawPath + (rawQuery == null ? "" : "?" + rawQuery);
        if (!signatureMatches(credentials, sign, prehashHead, body)) {
            throw Rejection.badRequest("40009", "sign signature error");
        }
        boolean demoTradingRequested = "1".equals(header(headers, "paptrading"));
        if (demoTradingRequested && !credentials.isDemoTrading()) {
            throw Rejection.badRequest("40099", "exchange environment is incorrect: the request asks for demo "
                    + "trading (paptrading: 1) but the API key is a live key");
        }
        if (!demoTradingRequested && credentials.isDemoTrading()) {
            throw Rejection.badRequest("40099", "exchange environment is incorrect: the API key is a demo-trading "
                    + "key but the request lacks paptrading: 1 (live)");
        }
        return credentials;
    }

    /** A header's first value, or null when it is absent or blank. */
    static String header(Headers headers, String name) {
        String value = headers.getFirst(name);
        return value == null || value.isBlank() ? null : value;
    }

    private static boolean constantTimeEquals(String given, String expected) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    /** HMAC-SHA256 with the key's secret, or SHA256withRSA checked with its public key. */
    private static boolean signatureMatches(SimulatedBitget.Credentials credentials, String sign, String prehashHead,
                                            byte[] body) {
        if (credentials.rsaPublicKey() == null) {
            return constantTimeEquals(sign, hmacSha256Base64(credentials.secret(), prehashHead, body));
        }
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(credentials.rsaPublicKey());
            verifier.update(prehashHead.getBytes(StandardCharsets.UTF_8));
            verifier.update(body);
            return verifier.verify(Base64.getDecoder().decode(sign));
        } catch (IllegalArgumentException | SignatureException notASignature) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA256withRSA is not available", e);
        }
    }

    /** Base64(HMAC-SHA256(secret, prehashHead + body)), over the body's bytes exactly as received. */
    private static String hmacSha256Base64(String secret, String prehashHead, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(prehashHead.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
