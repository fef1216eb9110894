package dev.transfers.bitget.adapter.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.transfers.bitget.domain.RejectionReason;
import dev.transfers.bitget.domain.Transfer;
import dev.transfers.bitget.domain.TransferGateway;
import dev.transfers.bitget.domain.TransferOutcomeUnknownException;
import dev.transfers.bitget.domain.TransferReceipt;
import dev.transfers.bitget.domain.TransferRejectedException;
import feign.Feign;
import feign.FeignException;
import feign.Request;
import feign.Response;
import feign.Retryer;
import feign.http2client.Http2Client;
import feign.jackson.JacksonEncoder;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link TransferGateway} over Bitget's REST API ({@code POST /api/v2/spot/wallet/transfer}).
 *
 * <p>Each call sends the transfer, signed with a fresh timestamp per attempt, and ends in one of
 * the port's three outcomes:
 * <ul>
 *   <li>a receipt when Bitget answers {@code 00000} with a {@code transferId};</li>
 *   <li>{@link TransferRejectedException} when the answer proves nothing was applied: a Bitget
 *       error code (see {@link BitgetErrorCode}), a well-formed Bitget error with an HTTP 4xx
 *       status and an unknown code ({@link RejectionReason#OTHER}), HTTP 429 on the last attempt
 *       ({@link RejectionReason#RATE_LIMITED}), or no request ever reached the exchange
 *       ({@link RejectionReason#EXCHANGE_UNREACHABLE}: connection refused or a failed TLS handshake,
 *       such as an untrusted certificate, on every attempt, or the deadline passed before a first
 *       request could be sent);</li>
 *   <li>{@link TransferOutcomeUnknownException} when any attempt may have been applied (a dropped
 *       connection after sending, a timeout, HTTP 5xx, an unreadable answer, an "in progress"
 *       code) and no later answer settled it.</li>
 * </ul>
 *
 * <p>Safe failures are retried with the same body bytes and clientOid under the
 * {@link RetryPolicy} and the overall {@linkplain Builder#deadline(Duration) deadline}; a clock
 * error (40005, 40008) resynchronises with Bitget's server time and retries once. Every attempt
 * first takes a permit from the rate limiter of its {@linkplain Builder#rateLimitKey(String) rate-limit
 * key} (at most 10 requests in any 1000 ms): the process-wide one by default, or one shared through
 * Redis by every process of a fleet ({@link Builder#redisRateLimit(URI)}), and then one of the
 * key's 10 slots of this process (a {@link SendWindow}), held from the send until 1000 ms after
 * the attempt ended, so that requests stalled before they leave cannot arrive together. No request is sent
 * without a permit; when the shared limiter cannot be asked, the call sends nothing (a rejection
 * with reason {@link RejectionReason#EXCHANGE_UNREACHABLE} whose cause is a
 * {@link RateLimiterUnavailableException}).
 *
 * <p>A repeat of a transfer whose earlier call through this gateway ended in doubt is reported
 * "not applied" only on an answer that proves it (a business rejection, given after the exchange
 * looked the clientOid up); a 429, a refused connection or an authentication error on the repeat
 * leaves the outcome unknown. A new process has no such memory: after a restart, treat a
 * rejection of a repeated clientOid with reason {@code RATE_LIMITED}, {@code EXCHANGE_UNREACHABLE},
 * {@code AUTHENTICATION}, {@code PERMISSION} or {@code CLOCK_SKEW} as "this call applied nothing".
 *
 * <p>Credentials never travel in clear text beyond this machine: the base URL is {@code https://}
 * (the JDK's trust store and host-name check by default, TLS 1.2 or newer, redirects never
 * followed; {@link Builder#sslContext(javax.net.ssl.SSLContext)} for a private CA), or
 * {@code http://} to a loopback host, unless
 * {@link Builder#allowCleartextCredentialsToNonLoopbackHosts()} says otherwise.
 *
 * <p>Instances are safe for concurrent use; their configuration is immutable. {@link #close()}
 * releases the Redis connection of a shared rate limit (nothing otherwise).
 */
public final class BitgetTransferGateway implements TransferGateway, AutoCloseable {
    /** Bitget's production API. */
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.bitget.com");

    private static final Logger LOG = LoggerFactory.getLogger(BitgetTransferGateway.class);
    /** How many clientOids that ended in doubt a gateway remembers. */
    private static final int IN_DOUBT_MEMORY = 100_000;

    private final Settings settings;
    private final BitgetApi api;
    private final BitgetPublicApi publicApi;
    private final ExchangeClock exchangeClock;
    private final ResponseClassifier classifier;
    private final PermitSource rateLimiter;
    private final SendWindow sendWindow;
    private final InDoubtClientOids clientOidsInDoubt = new InDoubtClientOids(IN_DOUBT_MEMORY);

    private BitgetTransferGateway(Settings settings) {
        this.settings = settings;
        this.exchangeClock = new ExchangeClock(settings.clock());
        ObjectMapper json = new ObjectMapper();
        this.classifier = new ResponseClassifier(json, settings.clock());
        this.sendWindow = SendWindow.forKey(settings.rateLimitKey());
        this.rateLimiter = settings.redisUri() == null
                ? RateLimiterRegistry.local(settings.rateLimitKey())
                : new RedisRateLimiter(settings.redisUri(), settings.rateLimitKey());
        // The JDK HttpClient (through feign-java11) rather than Feign's default HttpURLConnection
        // client: HttpURLConnection silently resends a POST on some connection failures
        // (sun.net.http.retryPost), which would hide attempts from the retry accounting; the JDK
        // client never resends a POST by itself. HTTP/1.1 because over plain http:// the client
        // would otherwise send h2c upgrade headers. Redirects are never followed for a payment.
        // BodyDeadlineClient extends the read timeout over the body, which the JDK client's
        // request timeout does not cover. Over https:// the client checks the host name against the
        // certificate; the TLS versions are narrowed to 1.2 and newer.
        SSLParameters tls = settings.sslContext().getDefaultSSLParameters();
        tls.setProtocols(settings.tlsProtocols().toArray(String[]::new));
        HttpClient httpClient = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .sslContext(settings.sslContext())
                .sslParameters(tls)
                .build();
        BodyDeadlineClient client = new BodyDeadlineClient(new Http2Client(httpClient));
        String target = settings.baseUrl().toString().replaceFirst("/+$", "");
        this.api = Feign.builder()
                .client(client)
                .encoder(new JacksonEncoder(json))
                .retryer(Retryer.NEVER_RETRY)
                .requestInterceptor(new SigningInterceptor(settings.credentials(), exchangeClock, settings.locale(),
                        settings.demoTrading()))
                .target(BitgetApi.class, target);
        this.publicApi = Feign.builder()
                .client(client)
                .retryer(Retryer.NEVER_RETRY)
                .target(BitgetPublicApi.class, target);
    }

    /** A builder; {@link Builder#credentials(BitgetCredentials)} is required. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public TransferReceipt transfer(Transfer transfer) {
        Objects.requireNonNull(transfer, "transfer");
        return new Run(transfer).execute();
    }

    /** Closes the Redis connection of a shared rate limit; later transfers are rejected unsent. */
    @Override
    public void close() {
        rateLimiter.close();
    }

    @Override
    public String toString() {
        return "BitgetTransferGateway[" + settings.baseUrl() + (settings.demoTrading() ? ", demo trading" : "")
                + ", " + settings.credentials() + ", " + rateLimiter.describe() + "]";
    }

    /** The state of one {@link #transfer(Transfer)} call across its attempts. */
    private final class Run {
        private final String clientOid;
        private final TransferRequestBody body;
        private final Instant deadline;
        private final List<String> history = new ArrayList<>();
        private int attempts;
        private boolean possiblyApplied;
        private boolean clockResynced;
        private AttemptResult last;
        private Throwable lastCause;

        Run(Transfer transfer) {
            this.clientOid = transfer.clientOid();
            this.body = TransferRequestBody.of(transfer);
            this.deadline = settings.clock().instant().plus(settings.deadline());
            if (clientOidsInDoubt.contains(clientOid)) {
                // A repeat after an outcome-unknown: the earlier call may have applied it.
                possiblyApplied = true;
                history.add("an earlier call with this clientOid ended in doubt");
            }
        }

        TransferReceipt execute() {
            try {
                while (attempts < settings.retryPolicy().maxAttempts()) {
                    Duration remaining = remaining();
                    if (remaining.toMillis() < 1) {
                        throw finish("the deadline of " + settings.deadline() + " passed");
                    }
                    boolean permitted;
                    try {
                        permitted = rateLimiter.acquire(remaining, settings.sleeper());
                    } catch (RateLimiterUnavailableException unavailable) {
                        if (last == null || last instanceof AttemptResult.NotSent) {
                            lastCause = unavailable;
                        }
                        throw finish(unavailable.getMessage());
                    }
                    if (!permitted) {
                        throw finish("the deadline of " + settings.deadline()
                                + " would pass while waiting for the client-side rate limiter");
                    }
                    if (!sendWindow.acquire(remaining())) {
                        throw finish("the deadline of " + settings.deadline()
                                + " would pass before one of the 10 requests of the last second finished");
                    }
                    AttemptResult result;
                    try {
                        remaining = remaining();
                        if (remaining.toMillis() < 1) {
                            throw finish("the deadline of " + settings.deadline() + " passed");
                        }
                        attempts++;
                        result = send(remaining);
                    } finally {
                        sendWindow.release();
                    }
                    record(result);
                    if (result instanceof AttemptResult.Applied applied) {
                        clientOidsInDoubt.forget(clientOid);
                        return receipt(applied);
                    }
                    if (result instanceof AttemptResult.Rejected rejected) {
                        if (rejected.settlesTransfer()) {
                            clientOidsInDoubt.forget(clientOid);
                            throw rejection(rejected.reason(), rejected.code(), rejected.message(), null);
                        }
                        throw finish(rejected.description());
                    }
                    if (result instanceof AttemptResult.ClockRejected) {
                        if (clockResynced) {
                            throw finish("the exchange refused the timestamp again after the clock was resynchronised");
                        }
                        if (!resyncClock()) {
                            throw finish("the exchange refused the timestamp and its server time could not be read");
                        }
                        clockResynced = true;
                        continue;
                    }
                    if (attempts < settings.retryPolicy().maxAttempts()) {
                        Duration wait = backoff(result);
                        if (wait.compareTo(remaining()) >= 0) {
                            throw finish("the next retry, due in " + wait.toMillis() + " ms, would pass the deadline");
                        }
                        LOG.info("Transfer {}: attempt {} failed ({}); retrying in {} ms", clientOid, attempts,
                                result.description(), wait.toMillis());
                        settings.sleeper().sleep(wait);
                    }
                }
                throw finish("gave up after " + attempts + " attempt" + (attempts == 1 ? "" : "s"));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw finish("the calling thread was interrupted");
            }
        }

        private Duration remaining() {
            return Duration.between(settings.clock().instant(), deadline);
        }

        private AttemptResult send(Duration remaining) {
            Request.Options options = attemptOptions(remaining);
            try (Response response = api.transfer(body, options)) {
                byte[] bytes;
                try {
                    bytes = readBody(response);
                } catch (IOException broken) {
                    return new AttemptResult.InDoubt(Optional.empty(), broken,
                            "HTTP " + response.status() + " with a body that broke off while reading ("
                                    + describe(broken) + ")");
                }
                return classifier.classify(response.status(), response.headers(), bytes);
            } catch (FeignException failed) {
                return fromTransportFailure(failed);
            } catch (RuntimeException unexpected) {
                return new AttemptResult.InDoubt(Optional.empty(), unexpected,
                        "unexpected failure while sending (" + describe(unexpected) + ")");
            }
        }

        private void record(AttemptResult result) {
            history.add("attempt " + attempts + ": " + result.description());
            last = result;
            if (result instanceof AttemptResult.InDoubt inDoubt) {
                possiblyApplied = true;
                lastCause = inDoubt.cause();
            } else if (result instanceof AttemptResult.NotSent notSent) {
                lastCause = notSent.cause();
            }
            LOG.debug("Transfer {} attempt {}: {}", clientOid, attempts, result.description());
        }

        private TransferReceipt receipt(AttemptResult.Applied applied) {
            applied.echoedClientOid().filter(echo -> !echo.equals(clientOid)).ifPresent(echo -> LOG.warn(
                    "Transfer {}: Bitget echoed clientOid {} with transfer {}; keeping the receipt", clientOid, echo,
                    applied.transferId()));
            LOG.debug("Transfer {} applied as {} after {} attempt(s)", clientOid, applied.transferId(), attempts);
            return new TransferReceipt(applied.transferId(), clientOid);
        }

        private Duration backoff(AttemptResult result) {
            Duration backoff = settings.retryPolicy().backoffBefore(attempts, ThreadLocalRandom.current().nextDouble());
            Optional<Duration> retryAfter = Optional.empty();
            if (result instanceof AttemptResult.RateLimited limited) {
                retryAfter = limited.retryAfter();
            } else if (result instanceof AttemptResult.InDoubt inDoubt) {
                retryAfter = inDoubt.retryAfter();
            }
            return retryAfter.filter(asked -> asked.compareTo(backoff) > 0).orElse(backoff);
        }

        /** Reads Bitget's clock and corrects the offset; false when no usable answer came. */
        private boolean resyncClock() {
            Duration remaining = remaining();
            if (remaining.toMillis() < 1) {
                return false;
            }
            long sent = settings.clock().millis();
            try (Response response = publicApi.serverTime(attemptOptions(remaining))) {
                byte[] bytes = readBody(response);
                long received = settings.clock().millis();
                Optional<Long> serverTime = classifier.serverTime(response.status(), bytes);
                serverTime.ifPresent(server -> exchangeClock.resync(server, sent, received));
                LOG.info("Transfer {}: clock offset to Bitget {}", clientOid,
                        serverTime.map(t -> "now " + exchangeClock.offsetMillis() + " ms").orElse("unknown: no usable server time"));
                return serverTime.isPresent();
            } catch (IOException | RuntimeException failed) {
                LOG.info("Transfer {}: reading Bitget's server time failed ({})", clientOid, describe(failed));
                return false;
            }
        }

        /**
         * The outcome when no attempt settled the transfer: unknown when any attempt may have been
         * applied, otherwise a rejection whose reason is the last attempt's.
         */
        private RuntimeException finish(String why) {
            String whatHappened = (history.isEmpty() ? "no request was sent" : String.join("; ", history))
                    + "; " + why;
            if (possiblyApplied) {
                clientOidsInDoubt.remember(clientOid);
                LOG.warn("Transfer {}: outcome unknown: {}", clientOid, whatHappened);
                return new TransferOutcomeUnknownException(clientOid, whatHappened, lastCause);
            }
            LOG.info("Transfer {}: not applied: {}", clientOid, whatHappened);
            if (last instanceof AttemptResult.RateLimited limited) {
                return rejection(RejectionReason.RATE_LIMITED, limited.code(), limited.message(), null);
            }
            if (last instanceof AttemptResult.ClockRejected clock) {
                return rejection(RejectionReason.CLOCK_SKEW, clock.code(), clock.message(), null);
            }
            if (last instanceof AttemptResult.Rejected rejected) {
                return rejection(rejected.reason(), rejected.code(), rejected.message(), null);
            }
            // No attempt, or only connection failures: no request reached the exchange.
            return rejection(RejectionReason.EXCHANGE_UNREACHABLE, null, null, lastCause);
        }

        private TransferRejectedException rejection(RejectionReason reason, String code, String message,
                Throwable cause) {
            return new TransferRejectedException(reason, code, message, clientOid, cause);
        }
    }

    private Request.Options attemptOptions(Duration remaining) {
        Duration read = settings.readTimeout().compareTo(remaining) < 0 ? settings.readTimeout() : remaining;
        // The connect timeout stays the HttpClient's own: Http2Client builds a new client for any other.
        return new Request.Options(settings.connectTimeout(), read, false);
    }

    /** The body {@link BodyDeadlineClient} already read, bounded in size and time. */
    private static byte[] readBody(Response response) throws IOException {
        if (response.body() == null) {
            return new byte[0];
        }
        try (InputStream in = response.body().asInputStream()) {
            return in.readAllBytes();
        }
    }

    /**
     * An attempt Feign could not complete. Only the JDK cause is kept: Feign's exceptions carry the
     * request, signed headers included.
     */
    private static AttemptResult fromTransportFailure(FeignException failed) {
        Throwable cause = failed.getCause();
        if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException
                || cause instanceof UnknownHostException || cause instanceof NoRouteToHostException) {
            return new AttemptResult.NotSent(cause, "could not connect (" + describe(cause) + ")");
        }
        if (cause instanceof SSLHandshakeException) {
            // The request is written only once the handshake has succeeded, so nothing was sent.
            return new AttemptResult.NotSent(cause, "the TLS handshake failed before the request was sent ("
                    + describe(cause) + ")");
        }
        if (cause instanceof HttpTimeoutException) {
            return new AttemptResult.InDoubt(Optional.empty(), cause,
                    "no answer within the read timeout (" + describe(cause) + ")");
        }
        if (cause != null) {
            return new AttemptResult.InDoubt(Optional.empty(), cause,
                    "the connection failed after the request was sent (" + describe(cause) + ")");
        }
        return new AttemptResult.InDoubt(Optional.empty(), null,
                "the HTTP client failed (" + failed.getClass().getSimpleName() + ", status " + failed.status() + ")");
    }

    private static String describe(Throwable failure) {
        return failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
    }

    /** The validated configuration of a gateway. */
    private record Settings(URI baseUrl, BitgetCredentials credentials, boolean demoTrading, Duration connectTimeout,
            Duration readTimeout, Duration deadline, RetryPolicy retryPolicy, String rateLimitKey, URI redisUri,
            String locale, Clock clock, Sleeper sleeper, SSLContext sslContext, List<String> tlsProtocols) {
        /** Never the Redis URL's password (nor, through BitgetCredentials, any secret). */
        @Override
        public String toString() {
            return "Settings[" + baseUrl + ", " + credentials + ", rateLimitKey set, redis "
                    + (redisUri == null ? "none" : RedisRateLimiter.mask(redisUri)) + "]";
        }
    }

    /**
     * Configures a {@link BitgetTransferGateway}. Only {@link #credentials(BitgetCredentials)} is
     * required; {@link #build()} checks every setting and names the one that is wrong.
     */
    public static final class Builder {
        private URI baseUrl = DEFAULT_BASE_URL;
        private BitgetCredentials credentials;
        private boolean demoTrading;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration readTimeout = Duration.ofSeconds(10);
        private Duration deadline = Duration.ofSeconds(30);
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private String rateLimitKey;
        private URI redisUri;
        private String locale = "en-US";
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();
        private SSLContext sslContext;
        private boolean allowCleartextCredentials;

        private Builder() {
        }

        /**
         * Where Bitget's API is (default {@code https://api.bitget.com}); https, or http to a loopback
         * host only (such as a simulated Bitget on {@code 127.0.0.1}, see
         * {@link #allowCleartextCredentialsToNonLoopbackHosts()}); no query.
         */
        public Builder baseUrl(URI baseUrl) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
            return this;
        }

        /** The API key and what signs with it. Required. */
        public Builder credentials(BitgetCredentials credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        /** Sends {@code paptrading: 1} on every request, for demo-trading API keys (default false). */
        public Builder demoTrading(boolean demoTrading) {
            this.demoTrading = demoTrading;
            return this;
        }

        /** Longest wait to open a connection (default 5 s). */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
            return this;
        }

        /** Longest wait for an answer to one attempt (default 10 s); never beyond the deadline. */
        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
            return this;
        }

        /**
         * The overall time one {@code transfer} call may take, every attempt, backoff and
         * rate-limiter wait included (default 30 s). A retry that cannot start before it is not
         * made; a single attempt may overrun it by at most the connect timeout.
         */
        public Builder deadline(Duration deadline) {
            this.deadline = Objects.requireNonNull(deadline, "deadline");
            return this;
        }

        /** Attempts and backoff (default {@link RetryPolicy#DEFAULT}). */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /**
         * What the client-side rate limit (10 requests per second) is counted by: Bitget counts
         * per UID, so give the UID when several API keys of one account are used in one process.
         * Every gateway of the process with the same key shares one limiter, and with
         * {@link #redisRateLimit(URI)} every process using that Redis too. Default: the API key.
         */
        public Builder rateLimitKey(String rateLimitKey) {
            this.rateLimitKey = Objects.requireNonNull(rateLimitKey, "rateLimitKey");
            return this;
        }

        /**
         * Shares the rate limit of the {@linkplain #rateLimitKey(String) rate-limit key} through the
         * Redis at {@code redisUri} ({@code redis://host:port}, {@code redis://:password@host:port/0},
         * {@code rediss://} for TLS; standalone Redis), so that every process of a fleet that uses this
         * Redis and key stays within 10 requests in any 1000 ms together, retries included. Default:
         * the limit is this process's own.
         *
         * <p>The bucket is Bucket4j's over Lettuce, on the hosts' wall clocks: keep them in sync (NTP).
         * Redis is asked once per attempt, with a timeout of 1 s; when it cannot be reached or does
         * not answer, the transfer is not sent and is rejected with reason
         * {@link RejectionReason#EXCHANGE_UNREACHABLE} (fail closed, never a silent local fallback).
         * The connection is opened on the first transfer; {@link BitgetTransferGateway#close()}
         * closes it. The password is never printed: messages show the URL as
         * {@code redis://***@host:port}. A password travels over plain {@code redis://} only to a
         * loopback host: elsewhere use {@code rediss://} (see
         * {@link #allowCleartextCredentialsToNonLoopbackHosts()}).
         */
        public Builder redisRateLimit(URI redisUri) {
            this.redisUri = Objects.requireNonNull(redisUri, "redisUri");
            return this;
        }

        /** The {@code locale} header, the language of Bitget's messages (default {@code en-US}). */
        public Builder locale(String locale) {
            this.locale = Objects.requireNonNull(locale, "locale");
            return this;
        }

        /** The clock for timestamps and the deadline (default the system UTC clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How the gateway waits for backoff and rate-limit permits (default {@link Sleeper#system()}). */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * The TLS context for an {@code https://} base URL. Default: the JDK's
         * ({@link SSLContext#getDefault()}), which trusts the JDK's CA certificates, or the trust store
         * named by {@code javax.net.ssl.trustStore}. Give a context of your own to trust a private CA;
         * either way the certificate must name the base URL's host, and only TLS 1.2 and 1.3 are used.
         * <pre>{@code
         * KeyStore trusted = KeyStore.getInstance(new File("private-ca.p12"), storePassword);
         * TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
         * trust.init(trusted);
         * SSLContext tls = SSLContext.getInstance("TLS");
         * tls.init(null, trust.getTrustManagers(), null);
         * BitgetTransferGateway.builder().sslContext(tls)...
         * }</pre>
         */
        public Builder sslContext(SSLContext sslContext) {
            this.sslContext = Objects.requireNonNull(sslContext, "sslContext");
            return this;
        }

        /**
         * <b>Unsafe outside a private network.</b> Allows an {@code http://} base URL, and a
         * {@code redis://} URL with a password, to a host that is not loopback, so that the API key,
         * the passphrase, signatures that can be replayed within Bitget's timestamp window, and the
         * Redis password travel unencrypted to it. Meant only for a TLS-terminating proxy (a sidecar)
         * on a network you trust. Without it, {@link #build()} refuses such URLs: plain HTTP is for
         * loopback ({@code 127.0.0.0/8}, {@code ::1}, {@code localhost}; see {@link LoopbackHosts}),
         * such as a simulated Bitget. Every gateway built with it for such a URL logs a warning (never
         * a secret).
         */
        public Builder allowCleartextCredentialsToNonLoopbackHosts() {
            this.allowCleartextCredentials = true;
            return this;
        }

        /**
         * The gateway.
         *
         * @throws IllegalStateException    when credentials were not set
         * @throws IllegalArgumentException naming a setting that is out of range
         */
        public BitgetTransferGateway build() {
            if (credentials == null) {
                throw new IllegalStateException("credentials is required: call credentials(BitgetCredentials.hmac("
                        + "apiKey, secret, passphrase)) or credentials(BitgetCredentials.rsa(...))");
            }
            requireHttpUrl(baseUrl);
            if (!allowCleartextCredentials && LoopbackHosts.wouldSendCredentialsInClearText(baseUrl)) {
                throw new IllegalArgumentException("baseUrl " + baseUrl + " is plain HTTP to a host that is not"
                        + " loopback: the API key, the passphrase and a signature that can be replayed would travel"
                        + " in clear text. Use https://; only for a TLS-terminating proxy on a private network,"
                        + " call allowCleartextCredentialsToNonLoopbackHosts()");
            }
            requirePositive(connectTimeout, "connectTimeout");
            requirePositive(readTimeout, "readTimeout");
            requirePositive(deadline, "deadline");
            String key = rateLimitKey == null ? credentials.apiKey() : rateLimitKey;
            if (key.isBlank()) {
                throw new IllegalArgumentException("rateLimitKey must not be blank");
            }
            if (redisUri != null) {
                RedisRateLimiter.check(redisUri, allowCleartextCredentials);
            }
            if (!locale.matches("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*")) {
                throw new IllegalArgumentException("locale must be a language tag such as en-US or zh-CN, not '"
                        + locale + "'");
            }
            SSLContext tls = sslContext == null ? defaultSslContext() : sslContext;
            List<String> tlsProtocols = tlsProtocols(tls);
            warnOfCleartextCredentials();
            return new BitgetTransferGateway(new Settings(baseUrl, credentials, demoTrading, connectTimeout,
                    readTimeout, deadline, retryPolicy, key, redisUri, locale, clock, sleeper, tls, tlsProtocols));
        }

        private static void requireHttpUrl(URI url) {
            String scheme = url.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || url.getHost() == null || url.getQuery() != null || url.getFragment() != null) {
                throw new IllegalArgumentException("baseUrl must be an absolute http or https URL without query,"
                        + " such as https://api.bitget.com, not '" + url + "'");
            }
        }

        private void warnOfCleartextCredentials() {
            if (allowCleartextCredentials && LoopbackHosts.wouldSendCredentialsInClearText(baseUrl)) {
                LOG.warn("allowCleartextCredentialsToNonLoopbackHosts: the API key, the passphrase and replayable"
                        + " signatures travel unencrypted to {}; use https:// unless a TLS-terminating proxy on a"
                        + " private network is all that is on the way", baseUrl);
            }
            if (allowCleartextCredentials && redisUri != null && LoopbackHosts.wouldSendCredentialsInClearText(redisUri)) {
                LOG.warn("allowCleartextCredentialsToNonLoopbackHosts: the Redis password travels unencrypted to {};"
                        + " use rediss:// unless a TLS-terminating proxy on a private network is all that is on the"
                        + " way", RedisRateLimiter.mask(redisUri));
            }
        }

        private static SSLContext defaultSslContext() {
            try {
                return SSLContext.getDefault();
            } catch (NoSuchAlgorithmException noTls) {
                throw new IllegalStateException("the JDK offers no default TLS context", noTls);
            }
        }

        /** The context's default protocols from TLS 1.2 on, in its order of preference. */
        private static List<String> tlsProtocols(SSLContext tls) {
            List<String> protocols = Arrays.stream(tls.getDefaultSSLParameters().getProtocols())
                    .filter(protocol -> protocol.equals("TLSv1.3") || protocol.equals("TLSv1.2"))
                    .toList();
            if (protocols.isEmpty()) {
                throw new IllegalArgumentException("sslContext must offer TLSv1.3 or TLSv1.2, not only "
                        + Arrays.toString(tls.getDefaultSSLParameters().getProtocols()));
            }
            return protocols;
        }

        private static void requirePositive(Duration duration, String name) {
            if (duration.isZero() || duration.isNegative()) {
                throw new IllegalArgumentException(name + " must be positive, not " + duration);
            }
            if (duration.toMillis() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(name + " must be under " + Integer.MAX_VALUE + " ms");
            }
        }
    }
}
