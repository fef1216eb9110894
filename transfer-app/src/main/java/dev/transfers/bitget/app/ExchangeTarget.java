package dev.transfers.bitget.app;

import java.net.URI;
import java.util.Objects;

/**
 * Which exchange to talk to and as whom.
 *
 * @param baseUrl     the API's base URL, such as {@code https://api.bitget.com}
 * @param credentials the API key, secret and passphrase
 * @param demoTrading whether to send Bitget's demo-trading header ({@code paptrading: 1})
 */
public record ExchangeTarget(URI baseUrl, ApiCredentials credentials, boolean demoTrading) {
    public ExchangeTarget {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(credentials, "credentials");
    }
}
