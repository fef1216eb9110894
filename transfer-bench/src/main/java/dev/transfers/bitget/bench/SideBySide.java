package dev.transfers.bitget.bench;

import dev.transfers.bitget.adapter.fake.simulator.SimulatedBitget;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The library against a minimal hand-written client ({@link HandSigned}: JSON by concatenation,
 * HMAC, {@code java.net.http}), each in a fresh JVM, alternating, at a fixed rate against one
 * {@link SimulatedBitget} on 127.0.0.1: the per-call comparison of issue 13, rerunnable.
 *
 * <pre>
 * java -cp transfer-bench/target/benchmarks.jar dev.transfers.bitget.bench.SideBySide \
 *     [ROUNDS=3] [WARMUP=300] [TIMED=300] [RATE=8]
 * </pre>
 * Each round runs one JVM of {@link SideBySideWorker} per client (library first, then hand), each
 * with a key and UID of its own (so the simulator's 10 per second per UID is never shared), the
 * credentials in its environment. Per child: p50 and p99 of the timed calls (from the child), and
 * the CPU time (user plus system) and peak RSS of the whole JVM, from GNU {@code /usr/bin/time -v}
 * (required; Linux). Then the medians over rounds, the ratios library / hand, and the load average
 * at start and end. ROUNDS is bounded to 1..20, RATE to 1..10; each child is killed after its
 * schedule plus {@value #SLACK_SECONDS} s.
 */
public final class SideBySide {
    static final long SLACK_SECONDS = 120;
    static final Path GNU_TIME = Path.of("/usr/bin/time");
    static final List<String> CLIENTS = List.of("library", "hand");
    private static final Pattern RESULT = Pattern.compile(
            "result client=(\\w+) count=(\\d+) failures=(\\d+) late=(\\d+) p50_us=(\\d+) p99_us=(\\d+)");
    private static final Pattern USER = Pattern.compile("User time \\(seconds\\): ([0-9.]+)");
    private static final Pattern SYSTEM = Pattern.compile("System time \\(seconds\\): ([0-9.]+)");
    private static final Pattern MAX_RSS = Pattern.compile("Maximum resident set size \\(kbytes\\): (\\d+)");

    private SideBySide() {
    }

    /** One child JVM's figures. */
    record Run(String client, int round, int failures, int late, long p50Micros, long p99Micros, double cpuSeconds,
            double peakRssMiB) {
    }

    /** Runs the rounds and prints every child's figures, the medians and the ratios. */
    public static void main(String[] args) throws Exception {
        int rounds = SideBySideWorker.bounded("rounds", args.length > 0 ? Integer.parseInt(args[0]) : 3, 1, 20);
        int warmup = SideBySideWorker.bounded("warmup", args.length > 1 ? Integer.parseInt(args[1]) : 300, 0,
                SideBySideWorker.MAX_TRANSFERS);
        int timed = SideBySideWorker.bounded("timed", args.length > 2 ? Integer.parseInt(args[2]) : 300, 1,
                SideBySideWorker.MAX_TRANSFERS);
        int rate = SideBySideWorker.bounded("rate", args.length > 3 ? Integer.parseInt(args[3]) : 8, 1,
                SideBySideWorker.MAX_RATE);
        if (!Files.isExecutable(GNU_TIME)) {
            throw new IllegalStateException(GNU_TIME + " (GNU time) is needed to measure CPU and peak RSS");
        }
        List<Loopback.Account> accounts = Loopback.accounts("side-by-side", rounds * CLIENTS.size());
        String loadAtStart = loadAverage();
        List<Run> runs = new ArrayList<>();
        try (SimulatedBitget sim = Loopback.simulator(accounts)) {
            System.out.printf(Locale.ROOT, "%d rounds, each client in a fresh JVM: %d warm-up then %d timed"
                    + " transfers at %d/s against %s%n", rounds, warmup, timed, rate, sim.baseUri());
            System.out.printf(Locale.ROOT, "%-8s %5s %8s %8s %8s %9s %9s %5s%n", "client", "round", "p50 ms",
                    "p99 ms", "CPU s", "RSS MiB", "failures", "late");
            for (int round = 0; round < rounds; round++) {
                for (int c = 0; c < CLIENTS.size(); c++) {
                    Run run = child(CLIENTS.get(c), round + 1, accounts.get(round * CLIENTS.size() + c),
                            sim.baseUri().toString(), warmup, timed, rate);
                    runs.add(run);
                    System.out.printf(Locale.ROOT, "%-8s %5d %8.2f %8.2f %8.2f %9.1f %9d %5d%n", run.client(),
                            run.round(), run.p50Micros() / 1e3, run.p99Micros() / 1e3, run.cpuSeconds(),
                            run.peakRssMiB(), run.failures(), run.late());
                }
            }
            System.out.printf(Locale.ROOT, "transfers applied by the simulator: %d (expected %d)%n",
                    sim.appliedTransfers().size(), (long) rounds * CLIENTS.size() * (warmup + timed));
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "median of rounds  %8s %8s %16s %9s%n", "p50 ms", "p99 ms",
                "CPU s (all " + (warmup + timed) + ")", "RSS MiB");
        for (String client : CLIENTS) {
            System.out.printf(Locale.ROOT, "%-17s %8.2f %8.2f %16.2f %9.1f%n", client,
                    median(runs, client, run -> run.p50Micros() / 1e3), median(runs, client, run -> run.p99Micros() / 1e3),
                    median(runs, client, Run::cpuSeconds), median(runs, client, Run::peakRssMiB));
        }
        System.out.printf(Locale.ROOT, "library / hand    %8.2f %8.2f %16.2f %9.2f%n",
                ratio(runs, Run::p50Micros), ratio(runs, Run::p99Micros), ratio(runs, Run::cpuSeconds),
                ratio(runs, Run::peakRssMiB));
        System.out.printf(Locale.ROOT, "load average at start: %s; at end: %s%n", loadAtStart, loadAverage());
    }

    /**
     * Runs one child JVM under {@code /usr/bin/time -v} and returns its figures; fails if it exits
     * non-zero, prints no result line, or outlives its schedule plus {@value #SLACK_SECONDS} s.
     */
    private static Run child(String client, int round, Loopback.Account account, String baseUrl, int warmup,
            int timed, int rate) throws IOException, InterruptedException {
        Path timeReport = Files.createTempFile("side-by-side", ".time");
        Path stdout = Files.createTempFile("side-by-side", ".out");
        Path stderr = Files.createTempFile("side-by-side", ".err");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(GNU_TIME.toString(), "-v", "-o", timeReport.toString(), java,
                "-cp", System.getProperty("java.class.path"), "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                SideBySideWorker.class.getName(), client, baseUrl, Integer.toString(warmup), Integer.toString(timed),
                Integer.toString(rate))
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.equals("JAVA_TOOL_OPTIONS") || name.equals("JDK_JAVA_OPTIONS"));
        env.put(SideBySideWorker.KEY_ENV, account.apiKey());
        env.put(SideBySideWorker.SECRET_ENV, account.secret());
        env.put(SideBySideWorker.PASSPHRASE_ENV, account.passphrase());
        long timeoutSeconds = (warmup + timed) / rate + SLACK_SECONDS;
        Process process = builder.start();
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                throw new IllegalStateException(client + " round " + round + " still running after "
                        + timeoutSeconds + " s (stderr in " + stderr + ")");
            }
            String output = Files.readString(stdout, StandardCharsets.UTF_8);
            Matcher result = RESULT.matcher(output);
            if (process.exitValue() != 0 || !result.find()) {
                throw new IllegalStateException(client + " round " + round + " exited " + process.exitValue()
                        + " without a result (stdout: " + output.strip() + "; stderr in " + stderr + ")");
            }
            String report = Files.readString(timeReport, StandardCharsets.UTF_8);
            double cpu = seconds(USER, report) + seconds(SYSTEM, report);
            double rssMiB = Long.parseLong(field(MAX_RSS, report)) / 1024.0;
            Files.deleteIfExists(stderr);
            return new Run(client, round, Integer.parseInt(result.group(3)), Integer.parseInt(result.group(4)),
                    Long.parseLong(result.group(5)), Long.parseLong(result.group(6)), cpu, rssMiB);
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Files.deleteIfExists(timeReport);
            Files.deleteIfExists(stdout);
        }
    }

    private static double seconds(Pattern pattern, String report) {
        return Double.parseDouble(field(pattern, report));
    }

    private static String field(Pattern pattern, String report) {
        Matcher matcher = pattern.matcher(report);
        if (!matcher.find()) {
            throw new IllegalStateException("no '" + pattern + "' in the output of " + GNU_TIME + ": " + report);
        }
        return matcher.group(1);
    }

    private static double ratio(List<Run> runs, ToDoubleFunction<Run> figure) {
        return median(runs, CLIENTS.get(0), figure) / median(runs, CLIENTS.get(1), figure);
    }

    private static double median(List<Run> runs, String client, ToDoubleFunction<Run> figure) {
        double[] values = runs.stream().filter(run -> run.client().equals(client)).mapToDouble(figure).sorted()
                .toArray();
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    /** The first three fields of {@code /proc/loadavg}, or "unknown" where there is none. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).trim().split("\\s+");
            return String.join(" ", Arrays.asList(fields).subList(0, 3));
        } catch (IOException e) {
            return "unknown";
        }
    }
}
