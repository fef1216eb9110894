package dev.transfers.bitget.app;

import picocli.CommandLine.Option;

/** Options shared by the commands that send transfers. */
final class ExchangeOptions {
    @Option(names = "--base-url", paramLabel = "URL", description = {
        "API base URL (default: https://api.bitget.com when BITGET_API_KEY, BITGET_API_SECRET (or an RSA"
            + " key's BITGET_API_PRIVATE_KEY or BITGET_API_PRIVATE_KEY_FILE) and BITGET_API_PASSPHRASE are set;"
            + " an embedded simulated Bitget when none is set).",
        "With --base-url all three are required. https:// (the JDK's trust store; -Djavax.net.ssl.trustStore"
            + " in JAVA_TOOL_OPTIONS for a private CA), or http:// to a loopback host such as a simulator."})
    String baseUrl;

    @Option(names = "--redis-url", paramLabel = "URL", description = {
        "Share the rate limit (10 requests per second per UID) with every process that uses this Redis,"
            + " such as redis://127.0.0.1:6379 (default: BITGET_REDIS_URL; unset: this process's own limit).",
        "If Redis cannot be reached, nothing is sent (exit 5). Put a password in BITGET_REDIS_URL"
            + " (rediss://:PASSWORD@host:port) rather than here, where other users' ps shows it; it is never printed."
            + " A password to a host that is not loopback needs rediss:// (TLS)."})
    String redisUrl;

    @Option(names = "--uid", paramLabel = "UID", description = {
        "Your Bitget UID, which the rate limit is counted by (default: BITGET_UID, else the API key).",
        "Give it when processes use different API keys of one account."})
    String uid;

    @Option(names = "--allow-cleartext-credentials", description = {
        "UNSAFE: allow an http:// --base-url, and a redis:// URL with a password, to a host that is not loopback"
            + " (127.0.0.0/8, ::1, localhost): the API key, the passphrase, replayable signatures and the Redis"
            + " password then travel unencrypted. Only for a TLS-terminating proxy on a private network;"
            + " a warning is printed on every use. Without it such URLs are refused (exit 2): use https://"
            + " and rediss://."})
    boolean allowCleartextCredentials;

    @Option(names = {"--demo-trading", "--demo"}, description = {
        "Bitget's demo trading (paper trading, no real money): sends the header paptrading: 1; the API key must be"
            + " a demo-trading key. Without it, the key must be a live one (real money)."})
    boolean demo;

    @Option(names = "--json", description = "Results as JSON objects on stdout, one per line; notes go to stderr.")
    boolean json;

    @Option(names = "--verbose", description = "Stack traces for unexpected errors (never secrets).")
    boolean verbose;
}
