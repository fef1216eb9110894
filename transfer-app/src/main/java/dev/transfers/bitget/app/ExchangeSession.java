package dev.transfers.bitget.app;

import dev.transfers.bitget.adapter.fake.simulator.SimulatedBitget;
import dev.transfers.bitget.adapter.http.LoopbackHosts;
import dev.transfers.bitget.domain.TransferGateway;
import dev.transfers.bitget.domain.TransferHistory;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

/**
 * The gateway one command uses, chosen from the environment and the options:
 * <ul>
 *   <li>credentials in the environment and no {@code --base-url}: Bitget at {@value #BITGET_BASE_URL};</li>
 *   <li>credentials and {@code --base-url}: that URL;</li>
 *   <li>no credentials and no {@code --base-url}: an embedded {@link SimulatedBitget}, said on stderr;</li>
 *   <li>incomplete credentials, or {@code --base-url} without credentials: a {@link UsageException}
 *       naming the missing variables.</li>
 * </ul>
 * An {@code http://} base URL, or a {@code redis://} URL with a password, to a host that is not
 * loopback ({@link LoopbackHosts}) is a {@link UsageException} unless {@value #CLEARTEXT_OPTION} is
 * given, and then a warning on stderr.
 * Closing it closes the gateway (when closeable) and the embedded simulator.
 */
final class ExchangeSession implements AutoCloseable {
    static final String BITGET_BASE_URL = "https://api.bitget.com";
    static final String CLEARTEXT_OPTION = "--allow-cleartext-credentials";

    private final TransferGateway gateway;
    private final SimulatedBitget embedded;

    private ExchangeSession(TransferGateway gateway, SimulatedBitget embedded) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.embedded = embedded;
    }

    /** Checks the options and environment without starting anything; throws {@link UsageException}. */
    static void check(ExchangeOptions options, Environment environment) {
        resolve(options, environment, RateLimitOptions.resolve(options, environment));
    }

    static ExchangeSession open(ExchangeOptions options, Environment environment, GatewayFactory gateways,
            PrintWriter err) {
        boolean demoTrading = options.demo;
        RateLimitOptions rateLimit = RateLimitOptions.resolve(options, environment);
        ExchangeTarget target = resolve(options, environment, rateLimit);
        warnOfCleartextCredentials(target == null ? null : target.baseUrl(), rateLimit.redisUrl(), err);
        if (target != null) {
            return new ExchangeSession(gateways.create(target), null);
        }
        SimulatedBitget sim = DemoExchange.builder(0).start();
        try {
            DemoExchange.seedDemoBalances(sim);
            err.println("note: no BITGET_API_KEY, BITGET_API_SECRET, BITGET_API_PASSPHRASE and no --base-url:"
                    + " using an embedded simulated Bitget at " + sim.baseUri()
                    + " with sample balances (" + DemoExchange.demoBalancesText() + "). No real money moves.");
            err.flush();
            TransferGateway gateway = gateways.create(new ExchangeTarget(sim.baseUri(),
                    DemoExchange.credentials(demoTrading), demoTrading, rateLimit.redisUrl(), rateLimit.key(),
                    options.allowCleartextCredentials));
            return new ExchangeSession(gateway, sim);
        } catch (RuntimeException | Error e) {
            sim.close();
            throw e;
        }
    }

    /** The target for a real exchange, or {@code null} for the embedded simulator. */
    private static ExchangeTarget resolve(ExchangeOptions options, Environment environment,
            RateLimitOptions rateLimit) {
        String baseUrl = options.baseUrl;
        ApiCredentials.Lookup lookup = ApiCredentials.from(environment);
        URI url = baseUrl == null ? null : parseBaseUrl(baseUrl, options.allowCleartextCredentials);
        if (lookup.none() && url == null) {
            return null;
        }
        if (lookup.credentials().isEmpty()) {
            String why = url != null ? "--base-url " + baseUrl + " needs credentials" : "incomplete credentials";
            throw new UsageException(why + ": set " + String.join(", ", lookup.missing())
                    + " in the environment (never as arguments)"
                    + (lookup.missing().contains(ApiCredentials.SECRET_VARIABLE)
                            ? " " + ApiCredentials.RSA_HINT : ""));
        }
        return new ExchangeTarget(url == null ? URI.create(BITGET_BASE_URL) : url, lookup.credentials().get(),
                options.demo, rateLimit.redisUrl(), rateLimit.key(), options.allowCleartextCredentials);
    }

    private static URI parseBaseUrl(String baseUrl, boolean allowCleartextCredentials) {
        try {
            URI url = new URI(baseUrl);
            if (!("http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme()))
                    || url.getHost() == null) {
                throw new UsageException("--base-url must be an http or https URL such as https://api.bitget.com, not "
                        + baseUrl);
            }
            if (!allowCleartextCredentials && LoopbackHosts.wouldSendCredentialsInClearText(url)) {
                throw new UsageException("--base-url " + baseUrl + " is plain HTTP to a host that is not loopback:"
                        + " the API key, the passphrase and a signature that can be replayed would travel in clear"
                        + " text. Use https://; only for a TLS-terminating proxy on a private network, add "
                        + CLEARTEXT_OPTION);
            }
            return url;
        } catch (URISyntaxException e) {
            throw new UsageException("--base-url is not a valid URL: " + baseUrl);
        }
    }

    /** Says on stderr what {@value #CLEARTEXT_OPTION} lets travel unencrypted, if anything. */
    private static void warnOfCleartextCredentials(URI baseUrl, URI redisUrl, PrintWriter err) {
        if (baseUrl != null && LoopbackHosts.wouldSendCredentialsInClearText(baseUrl)) {
            err.println("warning: " + CLEARTEXT_OPTION + ": the API key, the passphrase and replayable signatures"
                    + " travel unencrypted to " + baseUrl);
        }
        if (redisUrl != null && LoopbackHosts.wouldSendCredentialsInClearText(redisUrl)) {
            err.println("warning: " + CLEARTEXT_OPTION + ": the Redis password travels unencrypted to "
                    + RateLimitOptions.mask(redisUrl));
        }
        err.flush();
    }

    TransferGateway gateway() {
        return gateway;
    }

    /**
     * The exchange's transfer records, read through the same adapter.
     *
     * @throws IllegalStateException when the configured adapter cannot read them
     */
    TransferHistory history() {
        if (gateway instanceof TransferHistory history) {
            return history;
        }
        throw new IllegalStateException("the gateway " + gateway.getClass().getSimpleName()
                + " cannot read the exchange's transfer records");
    }

    @Override
    public void close() {
        try {
            if (gateway instanceof AutoCloseable closeable) {
                closeable.close();
            }
        } catch (Exception e) {
            // Nothing depends on closing the gateway cleanly at the end of a command.
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }
}
