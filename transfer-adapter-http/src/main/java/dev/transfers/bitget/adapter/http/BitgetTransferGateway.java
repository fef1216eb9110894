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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
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
 *       ({@link RejectionReason#EXCHANGE_UNREACHABLE}: connection refused on every attempt, or the
 *       deadline passed before a first request could be sent);</li>
 *   <li>{@link TransferOutcomeUnknownException} when any attempt may have been applied (a dropped
 *       connection after sending, a timeout, HTTP 5xx, an unreadable answer, an "in progress"
 *       code) and no later answer settled it.</li>
 * </ul>
 *
 * <p>Safe failures are retried with the same body bytes and clientOid under the
 * {@link RetryPolicy} and the overall {@linkplain Builder#deadline(Duration) deadline}; a clock
 * error (40005, 40008) resynchronises with Bitget's server time and retries once. Every attempt
 * first takes a permit from its {@linkplain Builder#rateLimiter(RequestRateLimiter) rate limiter}
 * (at most 10 requests in any 1000 ms): the gateway's own by default, or one shared with other
 * gateways of the UID, or through Redis by every process of a fleet, and then one of the
 * limiter's 10 slots of this process (a {@link SendWindow}), held from the send until 1000 ms after
 * the attempt ended, so that requests stalled before they leave cannot arrive together. No request is sent
 * without a permit; when a shared limiter cannot be asked, the call sends nothing (a rejection
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
 * <p>Instances are safe for concurrent use; their configuration is immutable. {@link #close()}
 * closes the rate limiter the gateway made itself; a limiter given to the builder is its maker's to close.
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
    private final RequestRateLimiter rateLimiter;
    private final SendWindow sendWindow;
    private final InDoubtClientOids clientOidsInDoubt = new InDoubtClientOids(IN_DOUBT_MEMORY);

    private BitgetTransferGateway(Settings settings) {
        this.settings = settings;
        this.exchangeClock = new ExchangeClock(settings.clock());
        ObjectMapper json = new ObjectMapper();
        this.classifier = new ResponseClassifier(json, settings.clock());
        this.rateLimiter = settings.rateLimiter() == null ? new LocalRateLimiter() : settings.rateLimiter();
        this.sendWindow = rateLimiter.sendWindow();
        // The JDK HttpClient (through feign-java11) rather than Feign's default HttpURLConnection
        // client: HttpURLConnection silently resends a POST on some connection failures
        // (sun.net.http.retryPost), which would hide attempts from the retry accounting; the JDK
        // client never resends a POST by itself. HTTP/1.1 because over plain http:// the client
        // would otherwise send h2c upgrade headers. Redirects are never followed for a payment.
        // BodyDeadlineClient extends the read timeout over the body, which the JDK client's
        // request timeout does not cover.
        HttpClient httpClient = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
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

    /**
     * Closes the rate limiter this gateway made itself (when the builder was given none); a limiter
     * given to {@link Builder#rateLimiter(RequestRateLimiter)} stays open for the other gateways
     * that use it.
     */
    @Override
    public void close() {
        if (settings.rateLimiter() == null) {
            rateLimiter.close();
        }
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
            Duration readTimeout, Duration deadline, RetryPolicy retryPolicy, RequestRateLimiter rateLimiter,
            String locale, Clock clock, Sleeper sleeper) {
        /** Never a secret: BitgetCredentials and the limiter's description show none. */
        @Override
        public String toString() {
            return "Settings[" + baseUrl + ", " + credentials + ", "
                    + (rateLimiter == null ? "a rate limiter of its own" : rateLimiter.describe()) + "]";
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
        private RequestRateLimiter rateLimiter;
        private String locale = "en-US";
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();

        private Builder() {
        }

        /** Where Bitget's API is (default {@code https://api.bitget.com}); http or https, no query. */
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
         * The client-side rate limit (Bitget allows 10 requests per second per UID) every attempt
         * passes. Give every gateway of one UID the same instance: a {@link LocalRateLimiter} for the
         * gateways of one process, or a limiter shared through Redis
         * ({@code transfer-adapter-http-redis}) for a fleet. The caller closes it once every gateway
         * that uses it is done. Default: a new {@link LocalRateLimiter} for this gateway alone, so
         * two gateways built without this setting keep two separate limits.
         */
        public Builder rateLimiter(RequestRateLimiter rateLimiter) {
            this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
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
            requirePositive(connectTimeout, "connectTimeout");
            requirePositive(readTimeout, "readTimeout");
            requirePositive(deadline, "deadline");
            if (!locale.matches("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*")) {
                throw new IllegalArgumentException("locale must be a language tag such as en-US or zh-CN, not '"
                        + locale + "'");
            }
            return new BitgetTransferGateway(new Settings(baseUrl, credentials, demoTrading, connectTimeout,
                    readTimeout, deadline, retryPolicy, rateLimiter, locale, clock, sleeper));
        }

        private static void requireHttpUrl(URI url) {
            String scheme = url.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || url.getHost() == null || url.getQuery() != null || url.getFragment() != null) {
                throw new IllegalArgumentException("baseUrl must be an absolute http or https URL without query,"
                        + " such as https://api.bitget.com, not '" + url + "'");
            }
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
