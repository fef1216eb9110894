package dev.transfers.bitget.bench;

import dev.transfers.bitget.adapter.http.BitgetCredentials;
import dev.transfers.bitget.adapter.http.BitgetTransferGateway;
import dev.transfers.bitget.domain.AccountType;
import dev.transfers.bitget.domain.Transfer;
import java.math.BigDecimal;
import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * One fresh JVM of {@link SideBySide}: a single client, {@code library} ({@link BitgetTransferGateway}
 * as shipped, building a {@code Transfer} per call) or {@code hand} ({@link HandSigned}), sends
 * {@code warmup} then {@code timed} transfers of 0.01 USDT, each with a fresh clientOid, on a
 * fixed-rate schedule of {@code ratePerSecond}: call i is due at start + i / rate, not a period after
 * the previous call ended. A call that starts more than half a period after its slot (the first
 * ones, while the JVM loads classes; a pause) moves the rest of the schedule back by its lateness,
 * so missed slots are dropped rather than sent in a burst that the rate limits would hold. It times
 * each timed call from its start to its return and prints one line:
 * {@code result client=... count=... failures=... late=... p50_us=... p99_us=...} ({@code late}:
 * timed calls that started more than half a period after their slot).
 *
 * <p>Arguments: {@code library|hand baseUrl warmup timed ratePerSecond}. The credentials come from
 * the environment ({@value #KEY_ENV}, {@value #SECRET_ENV}, {@value #PASSPHRASE_ENV}), never from
 * the command line.
 */
public final class SideBySideWorker {
    static final String KEY_ENV = "SIDE_BY_SIDE_API_KEY";
    static final String SECRET_ENV = "SIDE_BY_SIDE_API_SECRET";
    static final String PASSPHRASE_ENV = "SIDE_BY_SIDE_API_PASSPHRASE";
    static final int MAX_TRANSFERS = 10_000;
    static final int MAX_RATE = 10;
    private static final BigDecimal ONE_CENT = new BigDecimal("0.01");

    private SideBySideWorker() {
    }

    /** One client that can send a transfer and fail unless it was applied. */
    @FunctionalInterface
    private interface Client {
        void transferOrFail() throws Exception;
    }

    /** Runs the warm-up and the timed transfers and prints the result line; fails on bad arguments. */
    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            throw new IllegalArgumentException("arguments: library|hand baseUrl warmup timed ratePerSecond");
        }
        URI baseUrl = URI.create(args[1]);
        int warmup = bounded("warmup", Integer.parseInt(args[2]), 0, MAX_TRANSFERS);
        int timed = bounded("timed", Integer.parseInt(args[3]), 1, MAX_TRANSFERS);
        int rate = bounded("ratePerSecond", Integer.parseInt(args[4]), 1, MAX_RATE);
        String apiKey = requiredEnv(KEY_ENV);
        String secret = requiredEnv(SECRET_ENV);
        String passphrase = requiredEnv(PASSPHRASE_ENV);
        Client client = switch (args[0]) {
            case "library" -> library(baseUrl, apiKey, secret, passphrase);
            case "hand" -> new HandSigned(baseUrl, apiKey, secret, passphrase)::transferOrFail;
            default -> throw new IllegalArgumentException("client must be library or hand: " + args[0]);
        };
        long period = TimeUnit.SECONDS.toNanos(1) / rate;
        long[] latencies = new long[timed];
        int failures = 0;
        int late = 0;
        long start = System.nanoTime();
        for (int i = 0; i < warmup + timed; i++) {
            long due = start + i * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            long sent = System.nanoTime();
            boolean behind = sent - due > period / 2;
            if (behind) {
                start += sent - due;
            }
            boolean failed = false;
            try {
                client.transferOrFail();
            } catch (Exception e) {
                failed = true;
                if (failures < 3) {
                    System.err.println("transfer " + i + " failed: " + e);
                }
            }
            long took = System.nanoTime() - sent;
            if (i >= warmup) {
                latencies[i - warmup] = took;
                failures += failed ? 1 : 0;
                late += behind ? 1 : 0;
            }
        }
        Arrays.sort(latencies);
        System.out.printf(Locale.ROOT, "result client=%s count=%d failures=%d late=%d p50_us=%d p99_us=%d%n",
                args[0], timed, failures, late, percentile(latencies, 50) / 1000, percentile(latencies, 99) / 1000);
        System.out.flush();
    }

    /** The library as shipped (default rate limiter, retry policy and deadline), a fresh {@code Transfer} per call. */
    private static Client library(URI baseUrl, String apiKey, String secret, String passphrase) {
        BitgetTransferGateway gateway = BitgetTransferGateway.builder()
                .baseUrl(baseUrl)
                .credentials(BitgetCredentials.hmac(apiKey, secret, passphrase))
                .build();
        return () -> gateway.transfer(Transfer.builder().from(AccountType.SPOT).to(AccountType.USDT_FUTURES)
                .amount(ONE_CENT).coin("USDT").build());
    }

    /** The nearest-rank percentile of sorted values. */
    static long percentile(long[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    static int bounded(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be " + min + ".." + max + ": " + value);
        }
        return value;
    }

    private static String requiredEnv(String name) {
        String value = System.getenv(name);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(name + " is not set");
        }
        return value;
    }
}
