package dev.transfers.bitget.bench;

import dev.transfers.bitget.adapter.fake.simulator.RecordedRequest;
import dev.transfers.bitget.adapter.fake.simulator.SimulatedBitget;
import dev.transfers.bitget.adapter.http.BitgetTransferGateway;
import dev.transfers.bitget.adapter.http.redis.RedisRateLimiter;
import dev.transfers.bitget.adapter.http.redis.testing.TestRedis;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The rate limit shared through Redis, seen from the server when ONE UID is used by a fleet of
 * processes, against one process on the same UID measured in the same run.
 *
 * <ol>
 *   <li>starts {@code redis-server} from the PATH on a free port of 127.0.0.1 and one
 *       {@link SimulatedBitget} with API keys all on one UID (plus a warm-up key per process, each on
 *       a UID of its own);</li>
 *   <li>single process (the baseline): one {@link BitgetTransferGateway} with the Redis limiter in
 *       this JVM, warmed up first under its warm-up key, then {@value RateLimitUtilisation#THREADS}
 *       threads for SECONDS;</li>
 *   <li>skewed fleet: {@value #PROCESSES} JVMs of {@link FleetWorkerProcess} (this JVM's classpath),
 *       each with its own gateway, key and Redis connection and {@value #THREADS_PER_PROCESS}
 *       threads, and its clocks (the gateway's wall clock, the limiter's monotonic clock) off by
 *       {@link #SKEW_MILLIS} ms, as on hosts without NTP; each warmed up, released together through
 *       stdin, each sending for SECONDS;</li>
 *   <li>joining: 2 such JVMs without skew, the second released a third of SECONDS after the first
 *       (its limiter cold: it connects on its first permit) and stopping with it;</li>
 *   <li>prints, for each phase, from the simulator's arrival times of that phase's keys
 *       ({@link Arrivals}): requests, sustained rate, most in any 1000 ms, margin, 429s (transfer
 *       requests received minus transfers applied), and the ratio of each phase's sustained rate to
 *       the single process's.</li>
 * </ol>
 *
 * <pre>
 * java -cp transfer-bench/target/benchmarks.jar dev.transfers.bitget.bench.FleetUtilisation [SECONDS=30]
 * </pre>
 * SECONDS is bounded to 1..600; every wait is bounded; the workers are destroyed and Redis is
 * stopped at the end, whatever happened.
 */
public final class FleetUtilisation {
    static final int PROCESSES = 4;
    static final int THREADS_PER_PROCESS = 4;
    /** The clock offsets of the skewed fleet's processes, in ms: up to half a second either way. */
    static final long[] SKEW_MILLIS = {-500, -167, 167, 500};
    private static final String SECRET = "fleet-bench-secret";
    private static final String PASSPHRASE = "fleet-bench-passphrase";
    private static final String SINGLE_KEY = "fleet-bench-single-key";
    private static final String WORKER_KEY = "fleet-bench-worker-key-";
    private static final String JOIN_KEY = "fleet-bench-join-key-";
    private static final String WARM_UP_KEY = "fleet-bench-warm-up-key-";
    private static final String EOF = "\u0000eof";

    private FleetUtilisation() {
    }

    /** One worker JVM of a phase: its key, clock offset, when it is released and for how long it sends. */
    private record Worker(String apiKey, String warmUpKey, long skewMillis, long releaseAfterMillis, int seconds) {
    }

    public static void main(String[] args) throws Exception {
        int seconds = RateLimitUtilisation.bounded(args.length > 0 ? Integer.parseInt(args[0]) : 30);
        String uid = "fleet-bench-uid-" + System.nanoTime();
        List<Loopback.Account> accounts = new ArrayList<>();
        accounts.add(new Loopback.Account(SINGLE_KEY, SECRET, PASSPHRASE, uid));
        accounts.add(new Loopback.Account(WARM_UP_KEY + "single", SECRET, PASSPHRASE, "fleet-bench-warm-up-single"));
        List<Worker> skewed = new ArrayList<>();
        for (int p = 0; p < PROCESSES; p++) {
            skewed.add(new Worker(WORKER_KEY + p, WARM_UP_KEY + p, SKEW_MILLIS[p], 0, seconds));
        }
        long joinAfter = TimeUnit.SECONDS.toMillis(seconds) / 3;
        List<Worker> joining = List.of(new Worker(JOIN_KEY + 0, WARM_UP_KEY + "join-0", 0, 0, seconds),
                new Worker(JOIN_KEY + 1, WARM_UP_KEY + "join-1", 0, joinAfter,
                        (int) Math.max(1, seconds - TimeUnit.MILLISECONDS.toSeconds(joinAfter))));
        for (Worker worker : concat(skewed, joining)) {
            accounts.add(new Loopback.Account(worker.apiKey(), SECRET, PASSPHRASE, uid));
            accounts.add(new Loopback.Account(worker.warmUpKey(), SECRET, PASSPHRASE, "uid-of-" + worker.warmUpKey()));
        }
        System.out.printf(Locale.ROOT, "one UID through the Redis-shared limiter, %d s per phase: 1 process x %d"
                        + " threads; %d processes x %d threads, clocks off by %s ms; 2 processes x %d threads, the"
                        + " second joining after %.1f s; limit at the server: 10 in any 1000 ms%n",
                seconds, RateLimitUtilisation.THREADS, PROCESSES, THREADS_PER_PROCESS,
                java.util.Arrays.toString(SKEW_MILLIS), THREADS_PER_PROCESS, joinAfter / 1000.0);
        try (TestRedis redis = TestRedis.startOwn(); SimulatedBitget sim = Loopback.simulator(accounts)) {
            System.out.println("redis-server at " + redis.uri() + ", simulator at " + sim.baseUri());
            System.out.printf(Locale.ROOT, "single process (%d threads) ...%n", RateLimitUtilisation.THREADS);
            Phase single = single(sim, redis.uri(), uid, seconds);
            System.out.println(single.client());
            TimeUnit.MILLISECONDS.sleep(1500); // the UID's last 1000 ms at the server are empty again
            System.out.printf(Locale.ROOT, "skewed fleet (%d processes x %d threads) ...%n", PROCESSES,
                    THREADS_PER_PROCESS);
            Phase fleet = workers(sim, redis.uri(), uid, skewed, WORKER_KEY);
            System.out.println(fleet.client());
            TimeUnit.MILLISECONDS.sleep(1500);
            System.out.println("joining (2 processes) ...");
            Phase join = workers(sim, redis.uri(), uid, joining, JOIN_KEY);
            System.out.println(join.client());
            System.out.println();
            System.out.println("phase                       | at the server (arrival times)");
            System.out.println(single.describe("single process, 16 threads"));
            System.out.println(fleet.describe("4 processes, skew +-500 ms"));
            System.out.println(join.describe("2 processes, one joining"));
            System.out.println(perKey(sim));
            for (Phase phase : List.of(fleet, join)) {
                System.out.printf(Locale.ROOT, "ratio %s / single process, sustained rate: %.3f (%.3f / %.3f per s)%n",
                        phase == fleet ? "skewed fleet" : "joining", phase.arrivals().sustainedPerSecond()
                                / single.arrivals().sustainedPerSecond(),
                        phase.arrivals().sustainedPerSecond(), single.arrivals().sustainedPerSecond());
            }
        }
    }

    /** What one phase produced: the server's view of its keys, the 429s, and the client's tally. */
    record Phase(Arrivals arrivals, Arrivals warm, long refused, String client) {
        String describe(String label) {
            return String.format(Locale.ROOT, "%-27s | %s  429s %d  %s%n%-27s | %s",
                    label, arrivals.describe(), refused, RateLimitUtilisation.verdict(arrivals, refused),
                    "  ... after the first " + RateLimitUtilisation.WARM_UP.toSeconds() + " s", warm.describe());
        }
    }

    private static Phase single(SimulatedBitget sim, URI redis, String uid, int seconds) throws InterruptedException {
        try (RedisRateLimiter warmUpLimiter = FleetWorkerProcess.limiter(redis, WARM_UP_KEY + "single", Duration.ZERO);
                RedisRateLimiter limiter = FleetWorkerProcess.limiter(redis, uid, Duration.ZERO)) {
            BitgetTransferGateway warmUp = FleetWorkerProcess.gateway(sim.baseUri(), warmUpLimiter,
                    WARM_UP_KEY + "single", SECRET, PASSPHRASE, Duration.ZERO);
            BitgetTransferGateway gateway = FleetWorkerProcess.gateway(sim.baseUri(), limiter, SINGLE_KEY, SECRET,
                    PASSPHRASE, Duration.ZERO);
            FleetWorkerProcess.warmUp(warmUp, gateway);
            Tally tally = new Tally();
            int appliedBefore = sim.appliedTransfers().size();
            RateLimitUtilisation.saturate(seconds, () -> tally.add(FleetWorkerProcess.send(gateway)));
            int applied = sim.appliedTransfers().size() - appliedBefore;
            return phase(sim, key -> key.equals(SINGLE_KEY), applied, "  client: " + tally);
        }
    }

    private static Phase workers(SimulatedBitget sim, URI redis, String uid, List<Worker> specs, String keyPrefix)
            throws Exception {
        Path logs = Files.createTempDirectory("fleet-bench-workers");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> workers = new ArrayList<>();
        List<BlockingQueue<String>> outputs = new ArrayList<>();
        int longest = specs.stream().mapToInt(Worker::seconds).max().orElse(1);
        try {
            for (int p = 0; p < specs.size(); p++) {
                Worker spec = specs.get(p);
                Process worker = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                        FleetWorkerProcess.class.getName(), sim.baseUri().toString(), redis.toString(), uid,
                        spec.apiKey(), SECRET, PASSPHRASE, Integer.toString(THREADS_PER_PROCESS),
                        Integer.toString(spec.seconds()), spec.warmUpKey(), Long.toString(spec.skewMillis()))
                        .redirectError(logs.resolve("worker-" + p + ".err").toFile())
                        .start();
                workers.add(worker);
                outputs.add(lines(worker, p));
            }
            for (int p = 0; p < specs.size(); p++) {
                String first = outputs.get(p).poll(120, TimeUnit.SECONDS);
                if (!"ready".equals(first)) {
                    throw new IllegalStateException("worker " + p + " did not get ready within 120 s: " + first
                            + " (stderr in " + logs + ")");
                }
            }
            int appliedBefore = sim.appliedTransfers().size();
            long released = System.nanoTime();
            for (int p = 0; p < specs.size(); p++) {
                long wait = released + TimeUnit.MILLISECONDS.toNanos(specs.get(p).releaseAfterMillis()) - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                OutputStream in = workers.get(p).getOutputStream();
                in.write("go\n".getBytes(StandardCharsets.UTF_8));
                in.flush();
            }
            Tally tally = new Tally();
            long until = released + TimeUnit.SECONDS.toNanos(longest + 90L);
            for (int p = 0; p < specs.size(); p++) {
                for (String line = poll(outputs.get(p), until); !EOF.equals(line); line = poll(outputs.get(p), until)) {
                    if (line == null) {
                        throw new IllegalStateException("worker " + p + " still running " + (longest + 90)
                                + " s after the start (stderr in " + logs + ")");
                    }
                    if (!line.equals("done")) {
                        tally.add(line);
                    }
                }
                long left = Math.max(1, until - System.nanoTime());
                if (!workers.get(p).waitFor(left, TimeUnit.NANOSECONDS) || workers.get(p).exitValue() != 0) {
                    throw new IllegalStateException("worker " + p + " failed (stderr in " + logs + ")");
                }
            }
            int applied = sim.appliedTransfers().size() - appliedBefore;
            return phase(sim, key -> key.startsWith(keyPrefix), applied, "  client: " + tally);
        } finally {
            workers.forEach(Process::destroyForcibly);
        }
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> both = new ArrayList<>(first);
        both.addAll(second);
        return both;
    }

    private static Phase phase(SimulatedBitget sim, Predicate<String> keys, int applied, String client) {
        List<RecordedRequest> requests = sim.requests().stream()
                .filter(request -> keys.test(request.header("ACCESS-KEY").orElse("")))
                .toList();
        Arrivals arrivals = Arrivals.ofTransfers(requests);
        return new Phase(arrivals, Arrivals.ofTransfers(requests, RateLimitUtilisation.WARM_UP),
                arrivals.count() - applied, client);
    }

    /** Transfer requests at the server per key of the UID (how evenly the fleet shared it). */
    private static String perKey(SimulatedBitget sim) {
        Map<String, Integer> counts = new TreeMap<>();
        for (RecordedRequest request : sim.requests()) {
            String key = request.header("ACCESS-KEY").orElse("");
            if (request.method().equals("POST") && request.path().equals(HandSigned.PATH)
                    && (key.equals(SINGLE_KEY) || key.startsWith(WORKER_KEY) || key.startsWith(JOIN_KEY))) {
                counts.merge(key, 1, Integer::sum);
            }
        }
        return "transfer requests at the server per key: " + counts;
    }

    /** Reads a worker's stdout on a daemon thread into a queue, ending with {@link #EOF}. */
    private static BlockingQueue<String> lines(Process worker, int index) {
        BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(worker.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    queue.add(line);
                }
            } catch (IOException e) {
                queue.add("error reading worker output: " + e);
            } finally {
                queue.add(EOF);
            }
        }, "fleet-worker-" + index + "-stdout");
        reader.setDaemon(true);
        reader.start();
        return queue;
    }

    private static String poll(BlockingQueue<String> queue, long untilNanos) throws InterruptedException {
        return queue.poll(Math.max(0, untilNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    /** The client's view: what became of each transfer. */
    private static final class Tally {
        private final AtomicLong applied = new AtomicLong();
        private final AtomicLong rejected = new AtomicLong();
        private final AtomicLong unknown = new AtomicLong();
        private final AtomicLong other = new AtomicLong();

        void add(String result) {
            if (result.equals("applied")) {
                applied.incrementAndGet();
            } else if (result.startsWith("rejected")) {
                rejected.incrementAndGet();
            } else if (result.startsWith("unknown")) {
                unknown.incrementAndGet();
            } else if (other.incrementAndGet() <= 3) {
                System.err.println("unexpected: " + result);
            }
        }

        @Override
        public String toString() {
            return applied + " applied, " + rejected + " rejected, " + unknown + " unknown, " + other + " other";
        }
    }
}
