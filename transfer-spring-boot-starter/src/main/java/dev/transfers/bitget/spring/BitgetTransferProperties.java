package dev.transfers.bitget.spring;

import dev.transfers.bitget.adapter.http.BitgetCredentials;
import dev.transfers.bitget.adapter.http.RetryPolicy;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * The {@value #PREFIX}{@code .*} properties: where Bitget is, the API key, and how a transfer is
 * retried, timed and rate limited. A setting left out keeps the HTTP adapter's default. Checked when
 * the application starts: a missing or wrong one fails start-up with a message naming the property
 * and never quoting a secret. {@link #toString()} shows no secret.
 *
 * @param baseUrl     where Bitget's API is
 * @param credentials the API key and what signs with it
 * @param demoTrading whether the key is a demo-trading key (every request then carries {@code paptrading: 1})
 * @param deadline    the longest one transfer may take, every attempt, backoff and rate-limit wait
 *                    included (the adapter's default when unset: 30 s)
 * @param retry       attempts and backoff
 * @param timeouts    per-request timeouts
 * @param redis       the Redis through which processes share the rate limit of one UID
 * @param health      the Actuator health indicator
 */
@ConfigurationProperties(BitgetTransferProperties.PREFIX)
public record BitgetTransferProperties(
        @DefaultValue("https://api.bitget.com") URI baseUrl,
        @DefaultValue Credentials credentials,
        boolean demoTrading,
        Duration deadline,
        @DefaultValue Retry retry,
        @DefaultValue Timeouts timeouts,
        @DefaultValue Redis redis,
        @DefaultValue Health health) implements Validator {

    /** The properties' prefix. */
    public static final String PREFIX = "bitget.transfer";

    /**
     * A Bitget API key: an HMAC key ({@code secret}) or an RSA key ({@code private-key}), exactly one.
     *
     * @param apiKey     the API key (not a secret: it is sent as {@code ACCESS-KEY})
     * @param secret     the HMAC secret of an HMAC key
     * @param privateKey the PKCS#8 PEM private key ({@code -----BEGIN PRIVATE KEY-----}) of an RSA key
     * @param passphrase the passphrase chosen when the key was created
     */
    public record Credentials(String apiKey, String secret, String privateKey, String passphrase) {
        /** The adapter's credentials. */
        BitgetCredentials toBitgetCredentials() {
            return hasText(secret)
                    ? BitgetCredentials.hmac(apiKey, secret, passphrase)
                    : BitgetCredentials.rsa(apiKey, privateKey, passphrase);
        }

        /** Never a secret. */
        @Override
        public String toString() {
            return "Credentials[apiKey=" + (hasText(apiKey) ? "[set]" : "[unset]") + ", "
                    + (hasText(privateKey) ? "privateKey" : "secret") + "=[redacted], passphrase=[redacted]]";
        }
    }

    /**
     * How a transfer is retried; unset values keep {@link RetryPolicy#DEFAULT}'s.
     *
     * @param maxAttempts    the most attempts of one transfer, the first included
     * @param initialBackoff the delay before the first retry
     * @param maxBackoff     the cap on any single delay
     */
    public record Retry(Integer maxAttempts, Duration initialBackoff, Duration maxBackoff) {
        RetryPolicy toRetryPolicy() {
            RetryPolicy.Builder policy = RetryPolicy.builder();
            if (maxAttempts != null) {
                policy.maxAttempts(maxAttempts);
            }
            if (initialBackoff != null) {
                policy.initialBackoff(initialBackoff);
            }
            if (maxBackoff != null) {
                policy.maxBackoff(maxBackoff);
            }
            return policy.build();
        }
    }

    /**
     * Per-request timeouts; unset values keep the adapter's defaults (connect 5 s, read 10 s).
     *
     * @param connect the longest wait to open a connection
     * @param read    the longest wait for one answer
     */
    public record Timeouts(Duration connect, Duration read) {
    }

    /**
     * A rate limit shared through Redis by every process of one UID (needs {@code transfer-adapter-http-redis}
     * on the class path); unset: this process keeps its own limit.
     *
     * @param url          the Redis URL, such as {@code rediss://:password@redis.internal:6379}
     * @param rateLimitKey what the shared limit is counted by: the UID of the API key's account (default the
     *                     API key; give the UID when several keys of one account share the limit)
     */
    public record Redis(URI url, String rateLimitKey) {
        /** Never the URL's password. */
        @Override
        public String toString() {
            return "Redis[url=" + (url == null ? "[unset]" : "[redacted]") + ", rateLimitKey=" + rateLimitKey + "]";
        }
    }

    /**
     * The health indicator of the exchange.
     *
     * @param maxClockOffset the largest distance between this machine's clock and Bitget's still reported
     *                       UP; Bitget refuses requests whose timestamp is more than 30 s off
     */
    public record Health(@DefaultValue("10s") Duration maxClockOffset) {
    }

    @Override
    public boolean supports(Class<?> type) {
        return BitgetTransferProperties.class.isAssignableFrom(type);
    }

    /** Checks every property; each error names its property and never quotes a secret. */
    @Override
    public void validate(Object target, Errors errors) {
        new PropertiesCheck((BitgetTransferProperties) target, errors).run();
    }

    static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
