package dev.transfers.bitget.app;

import java.net.URI;
import java.util.Objects;

/**
 * Which exchange to talk to, as whom, how the rate limit is kept, and whether credentials may travel
 * unencrypted to a host that is not loopback.
 *
 * @param baseUrl      the API's base URL, such as {@code https://api.bitget.com}
 * @param credentials  the API key, secret and passphrase
 * @param demoTrading  whether to send Bitget's demo-trading header ({@code paptrading: 1})
 * @param redisUrl     the Redis through which the rate limit is shared, or {@code null} for this
 *                     process's own limit; may hold a password: never print it
 * @param rateLimitKey what the rate limit shared through Redis is counted by (the UID), or {@code null}
 *                     for the API key
 * @param allowCleartextCredentials whether an {@code http://} base URL or a {@code redis://} URL with a
 *                     password may name a host that is not loopback ({@code --allow-cleartext-credentials})
 */
record ExchangeTarget(URI baseUrl, ApiCredentials credentials, boolean demoTrading, URI redisUrl,
        String rateLimitKey, boolean allowCleartextCredentials) {
    public ExchangeTarget {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(credentials, "credentials");
    }

    /** With this process's own rate limit, counted by the API key. */
    public ExchangeTarget(URI baseUrl, ApiCredentials credentials, boolean demoTrading) {
        this(baseUrl, credentials, demoTrading, null, null, false);
    }

    /** Never the Redis URL's password, nor the credentials' secrets. */
    @Override
    public String toString() {
        return "ExchangeTarget[" + baseUrl + ", " + credentials + (demoTrading ? ", demo trading" : "")
                + (redisUrl == null ? "" : ", rate limit shared through " + RateLimitOptions.mask(redisUrl))
                + (rateLimitKey == null ? "" : ", rate limit key " + rateLimitKey)
                + (allowCleartextCredentials ? ", cleartext credentials allowed" : "") + "]";
    }
}
