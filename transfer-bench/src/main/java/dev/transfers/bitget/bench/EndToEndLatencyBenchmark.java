package dev.transfers.bitget.bench;

import com.sun.net.httpserver.HttpServer;
import dev.transfers.bitget.adapter.fake.RecordedTransfer;
import dev.transfers.bitget.adapter.fake.simulator.SimulatedBitget;
import dev.transfers.bitget.adapter.http.BitgetCredentials;
import dev.transfers.bitget.adapter.http.BitgetTransferGateway;
import dev.transfers.bitget.domain.AccountType;
import dev.transfers.bitget.domain.Transfer;
import dev.transfers.bitget.domain.TransferReceipt;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Latency of one transfer on loopback, as a distribution (p50, p99 from {@link Mode#SampleTime}):
 * {@link BitgetTransferGateway} (build the {@code Transfer}, rate limiter, Feign, Jackson, signing,
 * classification) against the {@link HandSigned} baseline, each to the same server:
 * <ul>
 *   <li>{@code server=canned}: a trivial JDK HTTP server answering a canned success; the difference
 *       is close to the library's own cost per transfer on the wire path;</li>
 *   <li>{@code server=simulator}: {@link SimulatedBitget}, which checks the signature, the rate
 *       limit, parameters and balances: end to end.</li>
 * </ul>
 *
 * <p>Rate limits: the gateway's client-side limiter (one permit per 105 ms per limiter, and 10 slots per 1000 ms) and
 * the simulator (10 per 1000 ms per UID) would otherwise make this a measure of waiting. So each
 * side rotates over {@value #KEYS} slots, each with its own key, UID, gateway (or HTTP client) and
 * connection, and an untimed per-invocation setup waits until the next slot was last used at least
 * {@value #SPACING_MILLIS} ms ago. A timed call therefore never waits for a permit and is never
 * refused with 429; the rotation is bounded (the same {@value #KEYS} keys, no leak of limiters).
 * Both sides are paced alike, so idle connections and wake-ups cost them the same.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 10)
@Measurement(iterations = 3, time = 10)
@Fork(1)
@Threads(1)
public class EndToEndLatencyBenchmark {
    static final int KEYS = 64;
    static final long SPACING_MILLIS = 120;
    private static final BigDecimal ONE_CENT = new BigDecimal("0.01");
    private static final Pattern CLIENT_OID = Pattern.compile("\"clientOid\":\"([^\"]+)\"");

    /** What is listening on 127.0.0.1, and the rotation over its keys. */
    @State(Scope.Thread)
    public abstract static class Target {
        @Param({"canned", "simulator"})
        public String server;

        private HttpServer canned;
        private SimulatedBitget simulator;
        private final long[] lastUse = new long[KEYS];
        int slot = -1;

        @Setup(Level.Trial)
        public void start() {
            String label = getClass().getSimpleName() + System.nanoTime();
            List<Loopback.Account> accounts = Loopback.accounts(label, KEYS);
            URI baseUri;
            if ("canned".equals(server)) {
                canned = Loopback.cannedSuccessServer();
                baseUri = Loopback.uri(canned);
            } else if ("simulator".equals(server)) {
                simulator = Loopback.simulator(accounts);
                baseUri = simulator.baseUri();
            } else {
                throw new IllegalArgumentException("server must be canned or simulator: " + server);
            }
            for (int i = 0; i < KEYS; i++) {
                open(i, baseUri, accounts.get(i));
            }
        }

        abstract void open(int slot, URI baseUri, Loopback.Account account);

        /** Untimed: moves to the next slot and waits until it has rested {@value #SPACING_MILLIS} ms. */
        @Setup(Level.Invocation)
        public void pace() {
            slot = (slot + 1) % KEYS;
            long due = lastUse[slot] + TimeUnit.MILLISECONDS.toNanos(SPACING_MILLIS);
            for (long wait = due - System.nanoTime(); lastUse[slot] != 0 && wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            lastUse[slot] = System.nanoTime();
        }

        @TearDown(Level.Trial)
        public void stop() {
            if (canned != null) {
                canned.stop(0);
            }
            if (simulator != null) {
                // Every request is valid and funded, so a request whose clientOid was not applied was
                // refused: a 429 would mean the pacing failed and a timed call included a retry.
                Set<String> applied = simulator.appliedTransfers().stream().map(RecordedTransfer::clientOid)
                        .collect(Collectors.toSet());
                List<String> requested = simulator.requests().stream()
                        .filter(r -> r.method().equals("POST") && r.path().equals(HandSigned.PATH))
                        .map(r -> CLIENT_OID.matcher(r.body()))
                        .filter(Matcher::find)
                        .map(m -> m.group(1))
                        .toList();
                long refused = requested.stream().filter(oid -> !applied.contains(oid)).count();
                System.out.println("simulator: of the last " + requested.size() + " transfer requests, " + refused
                        + " not applied (refused)");
                simulator.close();
            }
        }
    }

    /** One {@link BitgetTransferGateway} per slot, each with its own rate limiter. */
    @State(Scope.Thread)
    public static class Gateways extends Target {
        private final BitgetTransferGateway[] gateways = new BitgetTransferGateway[KEYS];

        @Override
        void open(int slot, URI baseUri, Loopback.Account account) {
            gateways[slot] = BitgetTransferGateway.builder()
                    .baseUrl(baseUri)
                    .credentials(BitgetCredentials.hmac(account.apiKey(), account.secret(), account.passphrase()))
                    .readTimeout(Duration.ofSeconds(10))
                    .build();
        }

        BitgetTransferGateway current() {
            return gateways[slot];
        }
    }

    /** One hand-written {@code java.net.http} client per slot. */
    @State(Scope.Thread)
    public static class HandClients extends Target {
        private final HandSigned[] clients = new HandSigned[KEYS];

        @Override
        void open(int slot, URI baseUri, Loopback.Account account) {
            clients[slot] = new HandSigned(baseUri, account.apiKey(), account.secret(), account.passphrase());
        }

        HandSigned current() {
            return clients[slot];
        }
    }

    /** Baseline: hand-written JSON, hand-made HMAC, one java.net.http POST, a string check of the answer. */
    @Benchmark
    public void baselineHandSigned(HandClients clients) throws Exception {
        clients.current().transferOrFail();
    }

    /** The library: build and validate a {@code Transfer}, then {@code gateway.transfer(...)}. */
    @Benchmark
    public TransferReceipt gateway(Gateways gateways) {
        Transfer transfer = Transfer.builder().from(AccountType.SPOT).to(AccountType.USDT_FUTURES)
                .amount(ONE_CENT).coin("USDT").build();
        return gateways.current().transfer(transfer);
    }
}
