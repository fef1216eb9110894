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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 *       105 ms, nanosecond precision, plus its send window of 10 slots held until 1000 ms after each
 *       attempt; default retry policy), one gateway shared by the 16 threads;</li>
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
 * Durations are bounded to 1..600 s; every loop stops at its deadline or after
 * {@value #MAX_REQUESTS_PER_THREAD} requests per thread.
 */
public final class RateLimitUtilisation {
    static final int THREADS = 16;
    static final int MAX_REQUESTS_PER_THREAD = 10_000;
    static final Duration WARM_UP = Duration.ofSeconds(2);
    private static final BigDecimal ONE_CENT = new BigDecimal("0.01");

    private RateLimitUtilisation() {
    }

    public static void main(String[] args) throws Exception {
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
            Bucket bucket = Bucket.builder()
                    .addLimit(limit -> limit.capacity(1).refillGreedy(1, Duration.ofMillis(periodMillis)))
                    .withNanosecondPrecision()
                    .build();
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
