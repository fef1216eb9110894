package dev.transfers.bitget.spring;

import dev.transfers.bitget.adapter.http.LoopbackHosts;
import java.net.URI;
import java.time.Duration;
import org.springframework.validation.Errors;

/**
 * The start-up check of {@link BitgetTransferProperties}: global errors only, each naming its
 * property, because a field error would print the rejected value, which may be a secret.
 */
final class PropertiesCheck {
    private static final String CREDENTIALS = BitgetTransferProperties.PREFIX + ".credentials.";

    private final BitgetTransferProperties properties;
    private final Errors errors;

    PropertiesCheck(BitgetTransferProperties properties, Errors errors) {
        this.properties = properties;
        this.errors = errors;
    }

    void run() {
        checkHttpUrl(properties.baseUrl(), "base-url");
        checkCredentials(properties.credentials());
        checkPositive(properties.deadline(), "deadline");
        checkPositive(properties.timeouts().connect(), "timeouts.connect");
        checkPositive(properties.timeouts().read(), "timeouts.read");
        checkPositive(properties.health().maxClockOffset(), "health.max-clock-offset");
        try {
            properties.retry().toRetryPolicy();
        } catch (IllegalArgumentException wrong) {
            reject("retry", BitgetTransferProperties.PREFIX + ".retry: " + wrong.getMessage()
                    .replace("maxAttempts", "max-attempts").replace("initialBackoff", "initial-backoff")
                    .replace("maxBackoff", "max-backoff"));
        }
        URI redisUrl = properties.redis().url();
        if (redisUrl != null && !("redis".equalsIgnoreCase(redisUrl.getScheme())
                || "rediss".equalsIgnoreCase(redisUrl.getScheme()))) {
            reject("redis.url", name("redis.url") + " must be a redis:// or rediss:// URL");
        }
    }

    private void checkCredentials(BitgetTransferProperties.Credentials credentials) {
        boolean secret = BitgetTransferProperties.hasText(credentials.secret());
        boolean privateKey = BitgetTransferProperties.hasText(credentials.privateKey());
        if (!BitgetTransferProperties.hasText(credentials.apiKey())) {
            reject("credentials.api-key", CREDENTIALS + "api-key is required");
        }
        if (!BitgetTransferProperties.hasText(credentials.passphrase())) {
            reject("credentials.passphrase", CREDENTIALS + "passphrase is required");
        }
        if (secret == privateKey) {
            reject("credentials", "set exactly one of " + CREDENTIALS + "secret (an HMAC key) and " + CREDENTIALS
                    + "private-key (an RSA key's PKCS#8 PEM)" + (secret ? ", not both" : ""));
            return;
        }
        if (errors.hasErrors()) {
            return;
        }
        try {
            credentials.toBitgetCredentials();
        } catch (IllegalArgumentException unusable) {
            // The adapter's messages name the value, never quote it.
            reject("credentials", unusable.getMessage().replace("privateKeyPem", CREDENTIALS + "private-key")
                    .replace("apiKey", CREDENTIALS + "api-key").replace("passphrase", CREDENTIALS + "passphrase"));
        }
    }

    private void checkHttpUrl(URI url, String property) {
        if (url == null || url.getHost() == null
                || !("http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme()))) {
            reject(property, name(property) + " must be an absolute http or https URL such as https://api.bitget.com");
        } else if (LoopbackHosts.wouldSendCredentialsInClearText(url)) {
            reject(property, name(property) + " is plain HTTP to a host that is not loopback: the API key, the"
                    + " passphrase and replayable signatures would travel in clear text; use https://");
        }
    }

    private void checkPositive(Duration duration, String property) {
        if (duration != null && (duration.isZero() || duration.isNegative())) {
            reject(property, name(property) + " must be positive, not " + duration);
        }
    }

    private void reject(String property, String message) {
        errors.reject(name(property), message);
    }

    private static String name(String property) {
        return BitgetTransferProperties.PREFIX + "." + property;
    }
}
