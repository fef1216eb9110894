package dev.transfers.bitget.bench;

import dev.transfers.bitget.adapter.fake.simulator.SimulatedBitget;
import dev.transfers.bitget.adapter.http.BitgetCredentials;
import dev.transfers.bitget.adapter.http.BitgetTransferGateway;
import dev.transfers.bitget.domain.AccountType;
import dev.transfers.bitget.domain.Transfer;
import dev.transfers.bitget.domain.TransferOutcomeUnknownException;
import dev.transfers.bitget.domain.TransferRejectedException;
import io.github.bucket4j.BlockingStrategy;
import io.github.bucket4j.Bucket;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How close the client-side rate limit comes to Bitget's 10 requests in any 1000 ms per UID, seen
 * from the server: 16 threads saturate ONE UID of a {@link SimulatedBitget} on loopback, and the
 * simulator's recorded arrival times give the sustained rate, the most requests in any sliding
 * 1000 ms window and the margin (shortest span of 11 consecutive arrivals minus 1000 ms).
 *
 * <ol>
 *   <li>{@link BitgetTransferGateway} as shipped (its limiter: capacity 1, greedy refill of 1 per
 *       100 ms, nanosecond precision, plus its send window of 10 slots dated by the answers'
 *       {@code requestTime}; default retry policy), one gateway shared by the 16 threads;</li>
 *   <li>then, for each candidate period P, a standalone Bucket4j bucket of the same shape (capacity 1,
 *       {@code refillGreedy(1, P)}, nanosecond precision, waiting by sleeping as the gateway does)
 *       in front of hand-signed {@code java.net.http} requests from 16 threads sharing one client.</li>
 * </ol>
 * Each configuration gets a fresh simulator. 429s are counted at the server (transfer requests
 * received minus transfers applied: every transfer is valid and funded, so a request that applied
 * nothing was refused by the rate limit) and, for the hand-signed runs, at the client too.
 *
 * <pre>
 * java -cp transfer-bench/target/benchmarks.jar dev.transfers.bitget.bench.RateLimitUtilisation \
 *     [ADAPTER_SECONDS=60] [SECONDS_PER_PERIOD=20] [PERIODS_MS=100,102,105,110]
 * </pre>
 * Two more modes run behind a simulated network (each way half the round trip, jitter ±{@value
 * Loopback#JITTER_PERCENT} %), each against its baseline in the same run, with the figures after the
 * first {@value #WARM_UP_ARRIVALS} arrivals:
 * <pre>
 * ... RateLimitUtilisation rtt [SECONDS=30] [RTTS_MS=0,100,200]
 * ... RateLimitUtilisation batch [ROWS=80] [RTTS_MS=100,200] [JAR=transfer-app/target/bitget-transfer.jar]
 * </pre>
 * Durations are bounded to 1..600 s; every loop stops at its deadline or after
 * {@value #MAX_REQUESTS_PER_THREAD} requests per thread.
 */
public final class RateLimitUtilisation {
    static final int THREADS = 16;
    static final int MAX_REQUESTS_PER_THREAD = 10_000;
    static final Duration WARM_UP = Duration.ofSeconds(2);
    /** Arrivals left out of the round-trip figures: the cold start. */
    static final int WARM_UP_ARRIVALS = 10;
    /** The spacing the baseline of the round-trip runs keeps: the gateway's until the send window dated arrivals. */
    static final long BASELINE_PERIOD_MILLIS = 105;
    private static final BigDecimal ONE_CENT = new BigDecimal("0.01");

    private RateLimitUtilisation() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("rtt")) {
            roundTrips(args);
            return;
        }
        if (args.length > 0 && args[0].equals("batch")) {
            batches(args);
            return;
        }
        int adapterSeconds = bounded(args.length > 0 ? Integer.parseInt(args[0]) : 60);
        int periodSeconds = bounded(args.length > 1 ? Integer.parseInt(args[1]) : 20);
        List<Long> periods = new ArrayList<>();
        for (String period : (args.length > 2 ? args[2] : "100,102,105,110").split(",")) {
            long millis = Long.parseLong(period.trim());
            if (millis < 1 || millis > 1000) {
                throw new IllegalArgumentException("period must be 1..1000 ms: " + millis);
            }
            periods.add(millis);
        }
        System.out.printf(Locale.ROOT, "%d threads on one UID; goal: >= 9.5/s sustained and never more than 10 in"
                + " any 1000 ms at the server%n", THREADS);
        System.out.printf(Locale.ROOT, "BitgetTransferGateway (as shipped) for %d s ...%n", adapterSeconds);
        List<String> table = new ArrayList<>();
        table.add(adapter(adapterSeconds));
        for (long period : periods) {
            System.out.printf(Locale.ROOT, "standalone Bucket4j, period %d ms, for %d s ...%n", period, periodSeconds);
            table.add(standalone(period, periodSeconds));
        }
        System.out.println();
        System.out.println("configuration                    | at the server (arrival times)");
        table.forEach(System.out::println);
    }

    /**
     * {@code rtt [SECONDS=30] [RTTS_MS=0,100,200]}: for each simulated round trip, first the baseline
     * (a standalone Bucket4j bucket of the previous spacing, {@value #BASELINE_PERIOD_MILLIS} ms, in
     * front of hand-signed requests: what spacing alone gives), then the gateway as shipped, each
     * with {@value #THREADS} threads for SECONDS against a fresh simulator.
     */
    private static void roundTrips(String[] args) throws Exception {
        int seconds = bounded(args.length > 1 ? Integer.parseInt(args[1]) : 30);
        List<Duration> roundTrips = roundTrips(args.length > 2 ? args[2] : "0,100,200");
        System.out.printf(Locale.ROOT, "%d threads on one UID, %d s each; figures after the first %d arrivals;"
                + " goal: >= 9.6/s, never more than 10 in any 1000 ms, no 429%n", THREADS, seconds, WARM_UP_ARRIVALS);
        List<String> table = new ArrayList<>();
        for (Duration roundTrip : roundTrips) {
            System.out.printf(Locale.ROOT, "round trip %d ms: baseline, then the gateway ...%n", roundTrip.toMillis());
            Measured baseline = standaloneAt(BASELINE_PERIOD_MILLIS, seconds, roundTrip);
            Measured gateway = adapterAt(seconds, roundTrip);
            table.add(baseline.line(roundTrip, baseline));
            table.add(gateway.line(roundTrip, baseline));
        }
        System.out.println();
        table.forEach(System.out::println);
    }

    /**
     * {@code batch [ROWS=80] [RTTS_MS=100,200] [JAR=transfer-app/target/bitget-transfer.jar]}: for
     * each simulated round trip, first the baseline (one gateway, ROWS transfers one after another
     * from one thread: what {@code batch} did before it sent rows concurrently), then
     * {@code java -jar JAR batch FILE --base-url ...} of a file of ROWS rows, as a user runs it.
     */
    private static void batches(String[] args) throws Exception {
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 80;
        if (rows < 11 || rows > 10_000) {
            throw new IllegalArgumentException("rows must be 11..10000: " + rows);
        }
        List<Duration> roundTrips = roundTrips(args.length > 2 ? args[2] : "100,200");
        Path jar = Path.of(args.length > 3 ? args[3] : "transfer-app/target/bitget-transfer.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException(jar + " not found: build with mvn -B -q package -DskipTests");
        }
        System.out.printf(Locale.ROOT, "batch of %d rows on one UID; figures after the first %d arrivals; goal:"
                + " >= 9.3/s, never more than 10 in any 1000 ms, no 429, every row applied once%n", rows,
                WARM_UP_ARRIVALS);
        List<String> table = new ArrayList<>();
        for (Duration roundTrip : roundTrips) {
            System.out.printf(Locale.ROOT, "round trip %d ms: one row at a time, then the CLI's batch ...%n",
                    roundTrip.toMillis());
            Measured baseline = oneAtATime(rows, roundTrip);
            Measured cli = cliBatch(rows, roundTrip, jar);
            table.add(baseline.line(roundTrip, baseline));
            table.add(cli.line(roundTrip, baseline));
        }
        System.out.println();
        table.forEach(System.out::println);
    }

    private static List<Duration> roundTrips(String list) {
        List<Duration> roundTrips = new ArrayList<>();
        for (String millis : list.split(",")) {
            long value = Long.parseLong(millis.trim());
            if (value < 0 || value > 2000) {
                throw new IllegalArgumentException("round trip must be 0..2000 ms: " + value);
            }
            roundTrips.add(Duration.ofMillis(value));
        }
        return roundTrips;
    }

    /** What one configuration did, at the server after the warm-up, and at the client. */
    private record Measured(String label, Arrivals afterWarmUp, long refused, String client) {
        String line(Duration roundTrip, Measured baseline) {
            return String.format(Locale.ROOT, "RTT %3d ms  %-34s | %s  429s %d  ratio %.3f | %s", roundTrip.toMillis(),
                    label, afterWarmUp.describe(), refused,
                    afterWarmUp.sustainedPerSecond() / baseline.afterWarmUp().sustainedPerSecond(), client);
        }
    }

    private static Measured measured(String label, SimulatedBitget sim, String client) {
        Arrivals arrivals = Arrivals.ofTransfersAfterFirst(sim.requests(), WARM_UP_ARRIVALS);
        long refused = Arrivals.ofTransfers(sim.requests()).count() - sim.appliedTransfers().size();
        return new Measured(label, arrivals, refused, client);
    }

    private static Measured adapterAt(int seconds, Duration roundTrip) throws InterruptedException {
        Loopback.Account account = Loopback.accounts("rtt-gw-" + roundTrip.toMillis(), 1).get(0);
        try (SimulatedBitget sim = Loopback.simulator(List.of(account), roundTrip);
                BitgetTransferGateway gateway = gatewayTo(sim, account)) {
            AtomicLong applied = new AtomicLong();
            AtomicLong failed = new AtomicLong();
            saturate(seconds, () -> {
                try {
                    gateway.transfer(oneCent());
                    applied.incrementAndGet();
                } catch (TransferRejectedException | TransferOutcomeUnknownException e) {
                    failed.incrementAndGet();
                }
            });
            return measured("gateway, " + THREADS + " threads", sim,
                    "client: " + applied.get() + " applied, " + failed.get() + " not");
        }
    }

    private static Measured standaloneAt(long periodMillis, int seconds, Duration roundTrip)
            throws InterruptedException {
        Loopback.Account account = Loopback.accounts("rtt-b4j-" + roundTrip.toMillis(), 1).get(0);
        try (SimulatedBitget sim = Loopback.simulator(List.of(account), roundTrip)) {
            Bucket bucket = spacing(periodMillis);
            BlockingStrategy sleeping = nanos -> TimeUnit.NANOSECONDS.sleep(nanos);
            HttpClient http = HandSigned.newHttpClient();
            AtomicLong ok = new AtomicLong();
            AtomicLong tooMany = new AtomicLong();
            ThreadLocal<HandSigned> client = ThreadLocal.withInitial(() -> new HandSigned(http, sim.baseUri(),
                    account.apiKey(), account.secret(), account.passphrase()));
            saturate(seconds, () -> {
                if (bucket.asBlocking().tryConsume(1, Duration.ofSeconds(10), sleeping)) {
                    HttpResponse<String> response = client.get().post(HandSigned.handWrittenJson());
                    (response.statusCode() == 429 ? tooMany : ok).incrementAndGet();
                }
            });
            return measured("baseline: Bucket4j " + periodMillis + " ms, hand-signed", sim,
                    "client: " + ok.get() + " answered, " + tooMany.get() + " x 429");
        }
    }

    private static Measured oneAtATime(int rows, Duration roundTrip) {
        Loopback.Account account = Loopback.accounts("rtt-seq-" + roundTrip.toMillis(), 1).get(0);
        try (SimulatedBitget sim = Loopback.simulator(List.of(account), roundTrip);
                BitgetTransferGateway gateway = gatewayTo(sim, account)) {
            int applied = 0;
            for (int row = 0; row < rows; row++) {
                try {
                    gateway.transfer(oneCent());
                    applied++;
                } catch (TransferRejectedException | TransferOutcomeUnknownException e) {
                    // counted as not applied
                }
            }
            return measured("baseline: one row at a time", sim, "client: " + applied + " of " + rows + " applied");
        }
    }

    private static Measured cliBatch(int rows, Duration roundTrip, Path jar) throws Exception {
        Loopback.Account account = Loopback.accounts("rtt-cli-" + roundTrip.toMillis(), 1).get(0);
        Path file = Files.createTempFile("rate-limit-batch-", ".csv");
        try (SimulatedBitget sim = Loopback.simulator(List.of(account), roundTrip)) {
            StringBuilder csv = new StringBuilder("from,to,amount,coin,symbol,clientOid\n");
            for (int row = 0; row < rows; row++) {
                csv.append("spot,usdt_futures,0.01,USDT,,\n");
            }
            Files.writeString(file, csv);
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-jar", jar.toString(), "batch", file.toString(), "--base-url",
                    sim.baseUri().toString()).redirectError(ProcessBuilder.Redirect.DISCARD);
            Map<String, String> env = builder.environment();
            env.put("BITGET_API_KEY", account.apiKey());
            env.put("BITGET_API_SECRET", account.secret());
            env.put("BITGET_API_PASSPHRASE", account.passphrase());
            Process process = builder.start();
            List<String> lines;
            try (var out = process.inputReader()) {
                lines = out.lines().toList();
            }
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("batch did not end within 10 minutes");
            }
            long appliedLines = lines.stream().filter(line -> line.contains(": applied transferId=")).count();
            long distinct = sim.appliedTransfers().stream().map(t -> t.clientOid()).distinct().count();
            List<Long> printed = lines.stream().filter(line -> line.startsWith("line "))
                    .map(line -> Long.parseLong(line.substring(5, line.indexOf(':')))).toList();
            boolean inOrder = printed.equals(printed.stream().sorted().toList());
            return measured("bitget-transfer batch (CLI)", sim, String.format(Locale.ROOT,
                    "exit %d, %d rows printed applied, %s, %d applied at the server (%d distinct clientOids)",
                    process.exitValue(), appliedLines, inOrder ? "in row order" : "OUT OF ORDER",
                    sim.appliedTransfers().size(), distinct));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The baseline's bucket: capacity 1, greedy refill of 1 per period, nanosecond precision. */
    private static Bucket spacing(long periodMillis) {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(1).refillGreedy(1, Duration.ofMillis(periodMillis)))
                .withNanosecondPrecision()
                .build();
    }

    private static BitgetTransferGateway gatewayTo(SimulatedBitget sim, Loopback.Account account) {
        return BitgetTransferGateway.builder()
                .baseUrl(sim.baseUri())
                .credentials(BitgetCredentials.hmac(account.apiKey(), account.secret(), account.passphrase()))
                .build();
    }

    private static Transfer oneCent() {
        return Transfer.builder().from(AccountType.SPOT).to(AccountType.USDT_FUTURES).amount(ONE_CENT).coin("USDT")
                .build();
    }

    static int bounded(int seconds) {
        if (seconds < 1 || seconds > 600) {
            throw new IllegalArgumentException("duration must be 1..600 s: " + seconds);
        }
        return seconds;
    }

    private static String adapter(int seconds) throws InterruptedException {
        Loopback.Account account = Loopback.accounts("util-adapter", 1).get(0);
        try (SimulatedBitget sim = Loopback.simulator(List.of(account))) {
            BitgetTransferGateway gateway = BitgetTransferGateway.builder()
                    .baseUrl(sim.baseUri())
                    .credentials(BitgetCredentials.hmac(account.apiKey(), account.secret(), account.passphrase()))
                    .build();
            AtomicLong applied = new AtomicLong();
            AtomicLong rejected = new AtomicLong();
            AtomicLong unknown = new AtomicLong();
            saturate(seconds, () -> {
                Transfer transfer = Transfer.builder().from(AccountType.SPOT).to(AccountType.USDT_FUTURES)
                        .amount(ONE_CENT).coin("USDT").build();
                try {
                    gateway.transfer(transfer);
                    applied.incrementAndGet();
                } catch (TransferRejectedException e) {
                    rejected.incrementAndGet();
                } catch (TransferOutcomeUnknownException e) {
                    unknown.incrementAndGet();
                }
            });
            Arrivals arrivals = Arrivals.ofTransfers(sim.requests());
            long refused = arrivals.count() - sim.appliedTransfers().size();
            return String.format(Locale.ROOT, "gateway (as shipped)             | %s  429s %d  %s | client: %d applied,"
                            + " %d rejected, %d unknown%n%s",
                    arrivals.describe(), refused, verdict(arrivals, refused), applied.get(), rejected.get(),
                    unknown.get(), warm(sim));
        }
    }

    private static String standalone(long periodMillis, int seconds) throws InterruptedException {
        Loopback.Account account = Loopback.accounts("util-p" + periodMillis, 1).get(0);
        try (SimulatedBitget sim = Loopback.simulator(List.of(account))) {
            Bucket bucket = spacing(periodMillis);
            BlockingStrategy sleeping = nanos -> TimeUnit.NANOSECONDS.sleep(nanos);
            HttpClient http = HandSigned.newHttpClient();
            AtomicLong ok = new AtomicLong();
            AtomicLong tooMany = new AtomicLong();
            AtomicLong other = new AtomicLong();
            ThreadLocal<HandSigned> client = ThreadLocal.withInitial(() -> new HandSigned(http, sim.baseUri(),
                    account.apiKey(), account.secret(), account.passphrase()));
            saturate(seconds, () -> {
                if (!bucket.asBlocking().tryConsume(1, Duration.ofSeconds(10), sleeping)) {
                    return;
                }
                try {
                    HttpResponse<String> response = client.get().post(HandSigned.handWrittenJson());
                    (response.statusCode() == 200 ? ok : response.statusCode() == 429 ? tooMany : other)
                            .incrementAndGet();
                } catch (java.io.IOException e) {
                    other.incrementAndGet();
                }
            });
            Arrivals arrivals = Arrivals.ofTransfers(sim.requests());
            long refused = arrivals.count() - sim.appliedTransfers().size();
            return String.format(Locale.ROOT, "Bucket4j standalone, %3d ms     | %s  429s %d  %s | client: %d ok,"
                            + " %d x 429, %d other%n%s",
                    periodMillis, arrivals.describe(), refused, verdict(arrivals, refused), ok.get(), tooMany.get(),
                    other.get(), warm(sim));
        }
    }

    /** The same figures without the first {@link #WARM_UP} of arrivals (cold JIT, first connections). */
    private static String warm(SimulatedBitget sim) {
        Arrivals warm = Arrivals.ofTransfers(sim.requests(), WARM_UP);
        return String.format(Locale.ROOT, "  ... after the first %d s         | %s", WARM_UP.toSeconds(),
                warm.describe());
    }

    static String verdict(Arrivals arrivals, long refused) {
        boolean never = arrivals.maxInAnyWindow() <= Arrivals.LIMIT && refused == 0;
        boolean fast = arrivals.sustainedPerSecond() >= 9.5;
        return (never ? "never above 10" : "ABOVE 10") + ", " + (fast ? ">= 9.5/s" : "< 9.5/s");
    }

    @FunctionalInterface
    interface Call {
        void run() throws Exception;
    }

    /**
     * {@value #THREADS} threads call {@code call} until the deadline (or the per-thread cap); also the
     * single-process phase of {@link FleetUtilisation}.
     */
    static void saturate(int seconds, Call call) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        AtomicLong failures = new AtomicLong();
        for (int t = 0; t < THREADS; t++) {
            pool.execute(() -> {
                for (int i = 0; i < MAX_REQUESTS_PER_THREAD && System.nanoTime() < deadline; i++) {
                    try {
                        call.run();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    } catch (Exception e) {
                        if (failures.incrementAndGet() <= 3) {
                            System.err.println("unexpected: " + e);
                        }
                    }
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS)) {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }
}
