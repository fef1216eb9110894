package dev.transfers.bitget.bench;

import dev.transfers.bitget.adapter.fake.simulator.SimulatedBitget;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Wall time of the command line, from process start to the line with the transferId on stdout,
 * against a {@link SimulatedBitget} started in this process; the baseline is {@code java -version}
 * (JVM start and exit) with the same {@code java}, measured in the same run, alternating with it.
 *
 * <pre>
 * java -cp transfer-bench/target/benchmarks.jar dev.transfers.bitget.bench.CliStartupTime \
 *     [RUNS=10] [JAR=transfer-app/target/bitget-transfer.jar]
 * </pre>
 * Runs are bounded to 1..100; each process gets {@value #TIMEOUT_SECONDS} s before it is killed.
 * The credentials are the simulator's test credentials, passed in the environment as the CLI wants.
 */
public final class CliStartupTime {
    static final long TIMEOUT_SECONDS = 60;

    private CliStartupTime() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        if (runs < 1 || runs > 100) {
            throw new IllegalArgumentException("runs must be 1..100: " + runs);
        }
        Path jar = Paths.get(args.length > 1 ? args[1] : "transfer-app/target/bitget-transfer.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException(jar.toAbsolutePath() + " not found: run mvn -B -q package -DskipTests"
                    + " at the repository root first, or give the jar's path");
        }
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        Loopback.Account account = Loopback.accounts("cli", 1).get(0);
        try (SimulatedBitget sim = Loopback.simulator(List.of(account))) {
            List<String> transfer = List.of(java, "-jar", jar.toString(), "transfer", "--from", "spot", "--to",
                    "usdt_futures", "--amount", "0.01", "--coin", "USDT", "--base-url", sim.baseUri().toString());
            List<String> version = List.of(java, "-version");
            // One untimed run of each: page cache, class data sharing archive.
            time(version, null, account);
            time(transfer, "transferId=", account);
            long[] cli = new long[runs];
            long[] jvm = new long[runs];
            for (int i = 0; i < runs; i++) {
                jvm[i] = time(version, null, account);
                cli[i] = time(transfer, "transferId=", account);
                System.out.printf(Locale.ROOT, "run %2d: java -version %6.1f ms, bitget-transfer transfer %6.1f ms%n",
                        i + 1, jvm[i] / 1e6, cli[i] / 1e6);
            }
            System.out.println();
            System.out.printf(Locale.ROOT, "%d runs against %s (transfers applied: %d)%n", runs, sim.baseUri(),
                    sim.appliedTransfers().size());
            System.out.println("java -version (baseline)   " + summary(jvm));
            System.out.println("bitget-transfer transfer   " + summary(cli));
            System.out.printf(Locale.ROOT, "ratio of medians: %.2f (CLI minus JVM start: %.0f ms)%n",
                    median(cli) / median(jvm), (median(cli) - median(jvm)) / 1e6);
        }
    }

    /**
     * Starts the command and returns the nanoseconds until a stdout line contains {@code marker}
     * (or, without a marker, until the process exits). Fails on a non-zero exit or a timeout.
     */
    private static long time(List<String> command, String marker, Loopback.Account account)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(marker == null);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("BITGET_") || name.equals("JAVA_TOOL_OPTIONS")
                || name.equals("JDK_JAVA_OPTIONS"));
        env.put("BITGET_API_KEY", account.apiKey());
        env.put("BITGET_API_SECRET", account.secret());
        env.put("BITGET_API_PASSPHRASE", account.passphrase());
        if (marker != null) {
            builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        }
        long start = System.nanoTime();
        Process process = builder.start();
        try {
            long seen = -1;
            List<String> output = new ArrayList<>();
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null && output.size() < 1000; line = out.readLine()) {
                    if (marker != null && seen < 0 && line.contains(marker)) {
                        seen = System.nanoTime() - start;
                    }
                    output.add(line);
                }
            }
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out: " + command);
            }
            long exited = System.nanoTime() - start;
            if (process.exitValue() != 0 || (marker != null && seen < 0)) {
                throw new IllegalStateException("exit " + process.exitValue() + " from " + command + ": " + output);
            }
            return marker == null ? exited : seen;
        } finally {
            process.destroyForcibly();
        }
    }

    private static String summary(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "median %6.1f ms  min %6.1f ms  max %6.1f ms", median(nanos) / 1e6,
                sorted[0] / 1e6, sorted[sorted.length - 1] / 1e6);
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }
}
