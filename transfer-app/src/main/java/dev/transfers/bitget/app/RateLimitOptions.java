package dev.transfers.bitget.app;

import dev.transfers.bitget.adapter.http.LoopbackHosts;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * How the commands keep Bitget's rate limit: {@code --redis-url} (else {@value #REDIS_URL_VARIABLE})
 * shares it through Redis, {@code --uid} (else {@value #UID_VARIABLE}) names what it is counted by.
 *
 * @param redisUrl the Redis URL, or {@code null} for this process's own limit
 * @param key      the rate-limit key, or {@code null} for the API key
 */
record RateLimitOptions(URI redisUrl, String key) {
    static final String REDIS_URL_VARIABLE = "BITGET_REDIS_URL";
    static final String UID_VARIABLE = "BITGET_UID";

    /**
     * From the options, else the environment; throws {@link UsageException} without quoting the URL,
     * also for a password over {@code redis://} to a host that is not loopback without
     * {@code --allow-cleartext-credentials}.
     */
    static RateLimitOptions resolve(ExchangeOptions options, Environment environment) {
        String source = options.redisUrl != null ? "--redis-url" : REDIS_URL_VARIABLE;
        String text = options.redisUrl != null ? options.redisUrl : environment.value(REDIS_URL_VARIABLE).orElse(null);
        URI redisUrl = text == null ? null : parse(text.trim(), source);
        if (redisUrl != null && !options.allowCleartextCredentials
                && LoopbackHosts.wouldSendCredentialsInClearText(redisUrl)) {
            throw new UsageException(source + " would send the Redis password in clear text to "
                    + redisUrl.getHost() + ", a host that is not loopback. Use rediss://; only for a TLS-terminating"
                    + " proxy on a private network, add " + ExchangeSession.CLEARTEXT_OPTION);
        }
        String key = options.uid != null ? options.uid : environment.value(UID_VARIABLE).orElse(null);
        if (key != null && key.isBlank()) {
            throw new UsageException("--uid must not be blank");
        }
        return new RateLimitOptions(redisUrl, key == null ? null : key.trim());
    }

    private static URI parse(String text, String source) {
        // The value may hold a password: the message names the rule, never the value.
        String rule = source + " must be a redis:// or rediss:// URL with a host, such as redis://127.0.0.1:6379"
                + " or rediss://:PASSWORD@host:6380/0 (the value given is not shown: it may hold a password)";
        try {
            URI url = new URI(text);
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            String path = url.getPath();
            if (!(scheme.equals("redis") || scheme.equals("rediss")) || url.getHost() == null
                    || url.getFragment() != null || (path != null && !path.isEmpty() && !path.matches("/[0-9]{0,5}"))) {
                throw new UsageException(rule);
            }
            return url;
        } catch (URISyntaxException e) {
            throw new UsageException(rule);
        }
    }

    /** The URL as it may be shown: without user information (which may hold a password) or query. */
    static String mask(URI redisUrl) {
        if (redisUrl.getHost() == null) {
            return redisUrl.getScheme() + ":(not shown)";
        }
        return redisUrl.getScheme() + "://" + (redisUrl.getRawUserInfo() == null ? "" : "***@") + redisUrl.getHost()
                + (redisUrl.getPort() < 0 ? "" : ":" + redisUrl.getPort())
                + (redisUrl.getRawPath() == null ? "" : redisUrl.getRawPath());
    }
}
