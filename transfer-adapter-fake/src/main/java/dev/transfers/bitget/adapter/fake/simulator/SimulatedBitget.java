package dev.transfers.bitget.adapter.fake.simulator;

import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.transfers.bitget.adapter.fake.ExchangeLedger;
import dev.transfers.bitget.adapter.fake.RecordedTransfer;
import dev.transfers.bitget.domain.Sleeper;
import dev.transfers.bitget.domain.AccountType;
import dev.transfers.bitget.domain.Holding;
import dev.transfers.bitget.domain.Transfer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A simulated Bitget exchange: a real HTTP/1.1 server on 127.0.0.1 that serves
 * {@code POST /api/v2/spot/wallet/transfer}, {@code GET /api/v2/spot/account/transferRecords} and
 * {@code GET /api/v2/public/time} as Bitget does, with its headers, HMAC-SHA256 and RSA signatures,
 * timestamp window, per-UID rate limits, parameter checks, balances, clientOid idempotency, transfer
 * history, envelopes and error codes, plus wire faults per endpoint ({@link #faults()},
 * {@link #recordsFaults()}), a clock offset for tests, and a simulated network delay each way
 * ({@link Builder#networkDelay}) for round trips as long as real ones.
 *
 * <p>Both signed endpoints first check, in this order; the first failing check answers with
 * Bitget's envelope ({@code "data":null}), HTTP 400 unless noted, and nothing is applied:
 * <ol>
 *   <li>40001 ACCESS-KEY missing or blank; 40006 ACCESS-KEY not registered;</li>
 *   <li>HTTP 429, code {@code "429"}: the key's UID already had the endpoint's limit of accepted
 *       requests in the last 1000 ms: {@value #TRANSFER_RATE_LIMIT} for the transfer,
 *       {@value #RECORDS_RATE_LIMIT} for the records, two separate budgets (every request that gets
 *       past the key check counts, whatever it later becomes);</li>
 *   <li>40002 ACCESS-SIGN missing or blank; 40005 ACCESS-TIMESTAMP missing, blank or not digits;
 *       40011 ACCESS-PASSPHRASE missing or blank;</li>
 *   <li>40008 timestamp more than 30 s from the simulator's clock (offset included);</li>
 *   <li>40012 passphrase wrong; 40009 signature wrong (Base64 HMAC-SHA256, or SHA256withRSA for a key
 *       registered with {@link Credentials#liveRsa}, over timestamp + method +
 *       path [+ "?" + the raw query exactly as received] + the body bytes received, none for a GET);
 *       40099 {@code paptrading: 1} sent with a live key, or not sent with a demo-trading key (the
 *       message says which);</li>
 * </ol>
 *
 * <p>A transfer request then checks, in this order:
 * <ol>
 *   <li>40007 Content-Type not {@code application/json};</li>
 *   <li>40017 body not UTF-8 strict JSON holding one object (or over 64 KiB); 40020 a known field
 *       that is not a JSON string; 40019 fromType, toType, amount or coin missing or blank (checked
 *       in that order, the message names it); 40020 unknown account type; 40020 "Parameter toType
 *       error" when fromType equals toType; 43048 symbol missing when a side is isolated_margin;
 *       40020 amount not a positive plain decimal ({@code [0-9]+(.[0-9]+)?}); 40305 clientOid not
 *       1 to 64 of {@code [A-Za-z0-9._:-]};</li>
 *   <li>a clientOid this UID already used returns the first transfer's answer, whatever the other
 *       fields (43137 "transfer in progress" or 42013 "transfer failed" when the history holds it as
 *       processing or failed, see {@link #recordTransfer}); 43129 coin never seeded in any account;
 *       43012 insufficient balance. These are the in-memory fake's answers too: both use one
 *       {@link ExchangeLedger}.</li>
 * </ol>
 * A symbol is ignored when neither side is isolated margin.
 *
 * <p>A transfer-records request ({@code GET /api/v2/spot/account/transferRecords?coin=USDT&...})
 * then checks, in this order: 40017 a malformed percent-encoding; 40019 {@code coin} missing or blank; 40020 {@code fromType} not an
 * account type; 40020 {@code idLessThan} not digits; 40020 {@code startTime} or {@code endTime} not
 * digits, {@code endTime} before {@code startTime}, or more than 90 days from {@code startTime} to
 * {@code endTime} (now when absent); 40020 {@code limit} not 1 to 500. It answers the caller's UID's records only, newest first, at most {@code limit}
 * (default 100), filtered by coin (without regard to case), {@code clientOid}, {@code fromType},
 * {@code idLessThan} (transferId below) and {@code startTime}/{@code endTime} (inclusive;
 * {@code pageNum} is ignored), in the shape of Bitget's documented sample:
 * <pre>{@code
 * {"code":"00000","msg":"success","requestTime":1700000000000,
 *  "data":[{"coin":"usdt","status":"Successful","toType":"usdt_futures","toSymbol":"",
 *           "fromType":"spot","fromSymbol":"","size":"25.00000000","ts":"1700000000000",
 *           "clientOid":"abc-1","transferId":"1180000000000000001"}]}
 * }</pre>
 * {@code coin} in lower case, {@code size} with (at least) 8 decimals, {@code ts} a string, the
 * symbols empty unless a side is isolated margin, {@code clientOid} empty when none was sent.
 * Any other path or method answers HTTP 404 with code 40404.
 *
 * <p>It keeps one set of balances, shared by every registered key; each key's UID scopes the rate
 * limits (measured on {@link System#nanoTime()}), the clientOids it has used and its transfer
 * history, whose times come from the simulator's clock (offset included). Thread safe. Secrets
 * never appear in its output.
 *
 * <pre>{@code
 * try (SimulatedBitget sim = SimulatedBitget.builder()
 *         .credentials(SimulatedBitget.Credentials.live("key", "secret", "passphrase", "uid-1"))
 *         .start()) {
 *     sim.seedBalance(AccountType.SPOT, "USDT", new BigDecimal("1000"));
 *     sim.recordsFaults().tooManyRequests();   // the next records request gets 429; transfers are untouched
 *     URI baseUri = sim.baseUri();
 * }
 * }</pre>
 */
public final class SimulatedBitget implements AutoCloseable {
    /**
     * API key of the public test credentials ({@link Builder#withPublicTestCredentials()}): a
     * <em>live</em> key (its requests must not carry {@code paptrading: 1}); "test" because it is
     * published and guards nothing but the simulator.
     */
    public static final String TEST_API_KEY = "bg_simulated_test_key";
    /** Secret of the public test credentials. Public on purpose: it guards nothing but the simulator. */
    public static final String TEST_API_SECRET = "simulated-test-secret";
    /** Passphrase of the public test credentials. */
    public static final String TEST_API_PASSPHRASE = "simulated-test-passphrase";
    /** UID of the public test credentials. */
    public static final String TEST_UID = "simulated-test-uid";

    /** Accepted transfer requests per UID in any 1000 ms. */
    public static final int TRANSFER_RATE_LIMIT = 10;
    /** Accepted transfer-records requests per UID in any 1000 ms, a budget apart from the transfer's. */
    public static final int RECORDS_RATE_LIMIT = 20;
    static final String TIME_PATH = "/api/v2/public/time";
    private static final Duration RATE_WINDOW = Duration.ofMillis(1000);
    private static final int REQUEST_LOG_CAPACITY = 10_000;
    private static final AtomicInteger SERVER_NUMBER = new AtomicInteger();

    private final Clock clock;
    private final AtomicReference<Duration> clockOffset = new AtomicReference<>(Duration.ZERO);
    private final ExchangeLedger ledger = new ExchangeLedger(this::serverTime);
    private final Faults faults = new Faults(this::serverTime);
    private final Faults recordsFaults = new Faults(this::serverTime);
    private final Deque<RecordedRequest> requestLog = new ArrayDeque<>();
    private final TransferEndpoint transferEndpoint;
    private final TransferRecordsEndpoint recordsEndpoint;
    private final HttpServer server;
    private final URI baseUri;
    private final ExecutorService executor;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final NetworkDelay networkDelay;
    private final Sleeper sleeper;

    private SimulatedBitget(Builder builder) {
        this.clock = builder.clock;
        this.networkDelay = builder.networkDelay;
        this.sleeper = builder.sleeper;
        Authenticator authenticator = new Authenticator(builder.credentialsByKey, this::serverTime);
        this.transferEndpoint = new TransferEndpoint(authenticator,
                new SlidingWindowRateLimiter(TRANSFER_RATE_LIMIT, RATE_WINDOW, System::nanoTime), ledger,
                this::serverTime);
        this.recordsEndpoint = new TransferRecordsEndpoint(authenticator,
                new SlidingWindowRateLimiter(RECORDS_RATE_LIMIT, RATE_WINDOW, System::nanoTime), ledger,
                this::serverTime, builder.recordsLag);
        String threadPrefix = "simulated-bitget-" + SERVER_NUMBER.incrementAndGet() + "-";
        AtomicInteger threadNumber = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, threadPrefix + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
            this.server = HttpServer.create(new InetSocketAddress(loopback, builder.port), 0);
        } catch (IOException e) {
            executor.shutdownNow();
            throw new UncheckedIOException("cannot bind 127.0.0.1:" + builder.port, e);
        }
        this.baseUri = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** A builder with an ephemeral port, the system clock and no credentials. */
    public static Builder builder() {
        return new Builder();
    }

    /** {@code http://127.0.0.1:<port>}, the base URL to give a client. */
    public URI baseUri() {
        return baseUri;
    }

    /** Sets the balance of a holding; its coin becomes known to the exchange. */
    public void seedBalance(Holding holding, BigDecimal amount) {
        ledger.seed(Objects.requireNonNull(holding, "holding"), amount);
    }

    /** Sets the balance of a coin in an account type other than isolated margin; the coin becomes known. */
    public void seedBalance(AccountType account, String coin, BigDecimal amount) {
        seedBalance(Holding.of(account, coin), amount);
    }

    /** Sets the balance of a coin in one isolated-margin symbol; {@code account} must be ISOLATED_MARGIN. */
    public void seedBalance(AccountType account, String symbol, String coin, BigDecimal amount) {
        seedBalance(new Holding(account, Objects.requireNonNull(symbol, "symbol"), coin), amount);
    }

    /** The balance of a holding; zero if never seeded or moved there. */
    public BigDecimal balance(Holding holding) {
        return ledger.balance(Objects.requireNonNull(holding, "holding"));
    }

    /** The balance of a coin in an account type other than isolated margin; zero if never seeded. */
    public BigDecimal balance(AccountType account, String coin) {
        return balance(Holding.of(account, coin));
    }

    /** The balance of a coin in one isolated-margin symbol; zero if never seeded. */
    public BigDecimal balance(AccountType account, String symbol, String coin) {
        return balance(new Holding(account, Objects.requireNonNull(symbol, "symbol"), coin));
    }

    /** The fault queue of the transfer endpoint ({@code POST /api/v2/spot/wallet/transfer}). */
    public Faults faults() {
        return faults;
    }

    /**
     * The fault queue of the transfer-records endpoint ({@code GET /api/v2/spot/account/transferRecords}),
     * separate from the transfer's: {@code sim.recordsFaults().tooManyRequests()} touches lookups only.
     */
    public Faults recordsFaults() {
        return recordsFaults;
    }

    /**
     * Moves the simulator's clock by this much from the injected clock (negative for behind): the
     * timestamp check, {@code requestTime} and {@code /api/v2/public/time} all use the moved clock.
     */
    public void clockOffset(Duration offset) {
        clockOffset.set(Objects.requireNonNull(offset, "offset"));
    }

    /** The requests received on any path, oldest first (at most the latest 10,000). */
    public List<RecordedRequest> requests() {
        synchronized (requestLog) {
            return List.copyOf(requestLog);
        }
    }

    /** The transfers applied (of every UID), in the order they were applied; replays of a clientOid are not repeated. */
    public List<RecordedTransfer> appliedTransfers() {
        return ledger.applied();
    }

    /** The transfer history of one UID, every status, newest first: what the records endpoint serves. */
    public List<RecordedTransfer> history(String uid) {
        return ledger.history(Objects.requireNonNull(uid, "uid"));
    }

    /**
     * Puts {@code transfer} into the history of {@code uid} as {@code FAILED} or {@code PROCESSING},
     * moving nothing, so that settlement can be tested: the records endpoint then shows it with that
     * status, and a transfer request with its clientOid is answered 42013 "transfer failed" or 43137
     * "transfer in progress" (both in doubt on the wire) instead of being applied.
     *
     * @throws IllegalArgumentException for {@code SUCCESSFUL} (make the transfer instead) or a
     *         clientOid already in that UID's history
     */
    public RecordedTransfer recordTransfer(String uid, Transfer transfer, RecordedTransfer.Status status) {
        Objects.requireNonNull(uid, "uid");
        return ledger.record(uid, ExchangeLedger.Order.of(Objects.requireNonNull(transfer, "transfer")), status);
    }

    /** How many applied transfers carry this clientOid (over every UID): 0 or 1 for one UID. */
    public long appliedCount(String clientOid) {
        return ledger.appliedCount(clientOid);
    }

    /** Stops the server at once, dropping exchanges in progress, and its threads. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "SimulatedBitget[" + baseUri + (closed.get() ? ", closed" : "") + "]";
    }

    private Instant serverTime() {
        return clock.instant().plus(clockOffset.get());
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        if (!travel()) {
            exchange.close();
            return;
        }
        Instant arrival = serverTime();
        String method = exchange.getRequestMethod();
        URI uri = exchange.getRequestURI();
        record(new RecordedRequest(method, uri.getRawPath(), uri.getRawQuery(), exchange.getRequestHeaders(),
                new String(body, StandardCharsets.UTF_8), arrival));
        if ("POST".equals(method) && TransferEndpoint.PATH.equals(uri.getRawPath())) {
            faults.next().respond(exchange, () -> travelBack(
                    transferEndpoint.handle(uri.getRawPath(), uri.getRawQuery(), exchange.getRequestHeaders(), body)));
        } else if ("GET".equals(method) && TransferRecordsEndpoint.PATH.equals(uri.getRawPath())) {
            recordsFaults.next().respond(exchange, () -> travelBack(
                    recordsEndpoint.handle(uri.getRawPath(), uri.getRawQuery(), exchange.getRequestHeaders())));
        } else if ("GET".equals(method) && TIME_PATH.equals(uri.getRawPath())) {
            Instant now = serverTime();
            JsonObject data = new JsonObject();
            data.addProperty("serverTime", Long.toString(now.toEpochMilli()));
            travelBack(Response.success(now, data)).writeTo(exchange);
        } else {
            travelBack(Response.error(404, "40404", "Request URL NOT FOUND", serverTime())).writeTo(exchange);
        }
    }

    /**
     * Waits out one way of the simulated network (nothing without {@link Builder#networkDelay});
     * false when interrupted (the simulator is closing).
     */
    private boolean travel() {
        Duration delay = networkDelay.next();
        if (delay.isZero()) {
            return true;
        }
        try {
            sleeper.sleep(delay);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The answer, after the way back; the request was handled (and stamped) before it. */
    private Response travelBack(Response response) {
        travel();
        return response;
    }

    private void record(RecordedRequest request) {
        synchronized (requestLog) {
            if (requestLog.size() == REQUEST_LOG_CAPACITY) {
                requestLog.removeFirst();
            }
            requestLog.addLast(request);
        }
    }

    /**
     * Registered API credentials: a live key, or a demo-trading key (Bitget's demo trading, whose
     * requests must carry {@code paptrading: 1}); an HMAC key (signed with its {@code secret}) or an
     * RSA key (signed with SHA256withRSA, checked with its {@code rsaPublicKey}): exactly one of the two.
     */
    public record Credentials(String apiKey, String secret, String passphrase, String uid, Environment environment,
                              PublicKey rsaPublicKey) {
        /** Which trading environment a key belongs to: live trading, or Bitget's demo trading. */
        public enum Environment { LIVE, DEMO_TRADING }

        public Credentials {
            requireText(apiKey, "apiKey");
            if ((secret == null) == (rsaPublicKey == null)) {
                throw new IllegalArgumentException("exactly one of secret (HMAC key) and rsaPublicKey (RSA key)");
            }
            if (secret != null) {
                requireText(secret, "secret");
            } else if (!"RSA".equals(rsaPublicKey.getAlgorithm())) {
                throw new IllegalArgumentException("rsaPublicKey must be an RSA key, not " + rsaPublicKey.getAlgorithm());
            }
            requireText(passphrase, "passphrase");
            requireText(uid, "uid");
            Objects.requireNonNull(environment, "environment");
        }

        /** An HMAC key. */
        public Credentials(String apiKey, String secret, String passphrase, String uid, Environment environment) {
            this(apiKey, secret, passphrase, uid, environment, null);
        }

        /** A live key: its requests must not carry {@code paptrading: 1}. */
        public static Credentials live(String apiKey, String secret, String passphrase, String uid) {
            return new Credentials(apiKey, secret, passphrase, uid, Environment.LIVE);
        }

        /** A demo-trading key: its requests must carry {@code paptrading: 1}. */
        public static Credentials demoTrading(String apiKey, String secret, String passphrase, String uid) {
            return new Credentials(apiKey, secret, passphrase, uid, Environment.DEMO_TRADING);
        }

        /** A live RSA key: requests are signed with its private key and checked with {@code publicKey}. */
        public static Credentials liveRsa(String apiKey, PublicKey publicKey, String passphrase, String uid) {
            return new Credentials(apiKey, null, passphrase, uid, Environment.LIVE,
                    Objects.requireNonNull(publicKey, "publicKey"));
        }

        boolean isDemoTrading() {
            return environment == Environment.DEMO_TRADING;
        }

        /** Shows the key, UID and environment; never the secret or passphrase. */
        @Override
        public String toString() {
            return "Credentials[apiKey=" + apiKey + ", uid=" + uid + ", environment=" + environment
                    + (rsaPublicKey == null ? ", secret=[redacted]" : ", RSA") + ", passphrase=[redacted]]";
        }

        private static void requireText(String value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isBlank()) {
                throw new IllegalArgumentException(name + " must not be blank");
            }
        }
    }

    /** Configures and starts a {@link SimulatedBitget}; fails early on bad settings. */
    public static final class Builder {
        private int port;
        private Clock clock = Clock.systemUTC();
        private Duration recordsLag = Duration.ZERO;
        private NetworkDelay networkDelay = NetworkDelay.NONE;
        private Sleeper sleeper = Sleeper.system();
        private final Map<String, Credentials> credentialsByKey = new LinkedHashMap<>();

        private Builder() {
        }

        /** The port to bind on 127.0.0.1; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be 0..65535: " + port);
            }
            this.port = port;
            return this;
        }

        /** Registers a key; call once per key. Each API key may be registered once. */
        public Builder credentials(Credentials credentials) {
            Objects.requireNonNull(credentials, "credentials");
            if (credentialsByKey.putIfAbsent(credentials.apiKey(), credentials) != null) {
                throw new IllegalArgumentException("API key already registered: " + credentials.apiKey());
            }
            return this;
        }

        /**
         * Registers the published test key {@link #TEST_API_KEY} with {@link #TEST_API_SECRET},
         * {@link #TEST_API_PASSPHRASE}, {@link #TEST_UID}: a <em>live</em> key, not a demo-trading one.
         */
        public Builder withPublicTestCredentials() {
            return credentials(Credentials.live(TEST_API_KEY, TEST_API_SECRET, TEST_API_PASSPHRASE, TEST_UID));
        }

        /** The simulator's clock (the system UTC clock by default); {@link #clockOffset} shifts it. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * How long after a transfer is recorded it starts to show in the transfer records (default
         * zero: at once). Bitget does not document how soon a transfer appears there; a lag lets tests
         * check that a client never takes "not in the records yet" for "never applied".
         */
        public Builder recordsLag(Duration recordsLag) {
            Objects.requireNonNull(recordsLag, "recordsLag");
            if (recordsLag.isNegative()) {
                throw new IllegalArgumentException("recordsLag must not be negative: " + recordsLag);
            }
            this.recordsLag = recordsLag;
            return this;
        }

        /**
         * A simulated network between the clients and this exchange, so that round trips on loopback
         * take as long as they do to Bitget: every request waits {@code oneWay} plus a uniform
         * jitter in {@code [-jitter, +jitter]} (drawn from a {@link java.util.Random} seeded with
         * {@code seed}) before it arrives (before its arrival is stamped, the rate limit counts it,
         * and it is handled), and as long again, drawn afresh, before its answer is sent. A round trip
         * therefore takes about {@code 2 * oneWay}. Arrival stamps ({@link #requests()}) stay the
         * exchange's truth. Requests wait on threads of their own, so delays never queue behind one
         * another. Default: no delay.
         *
         * @throws IllegalArgumentException when {@code jitter} is negative or larger than {@code oneWay}
         */
        public Builder networkDelay(Duration oneWay, Duration jitter, long seed) {
            this.networkDelay = NetworkDelay.of(oneWay, jitter, seed);
            return this;
        }

        /** How the simulator waits out its {@linkplain #networkDelay network delay} (default: sleeping). */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * Binds and starts the server.
         *
         * @throws IllegalStateException when no credentials were registered
         * @throws UncheckedIOException  when the port cannot be bound
         */
        public SimulatedBitget start() {
            if (credentialsByKey.isEmpty()) {
                throw new IllegalStateException("no credentials: call credentials(...) or withPublicTestCredentials()");
            }
            return new SimulatedBitget(this);
        }
    }
}
