package dev.transfers.bitget.bench;

import dev.transfers.bitget.adapter.fake.simulator.SimulatedBitget;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Start-up of the command line, whole process: wall time from process start to the line with the
 * transferId on stdout, and CPU time (user plus system, of the process and its children), for the
 * launcher script ({@code transfer-app/target/bitget-transfer}) and the plain jar ({@code java -jar}),
 * against a {@link SimulatedBitget} started in this process. The baseline is {@code java -version}
 * (JVM start and exit) with the same {@code java}, measured in the same run; the three alternate.
 *
 * <pre>
 * java -cp transfer-bench/target/benchmarks.jar dev.transfers.bitget.bench.CliStartupTime \
 *     [RUNS=10] [JAR=transfer-app/target/bitget-transfer.jar] [LAUNCHER=the bitget-transfer next to JAR]
 * </pre>
 * Runs are bounded to 1..100; each process gets {@value #TIMEOUT_SECONDS} s before it is killed.
 * The credentials are the simulator's test credentials, passed in the environment as the CLI wants;
 * the launcher gets {@code JAVA_HOME} of this JVM, so it uses the archive the build made with it.
 * Each command runs under {@code sh -c}, whose {@code times} reports the CPU of its children: Unix only.
 */
public final class CliStartupTime {
    static final long TIMEOUT_SECONDS = 60;
    private static final Pattern TIMES_FIELD = Pattern.compile("(\\d+)m([0-9.]+)s");

    private CliStartupTime() {
    }

    /** One command's wall and CPU times, in nanoseconds. */
    private record Sample(long wallNanos, long cpuNanos) {
    }

    /** A command measured in this run, with its samples. */
    private record Measured(String name, List<String> command, String marker, long[] wall, long[] cpu) {
        Measured(String name, List<String> command, String marker, int runs) {
            this(name, command, marker, new long[runs], new long[runs]);
        }

        void record(int run, Sample sample) {
            wall[run] = sample.wallNanos();
            cpu[run] = sample.cpuNanos();
        }
    }

    /** Runs the three commands {@code RUNS} times each, alternating; prints each run, the medians, the ratios. */
    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        if (runs < 1 || runs > 100) {
            throw new IllegalArgumentException("runs must be 1..100: " + runs);
        }
        Path jar = Paths.get(args.length > 1 ? args[1] : "transfer-app/target/bitget-transfer.jar").toAbsolutePath();
        Path launcher = args.length > 2 ? Paths.get(args[2]).toAbsolutePath()
                : jar.resolveSibling("bitget-transfer");
        for (Path file : List.of(jar, launcher)) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException(file + " not found: run mvn -B -q package -DskipTests"
                        + " at the repository root first, or give the jar's and the launcher's paths");
            }
        }
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        Loopback.Account account = Loopback.accounts("cli", 1).get(0);
        try (SimulatedBitget sim = Loopback.simulator(List.of(account))) {
            List<String> transfer = List.of("transfer", "--from", "spot", "--to", "usdt_futures", "--amount", "0.01",
                    "--coin", "USDT", "--base-url", sim.baseUri().toString());
            List<Measured> commands = List.of(
                    new Measured("java -version (baseline)", List.of(java, "-version"), null, runs),
                    new Measured("launcher bitget-transfer", concat(List.of(launcher.toString()), transfer),
                            "transferId=", runs),
                    new Measured("java -jar bitget-transfer.jar",
                            concat(List.of(java, "-jar", jar.toString()), transfer), "transferId=", runs));
            // One untimed run of each: page cache, class data sharing archives.
            for (Measured command : commands) {
                time(command, account);
            }
            for (int i = 0; i < runs; i++) {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "run %2d:", i + 1));
                for (Measured command : commands) {
                    command.record(i, time(command, account));
                    line.append(String.format(Locale.ROOT, "  %s %6.1f ms wall %6.1f ms CPU", command.name(),
                            command.wall()[i] / 1e6, command.cpu()[i] / 1e6));
                }
                System.out.println(line);
            }
            System.out.println();
            System.out.printf(Locale.ROOT, "%d runs against %s (transfers applied: %d)%n", runs, sim.baseUri(),
                    sim.appliedTransfers().size());
            for (Measured command : commands) {
                System.out.printf(Locale.ROOT, "%-30s wall %s%n%-30s CPU  %s%n", command.name(),
                        summary(command.wall()), "", summary(command.cpu()));
            }
            Measured baseline = commands.get(0);
            for (Measured command : commands.subList(1, commands.size())) {
                System.out.printf(Locale.ROOT,
                        "%s: median wall %.2f x java -version, median CPU %.2f x java -version%n", command.name(),
                        median(command.wall()) / median(baseline.wall()),
                        median(command.cpu()) / median(baseline.cpu()));
            }
            System.out.printf(Locale.ROOT, "launcher / plain jar: median wall %.2f, median CPU %.2f%n",
                    median(commands.get(1).wall()) / median(commands.get(2).wall()),
                    median(commands.get(1).cpu()) / median(commands.get(2).cpu()));
        }
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }

    /**
     * Runs the command under {@code sh -c} and returns the nanoseconds until a stdout line contains the
     * marker (or, without one, until the process exits) and the CPU time of the command and its
     * children, as the shell's {@code times} reports it. Fails on a non-zero exit or a timeout.
     */
    private static Sample time(Measured measured, Loopback.Account account) throws IOException, InterruptedException {
        Path times = Files.createTempFile("cli-startup", ".times");
        try {
            List<String> command = new ArrayList<>(List.of("sh", "-c", "\"$@\"; status=$?; times > \"$TIMES_FILE\";"
                    + " exit $status", "sh"));
            command.addAll(measured.command());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(measured.marker() == null);
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(name -> name.startsWith("BITGET_") || name.equals("JAVA_TOOL_OPTIONS")
                    || name.equals("JDK_JAVA_OPTIONS"));
            env.put("BITGET_API_KEY", account.apiKey());
            env.put("BITGET_API_SECRET", account.secret());
            env.put("BITGET_API_PASSPHRASE", account.passphrase());
            env.put("JAVA_HOME", System.getProperty("java.home"));
            env.put("TIMES_FILE", times.toString());
            if (measured.marker() != null) {
                builder.redirectError(ProcessBuilder.Redirect.DISCARD);
            }
            long wall = run(builder, measured.marker());
            return new Sample(wall, childrenCpuNanos(Files.readAllLines(times, StandardCharsets.UTF_8)));
        } finally {
            Files.deleteIfExists(times);
        }
    }

    private static long run(ProcessBuilder builder, String marker) throws IOException, InterruptedException {
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
                throw new IllegalStateException("timed out: " + builder.command());
            }
            long exited = System.nanoTime() - start;
            if (process.exitValue() != 0 || (marker != null && seen < 0)) {
                throw new IllegalStateException("exit " + process.exitValue() + " from " + builder.command() + ": "
                        + output);
            }
            return marker == null ? exited : seen;
        } finally {
            process.destroyForcibly();
        }
    }

    /** The second line of {@code times}: user and system time of the shell's children ({@code 0m1.25s 0m0.31s}). */
    static long childrenCpuNanos(List<String> times) {
        if (times.size() < 2) {
            throw new IllegalStateException("unexpected output of times: " + times);
        }
        long total = 0;
        for (String field : times.get(1).trim().split("\\s+")) {
            Matcher minutesSeconds = TIMES_FIELD.matcher(field);
            if (!minutesSeconds.matches()) {
                throw new IllegalStateException("unexpected output of times: " + times);
            }
            total += Long.parseLong(minutesSeconds.group(1)) * 60_000_000_000L
                    + new BigDecimal(minutesSeconds.group(2)).movePointRight(9).longValueExact();
        }
        return total;
    }

    private static String summary(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "median %7.1f ms  min %7.1f ms  max %7.1f ms", median(nanos) / 1e6,
                sorted[0] / 1e6, sorted[sorted.length - 1] / 1e6);
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }
}
