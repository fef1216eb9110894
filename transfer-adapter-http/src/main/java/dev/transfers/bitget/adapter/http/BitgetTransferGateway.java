package dev.transfers.bitget.adapter.http;

import dev.transfers.bitget.adapter.http.TransferListener.Outcome;
import dev.transfers.bitget.adapter.http.TransferListener.PermitResult;
import dev.transfers.bitget.domain.Sleeper;
import dev.transfers.bitget.domain.RejectionReason;
import dev.transfers.bitget.domain.Transfer;
import dev.transfers.bitget.domain.TransferGateway;
import dev.transfers.bitget.domain.TransferHistory;
import dev.transfers.bitget.domain.TransferHistoryUnavailableException;
import dev.transfers.bitget.domain.TransferOutcomeUnknownException;
import dev.transfers.bitget.domain.TransferQuery;
import dev.transfers.bitget.domain.TransferReceipt;
import dev.transfers.bitget.domain.TransferRejectedException;
import dev.transfers.bitget.domain.TransferStatus;
import feign.Feign;
import feign.FeignException;
import feign.Request;
import feign.Response;
import feign.Retryer;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link TransferGateway} over Bitget's REST API ({@code POST /api/v2/spot/wallet/transfer}).
 *
 * <p>Each call sends the transfer, signed with a fresh timestamp per attempt, and ends in one of
 * the port's three outcomes, reported only on proof:
 * <ul>
 *   <li>a receipt when Bitget answers {@code 00000} with a {@code transferId}, or when its transfer
 *       records show the clientOid {@code Successful};</li>
 *   <li>{@link TransferRejectedException} when Bitget rejected the transfer itself (balance, amount,
 *       parameters, coin: it looks the clientOid up first), when its records show the clientOid
 *       {@code Failed}, or when every attempt was answered without applying (429, credentials,
 *       permission, timestamp) or never sent (connection refused, a failed TLS handshake such as an untrusted certificate,
 *       no rate-limit permit) <em>and</em>
 *       the records, read after the last attempt, hold no such transfer;</li>
 *   <li>{@link TransferOutcomeUnknownException} otherwise: a request may still be in flight (a
 *       dropped connection after sending, a timeout, HTTP 5xx, an unreadable answer, an "in
 *       progress" code) and the records do not show it, or the records say {@code Processing}, or
 *       they could not be read.</li>
 * </ul>
 * So a rejection never rests on this process's memory: the same {@code Transfer} repeated in a new
 * process, after a crash, learns from Bitget's records that an earlier process applied it. The rule
 * is {@link OutcomeRule}'s; the last fifth of the {@linkplain Builder#deadline(Duration) deadline}
 * is kept for reading the records.
 *
 * <p>It is also the {@link TransferHistory} port: {@link #statusOf(TransferQuery)} reads the
 * records ({@code GET /api/v2/spot/account/transferRecords}) with the same signing, retries,
 * deadline and clock resynchronisation, under a rate limit of their own (Bitget allows 20 requests
 * per second per UID there).
 *
 * <p>Safe failures are retried with the same body bytes and clientOid under the
 * {@link RetryPolicy} and the overall {@linkplain Builder#deadline(Duration) deadline}; a clock
 * error (40005, 40008) resynchronises with Bitget's server time and retries once. Every attempt
 * first takes a permit from its {@linkplain Builder#rateLimiter(RequestRateLimiter) rate limiter}
 * (at most 10 requests in any 1000 ms): the gateway's own by default, or one shared with other
 * gateways of the UID, or through Redis by every process of a fleet. The permit is given back when
 * the attempt ends, with Bitget's {@code requestTime} from the answer (when the request was
 * handled), so that the limiter can date the arrival and give the permit's claim again as soon as
 * the next request through it cannot arrive within 1000 ms of this one: requests stalled before
 * they leave cannot arrive together, and the round trip is not charged to the limit. No request is sent
 * without a permit; when a shared limiter cannot be asked, the call sends nothing (a rejection
 * with reason {@link RejectionReason#EXCHANGE_UNREACHABLE} whose cause is a
 * {@link RateLimiterUnavailableException}).
 *
 * <p>A repeat of a transfer whose earlier call through this gateway ended in doubt is more careful
 * still: since a request of the earlier call may yet arrive, records that do not show it leave the
 * repeat in doubt too, unless the exchange rejected the transfer itself.
 *
 * <p>Credentials never travel in clear text beyond this machine: the base URL is {@code https://}
 * (the JDK's trust store and host-name check by default, TLS 1.2 or newer, redirects never
 * followed; {@link Builder#sslContext(javax.net.ssl.SSLContext)} for a private CA), or
 * {@code http://} to a loopback host, unless
 * {@link Builder#allowCleartextCredentialsToNonLoopbackHosts()} says otherwise.
 *
 * <p>{@linkplain Builder#addListener(TransferListener) Listeners} hear each call's end, each attempt,
 * each rate-limit wait, each settlement lookup and each clock resync, on the caller's thread (for
 * metrics: {@code transfer-micrometer}); none by default.
 *
 * <p>Instances are safe for concurrent use; their configuration is immutable. {@link #close()}
 * closes the rate limiter the gateway made itself; a limiter given to the builder is its maker's to close.
 */
public final class BitgetTransferGateway implements TransferGateway, TransferHistory, AutoCloseable {
    /** Bitget's production API. */
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.bitget.com");

    private static final Logger LOG = LoggerFactory.getLogger(BitgetTransferGateway.class);
    /** How many clientOids that ended in doubt a gateway remembers. */
    private static final int IN_DOUBT_MEMORY = 100_000;
    /** The share of the deadline kept for reading the transfer records: one part in this many. */
    private static final int SETTLEMENT_SHARE = 5;

    private final Settings settings;
    private final BitgetApi api;
    private final OkHttpTransport transport;
    private final BitgetPublicApi publicApi;
    private final ExchangeClock exchangeClock;
    private final ResponseClassifier classifier;
    private final RequestRateLimiter rateLimiter;
    private final TransferRecordsReader records;
    private final InDoubtClientOids clientOidsInDoubt = new InDoubtClientOids(IN_DOUBT_MEMORY);
    private final TransferEvents events;
    /** The share of the deadline kept for the records, worked out once ({@code dividedBy} uses BigDecimal). */
    private final Duration settlementReserve;

    private BitgetTransferGateway(Settings settings) {
        this.settings = settings;
        this.settlementReserve = settings.deadline().dividedBy(SETTLEMENT_SHARE);
        this.events = new TransferEvents(settings.listeners(), settings.clock());
        this.exchangeClock = new ExchangeClock(settings.clock());
        this.classifier = new ResponseClassifier(settings.clock());
        this.rateLimiter = settings.rateLimiter() == null ? new LocalRateLimiter() : settings.rateLimiter();
        // OkHttp (OkHttpTransport), chosen by measurement, rather than Feign's default
        // HttpURLConnection client: HttpURLConnection silently resends a POST on some connection
        // failures (sun.net.http.retryPost), which would hide attempts from the retry accounting;
        // OkHttpTransport never resends, never follows a redirect, speaks HTTP/1.1 and TLS 1.2 or newer.
        // It reads the body at once, bounded in size and by the attempt's read timeout.
        OkHttpTransport client = new OkHttpTransport(settings.sslContext(), settings.tlsProtocols(),
                settings.connectTimeout(), settings.readTimeout());
        this.transport = client;
        String target = settings.baseUrl().toString().replaceFirst("/+$", "");
        this.api = Feign.builder()
                .client(client)
                .encoder(new TransferRequestBodyEncoder())
                .retryer(Retryer.NEVER_RETRY)
                .target(new SigningTarget(target, settings.credentials(), exchangeClock, settings.locale(),
                        settings.demoTrading()));
        this.publicApi = Feign.builder()
                .client(client)
                .retryer(Retryer.NEVER_RETRY)
                .target(BitgetPublicApi.class, target);
        this.records = new TransferRecordsReader(api, classifier, exchangeClock, this::resyncClock,
                this::attemptOptions, settings.retryPolicy(), settings.clock(), settings.sleeper());
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
     * What Bitget's transfer records say of {@code query}'s clientOid: applied (with the record),
     * failed, processing, or not found among the transfers of the coin in the last 89 days. Reads
     * within the {@linkplain Builder#deadline(Duration) deadline}, retrying what is safe.
     *
     * @throws TransferHistoryUnavailableException when the records could not be read
     */
    @Override
    public TransferStatus statusOf(TransferQuery query) {
        Objects.requireNonNull(query, "query");
        LookupOutcome outcome = records.read(query, settings.clock().instant().plus(settings.deadline()));
        if (outcome instanceof LookupOutcome.Seen seen) {
            return seen.status();
        }
        LookupOutcome.Unavailable unavailable = (LookupOutcome.Unavailable) outcome;
        throw new TransferHistoryUnavailableException(query.clientOid(), unavailable.description(),
                unavailable.cause());
    }

    /**
     * Closes the connections to the exchange that are kept alive and idle, and the rate limiter this
     * gateway made itself (when the builder was given none); a limiter given to
     * {@link Builder#rateLimiter(RequestRateLimiter)} stays open for the other gateways that use it.
     * Call it once the gateway's last transfer has returned.
     */
    @Override
    public void close() {
        transport.closeIdleConnections();
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
        private final Transfer transfer;
        private final String clientOid;
        private final TransferRequestBody body;
        /** When the call must end, records read. */
        private final Instant deadline;
        /** When the last attempt must have started, so that the records can still be read. */
        private final Instant attemptsDeadline;
        private final boolean earlierCallInDoubt;
        private final Instant started;
        private final List<String> history = new ArrayList<>();
        private final List<AttemptResult> results = new ArrayList<>();
        private int attempts;
        private boolean clockResynced;
        private AttemptResult last;
        private Throwable lastCause;
        /** The exchange's {@code requestTime} in the answer to the attempt being made, for the rate limiter. */
        private OptionalLong lastRequestTime = OptionalLong.empty();
        /** When the attempt being made was sent, and the HTTP status of its answer, for the listeners. */
        private Instant attemptStarted;
        private OptionalInt lastStatus = OptionalInt.empty();

        Run(Transfer transfer) {
            this.transfer = transfer;
            this.clientOid = transfer.clientOid();
            this.body = TransferRequestBody.of(transfer);
            Instant now = settings.clock().instant();
            this.started = now;
            this.deadline = now.plus(settings.deadline());
            this.attemptsDeadline = deadline.minus(settlementReserve);
            this.earlierCallInDoubt = clientOidsInDoubt.contains(clientOid);
            if (earlierCallInDoubt) {
                history.add("an earlier call with this clientOid ended in doubt");
            }
        }

        TransferReceipt execute() {
            try {
                while (attempts < settings.retryPolicy().maxAttempts()) {
                    Duration remaining = remaining();
                    if (remaining.toMillis() < 1) {
                        return settle("the deadline of " + settings.deadline() + " passed");
                    }
                    Instant permitAsked = settings.clock().instant();
                    Optional<RequestRateLimiter.Permit> permit;
                    try {
                        permit = rateLimiter.acquire(remaining, settings.sleeper());
                    } catch (RateLimiterUnavailableException unavailable) {
                        permitWaited(PermitResult.LIMITER_UNAVAILABLE, permitAsked);
                        if (last == null || last instanceof AttemptResult.NotSent) {
                            lastCause = unavailable;
                        }
                        return settle(unavailable.getMessage());
                    }
                    permitWaited(permit.isPresent() ? PermitResult.GRANTED : PermitResult.DEADLINE, permitAsked);
                    if (permit.isEmpty()) {
                        return settle("the deadline of " + settings.deadline()
                                + " would pass while waiting for the client-side rate limiter");
                    }
                    AttemptResult result = null;
                    lastRequestTime = OptionalLong.empty();
                    try {
                        remaining = remaining();
                        if (remaining.toMillis() >= 1) {
                            attempts++;
                            result = send(remaining);
                        }
                    } finally {
                        permit.get().release(result == null ? OptionalLong.empty() : lastRequestTime,
                                result instanceof AttemptResult.RateLimited);
                    }
                    if (result == null) {
                        // Given back before the records are read: a slot is not held through a lookup.
                        return settle("the deadline of " + settings.deadline() + " passed");
                    }
                    record(result);
                    if (result instanceof AttemptResult.Applied applied) {
                        echoCheck(applied);
                        return settle("answered");
                    }
                    if (result instanceof AttemptResult.Rejected rejected) {
                        return settle(rejected.settlesTransfer() ? "rejected" : rejected.description());
                    }
                    if (result instanceof AttemptResult.ClockRejected) {
                        if (clockResynced) {
                            return settle("the exchange refused the timestamp again after the clock was resynchronised");
                        }
                        if (!resyncClock(remaining())) {
                            return settle("the exchange refused the timestamp and its server time could not be read");
                        }
                        clockResynced = true;
                        continue;
                    }
                    if (attempts < settings.retryPolicy().maxAttempts()) {
                        Duration wait = backoff(result);
                        if (wait.compareTo(remaining()) >= 0) {
                            return settle("the next retry, due in " + wait.toMillis() + " ms, would pass the deadline");
                        }
                        LOG.info("Transfer {}: attempt {} failed ({}); retrying in {} ms", clientOid, attempts,
                                result.description(), wait.toMillis());
                        settings.sleeper().sleep(wait);
                    }
                }
                return settle("gave up after " + attempts + " attempt" + (attempts == 1 ? "" : "s"));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return settle("the calling thread was interrupted");
            }
        }

        /** Time left for attempts (the call's deadline less what is kept for reading the records). */
        private Duration remaining() {
            return Duration.between(settings.clock().instant(), attemptsDeadline);
        }

        private AttemptResult send(Duration remaining) {
            attemptStarted = settings.clock().instant();
            lastStatus = OptionalInt.empty();
            Request.Options options = attemptOptions(remaining);
            try (Response response = api.transfer(body, options)) {
                lastStatus = OptionalInt.of(response.status());
                byte[] bytes;
                try {
                    bytes = Wire.readBody(response);
                } catch (IOException broken) {
                    return new AttemptResult.InDoubt(Optional.empty(), broken,
                            "HTTP " + response.status() + " with a body that broke off while reading ("
                                    + Wire.describe(broken) + ")");
                }
                ResponseClassifier.TransferAnswer answer = classifier.transferAnswer(response.status(),
                        response.headers(), bytes);
                lastRequestTime = answer.requestTime();
                return answer.result();
            } catch (FeignException failed) {
                return fromTransportFailure(failed);
            } catch (RuntimeException unexpected) {
                return new AttemptResult.InDoubt(Optional.empty(), unexpected,
                        "unexpected failure while sending (" + Wire.describe(unexpected) + ")");
            }
        }

        private void record(AttemptResult result) {
            // Appended rather than +: on every call's path, and + would first generate method handles.
            history.add(new StringBuilder("attempt ").append(attempts).append(": ").append(result.description())
                    .toString());
            results.add(result);
            last = result;
            if (result instanceof AttemptResult.InDoubt inDoubt) {
                lastCause = inDoubt.cause();
            } else if (result instanceof AttemptResult.NotSent notSent) {
                lastCause = notSent.cause();
            }
            LOG.debug("Transfer {} attempt {}: {}", clientOid, attempts, result.description());
            events.attemptEnded(clientOid, attempts, result, lastStatus, attemptStarted);
        }

        private void permitWaited(PermitResult result, Instant asked) {
            events.permitWaited(clientOid, result, asked);
        }

        private void echoCheck(AttemptResult.Applied applied) {
            applied.echoedClientOid().filter(echo -> !echo.equals(clientOid)).ifPresent(echo -> LOG.warn(
                    "Transfer {}: Bitget echoed clientOid {} with transfer {}; keeping the receipt", clientOid, echo,
                    applied.transferId()));
        }

        private Duration backoff(AttemptResult result) {
            Optional<Duration> retryAfter = Optional.empty();
            if (result instanceof AttemptResult.RateLimited limited) {
                retryAfter = limited.retryAfter();
            } else if (result instanceof AttemptResult.InDoubt inDoubt) {
                retryAfter = inDoubt.retryAfter();
            }
            return settings.retryPolicy().delayBefore(attempts, retryAfter);
        }

        /**
         * Ends the call as {@link OutcomeRule} decides from what it saw, reading the transfer records
         * first when the attempts alone prove nothing: returns the receipt, or throws the rejection
         * or the outcome unknown.
         *
         * @param why why the attempts stopped, for the message
         */
        private TransferReceipt settle(String why) {
            Optional<LookupOutcome> lookup = Optional.empty();
            if (OutcomeRule.needsLookup(results)) {
                history.add(why);
                Instant lookupStarted = settings.clock().instant();
                lookup = Optional.of(records.read(TransferQuery.of(transfer), deadline));
                events.settlementLookedUp(clientOid, lookup.get(), lookupStarted);
                history.add(lookup.get().description());
            }
            OutcomeRule.Decision decision = OutcomeRule.decide(results, earlierCallInDoubt, lookup);
            if (decision instanceof OutcomeRule.Decision.Applied applied) {
                clientOidsInDoubt.forget(clientOid);
                if (LOG.isDebugEnabled()) { // four arguments would build an array on every call
                    LOG.debug("Transfer {} applied as {} after {} attempt(s): {}", clientOid, applied.transferId(),
                            attempts, applied.proof());
                }
                events.callEnded(clientOid, Outcome.APPLIED, TransferEvents.appliedReason(results), attempts,
                        started);
                return new TransferReceipt(applied.transferId(), clientOid);
            }
            if (decision instanceof OutcomeRule.Decision.Rejected rejected) {
                clientOidsInDoubt.forget(clientOid);
                LOG.info("Transfer {}: not applied ({}): {}", clientOid, rejected.proof(), whatHappened());
                events.callEnded(clientOid, Outcome.REJECTED, TransferListener.CallEnded.reasonOf(rejected.reason()),
                        attempts, started);
                Throwable cause = rejected.reason() == RejectionReason.EXCHANGE_UNREACHABLE ? lastCause : null;
                throw rejection(rejected.reason(), rejected.code(), rejected.message(), cause);
            }
            String unknown = whatHappened() + "; " + ((OutcomeRule.Decision.Unknown) decision).why();
            clientOidsInDoubt.remember(clientOid);
            LOG.warn("Transfer {}: outcome unknown: {}", clientOid, unknown);
            events.callEnded(clientOid, Outcome.UNKNOWN, TransferEvents.unknownReason(lookup), attempts,
                    started);
            throw new TransferOutcomeUnknownException(clientOid, unknown, lastCause);
        }

        /** The attempts and lookups so far, for a message: kept out of the applied path, which needs none. */
        private String whatHappened() {
            return history.isEmpty() ? "no request was sent" : String.join("; ", history);
        }

        private TransferRejectedException rejection(RejectionReason reason, String code, String message,
                Throwable cause) {
            return new TransferRejectedException(reason, code, message, clientOid, cause);
        }
    }

    /** Reads Bitget's clock and corrects the offset; false when no usable answer came in {@code remaining}. */
    private boolean resyncClock(Duration remaining) {
        if (remaining.toMillis() < 1) {
            return false;
        }
        Instant asked = settings.clock().instant();
        long sent = settings.clock().millis();
        boolean resynced = false;
        try (Response response = publicApi.serverTime(attemptOptions(remaining))) {
            byte[] bytes = Wire.readBody(response);
            long received = settings.clock().millis();
            Optional<Long> serverTime = classifier.serverTime(response.status(), bytes);
            serverTime.ifPresent(server -> exchangeClock.resync(server, sent, received));
            LOG.info("Clock offset to Bitget {}",
                    serverTime.map(t -> "now " + exchangeClock.offsetMillis() + " ms").orElse("unknown: no usable server time"));
            resynced = serverTime.isPresent();
        } catch (IOException | RuntimeException failed) {
            LOG.info("Reading Bitget's server time failed ({})", Wire.describe(failed));
        }
        events.clockResynced(resynced, exchangeClock.offsetMillis(), asked);
        return resynced;
    }

    private Request.Options attemptOptions(Duration remaining) {
        Duration read = settings.readTimeout().compareTo(remaining) < 0 ? settings.readTimeout() : remaining;
        // The connect timeout is OkHttpTransport's own, set when the gateway is built.
        return new Request.Options(settings.connectTimeout(), read, false);
    }

    /**
     * An attempt Feign could not complete. Only the JDK cause is kept: Feign's exceptions carry the
     * request, signed headers included.
     */
    private static AttemptResult fromTransportFailure(FeignException failed) {
        Throwable cause = failed.getCause();
        if (cause instanceof ConnectException || cause instanceof UnknownHostException
                || cause instanceof NoRouteToHostException || isConnectTimeout(cause)) {
            return new AttemptResult.NotSent(cause, "could not connect (" + Wire.describe(cause) + ")");
        }
        if (cause instanceof SSLHandshakeException) {
            // The request is written only once the handshake has succeeded, so nothing was sent.
            return new AttemptResult.NotSent(cause, "the TLS handshake failed before the request was sent ("
                    + Wire.describe(cause) + ")");
        }
        if (cause instanceof InterruptedIOException) {
            return new AttemptResult.InDoubt(Optional.empty(), cause,
                    "no answer within the read timeout (" + Wire.describe(cause) + ")");
        }
        if (cause != null) {
            return new AttemptResult.InDoubt(Optional.empty(), cause,
                    "the connection failed after the request was sent (" + Wire.describe(cause) + ")");
        }
        return new AttemptResult.InDoubt(Optional.empty(), null,
                "the HTTP client failed (" + failed.getClass().getSimpleName() + ", status " + failed.status() + ")");
    }

    /**
     * The JDK's socket connect timing out (OkHttp lets it through as it is): nothing was sent. Any
     * other timeout, OkHttp's call timeout included, may have come after sending, so is in doubt.
     */
    private static boolean isConnectTimeout(Throwable cause) {
        return cause instanceof SocketTimeoutException && "Connect timed out".equals(cause.getMessage());
    }

    /** The validated configuration of a gateway. */
    private record Settings(URI baseUrl, BitgetCredentials credentials, boolean demoTrading, Duration connectTimeout,
            Duration readTimeout, Duration deadline, RetryPolicy retryPolicy, RequestRateLimiter rateLimiter,
            String locale, Clock clock, Sleeper sleeper, SSLContext sslContext, List<String> tlsProtocols,
            List<TransferListener> listeners) {
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
        private SSLContext sslContext;
        private boolean allowCleartextCredentials;
        private final List<TransferListener> listeners = new ArrayList<>();

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
         * The overall time one {@code transfer} or {@code statusOf} call may take, every attempt,
         * backoff and rate-limiter wait included (default 30 s). A transfer's attempts keep the last
         * fifth of it for reading the transfer records when they did not settle the transfer. A
         * retry that cannot start in time is not made; a single request may overrun it by at most
         * the connect timeout.
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
         * Adds a listener that hears each call, attempt, rate-limit wait, settlement lookup and clock
         * resync of the gateway (see {@link TransferListener}); call again to add more, which hear
         * every event in the order added. Listeners are called on the caller's thread and must be
         * quick; what one throws is logged and ignored. Default: none, at no cost.
         */
        public Builder addListener(TransferListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
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
            if (!locale.matches("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*")) {
                throw new IllegalArgumentException("locale must be a language tag such as en-US or zh-CN, not '"
                        + locale + "'");
            }
            SSLContext tls = sslContext == null ? defaultSslContext() : sslContext;
            List<String> tlsProtocols = tlsProtocols(tls);
            warnOfCleartextCredentials();
            return new BitgetTransferGateway(new Settings(baseUrl, credentials, demoTrading, connectTimeout,
                    readTimeout, deadline, retryPolicy, rateLimiter, locale, clock, sleeper, tls, tlsProtocols,
                    List.copyOf(listeners)));
        }

        /** The check of a base URL, shared with {@link BitgetServerTime}. */
        static void requireHttpUrl(URI url) {
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
        }

        /** The JDK's default TLS context, shared with {@link BitgetServerTime}. */
        static SSLContext defaultSslContext() {
            try {
                return SSLContext.getDefault();
            } catch (NoSuchAlgorithmException noTls) {
                throw new IllegalStateException("the JDK offers no default TLS context", noTls);
            }
        }

        /** The context's default protocols from TLS 1.2 on, in its order of preference. */
        static List<String> tlsProtocols(SSLContext tls) {
            List<String> protocols = Arrays.stream(tls.getDefaultSSLParameters().getProtocols())
                    .filter(protocol -> protocol.equals("TLSv1.3") || protocol.equals("TLSv1.2"))
                    .toList();
            if (protocols.isEmpty()) {
                throw new IllegalArgumentException("sslContext must offer TLSv1.3 or TLSv1.2, not only "
                        + Arrays.toString(tls.getDefaultSSLParameters().getProtocols()));
            }
            return protocols;
        }

        /** The check of a timeout, shared with {@link BitgetServerTime}. */
        static void requirePositive(Duration duration, String name) {
            if (duration.isZero() || duration.isNegative()) {
                throw new IllegalArgumentException(name + " must be positive, not " + duration);
            }
            if (duration.toMillis() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(name + " must be under " + Integer.MAX_VALUE + " ms");
            }
        }
    }
}
