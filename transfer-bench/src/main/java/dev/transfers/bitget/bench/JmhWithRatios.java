package dev.transfers.bitget.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.util.Statistics;

/**
 * Runs JMH as {@code org.openjdk.jmh.Main} would, then prints each result as a ratio to a baseline
 * method measured in the same run (same parameters). Usage:
 *
 * <pre>
 * java -cp transfer-bench/target/benchmarks.jar dev.transfers.bitget.bench.JmhWithRatios \
 *     BASELINE_METHOD [JMH options and benchmark regexps...]
 * </pre>
 *
 * For {@code SampleTime} results the p50 and p99 ratios are printed too.
 */
public final class JmhWithRatios {
    private JmhWithRatios() {
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        if (args.length < 1) {
            System.err.println("usage: JmhWithRatios BASELINE_METHOD [JMH options...]");
            System.exit(2);
        }
        String baseline = args[0];
        CommandLineOptions options = new CommandLineOptions(Arrays.copyOfRange(args, 1, args.length));
        Collection<RunResult> results = new Runner(options).run();
        System.out.println();
        System.out.println(report(baseline, results));
    }

    static String report(String baseline, Collection<RunResult> results) {
        Map<String, RunResult> baselines = new TreeMap<>();
        for (RunResult result : results) {
            BenchmarkParams params = result.getParams();
            if (method(params).equals(baseline)) {
                baselines.put(paramKey(params), result);
            }
        }
        StringBuilder out = new StringBuilder("Ratios to " + baseline + " (same run, same parameters):\n");
        List<String> lines = new ArrayList<>();
        for (RunResult result : results) {
            BenchmarkParams params = result.getParams();
            RunResult base = baselines.get(paramKey(params));
            Result<?> primary = result.getPrimaryResult();
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-32s %-18s %12.3f %-8s",
                    method(params), paramKey(params), primary.getScore(), primary.getScoreUnit()));
            Statistics stats = primary.getStatistics();
            boolean sampled = params.getMode().shortLabel().equals("sample");
            if (sampled) {
                line.append(String.format(Locale.ROOT, " p50 %10.1f  p99 %10.1f  n=%d", stats.getPercentile(50),
                        stats.getPercentile(99), stats.getN()));
            }
            if (base != null) {
                Result<?> b = base.getPrimaryResult();
                line.append(String.format(Locale.ROOT, "  ratio %.2f", primary.getScore() / b.getScore()));
                if (sampled) {
                    Statistics bs = b.getStatistics();
                    line.append(String.format(Locale.ROOT, " (p50 %.2f, p99 %.2f)",
                            stats.getPercentile(50) / bs.getPercentile(50),
                            stats.getPercentile(99) / bs.getPercentile(99)));
                }
            }
            lines.add(line.toString());
        }
        lines.forEach(l -> out.append(l).append('\n'));
        return out.toString();
    }

    private static String method(BenchmarkParams params) {
        String name = params.getBenchmark();
        return name.substring(name.lastIndexOf('.') + 1);
    }

    private static String paramKey(BenchmarkParams params) {
        StringBuilder key = new StringBuilder();
        for (String name : params.getParamsKeys()) {
            key.append(key.length() == 0 ? "" : ",").append(name).append('=').append(params.getParam(name));
        }
        return key.length() == 0 ? "-" : key.toString();
    }

}
