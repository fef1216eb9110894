package dev.transfers.bitget.app;

import picocli.CommandLine.Option;

/** Options shared by the commands that send transfers. */
final class ExchangeOptions {
    @Option(names = "--base-url", paramLabel = "URL", description = {
        "API base URL (default: https://api.bitget.com when BITGET_API_KEY, BITGET_API_SECRET and"
            + " BITGET_API_PASSPHRASE are set; an embedded simulated Bitget when none is set).",
        "With --base-url all three variables are required."})
    String baseUrl;

    @Option(names = "--demo", description = "Demo trading: sends Bitget's header paptrading: 1 (needs a demo API key).")
    boolean demo;

    @Option(names = "--json", description = "Results as JSON objects on stdout, one per line; notes go to stderr.")
    boolean json;

    @Option(names = "--verbose", description = "Stack traces for unexpected errors (never secrets).")
    boolean verbose;
}
