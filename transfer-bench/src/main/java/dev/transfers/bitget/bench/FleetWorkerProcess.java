package dev.transfers.bitget.bench;

import dev.transfers.bitget.adapter.http.BitgetCredentials;
import dev.transfers.bitget.adapter.http.BitgetTransferGateway;
import dev.transfers.bitget.adapter.http.redis.RedisRateLimiter;
import dev.transfers.bitget.domain.AccountType;
import dev.transfers.bitget.domain.Transfer;
import dev.transfers.bitget.domain.TransferOutcomeUnknownException;
import dev.transfers.bitget.domain.TransferRejectedException;
import dev.transfers.bitget.domain.TransferStatus;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * One process of the fleet of {@link FleetUtilisation}, started by it as a separate JVM: its own
 * gateway, API key and Redis connection, sharing the UID's rate limit through Redis (the gateway as
 * shipped otherwise: default retry policy and deadline). First it warms up under a warm-up key of
 * its own (its own UID and its own schedule in Redis), as a long-running process would be warm; then
 * it prints {@code ready}, waits for a line on stdin, and sends 0.01 USDT transfers from
 * {@code threads} threads until {@code seconds} have passed since that line (at most
 * {@value #MAX_PER_THREAD} per thread), printing one line per transfer ({@code applied},
 * {@code rejected ...}, {@code unknown ...} or {@code error ...}), then {@code done} and exits.
 *
 * <p>Arguments: baseUrl redisUrl uid apiKey secret passphrase threads seconds warmUpKey
 * clockOffsetMillis. The offset skews this process's clocks as another host's would be: the
 * gateway's wall clock and the limiter's monotonic clock.
 */
public final class FleetWorkerProcess {
    static final int WARM_UP_TRANSFERS = 5;
    static final int MAX_PER_THREAD = 10_000;
    private static final BigDecimal ONE_CENT = new BigDecimal("0.01");

    private FleetWorkerProcess() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 10) {
            throw new IllegalArgumentException("arguments: baseUrl redisUrl uid apiKey secret passphrase threads"
                    + " seconds warmUpKey clockOffsetMillis");
        }
        URI baseUrl = URI.create(args[0]);
        URI redisUrl = URI.create(args[1]);
        String uid = args[2];
        int threads = Integer.parseInt(args[6]);
        int seconds = RateLimitUtilisation.bounded(Integer.parseInt(args[7]));
        if (threads < 1 || threads > 64) {
            throw new IllegalArgumentException("threads must be 1..64: " + threads);
        }
        Duration skew = Duration.ofMillis(Long.parseLong(args[9]));
        int exit = 0;
        try (RedisRateLimiter limiter = limiter(redisUrl, uid, skew);
                RedisRateLimiter warmUpLimiter = limiter(redisUrl, args[8], skew)) {
            BitgetTransferGateway gateway = gateway(baseUrl, limiter, args[3], args[4], args[5], skew);
            BitgetTransferGateway warmUp = gateway(baseUrl, warmUpLimiter, args[8], args[4], args[5], skew);
            warmUp(warmUp, gateway);
            System.out.println("ready");
            System.out.flush();
            BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            if (stdin.readLine() == null) {
                System.exit(3);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            for (int t = 0; t < threads; t++) {
                pool.execute(() -> {
                    for (int i = 0; i < MAX_PER_THREAD && System.nanoTime() < deadline; i++) {
                        System.out.println(send(gateway));
                    }
                });
            }
            pool.shutdown();
            if (!pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS)) {
                pool.shutdownNow();
                System.out.println("error: threads still running 60 s after the deadline");
                exit = 4;
            }
            System.out.println("done");
        } catch (RuntimeException | Error e) {
            System.out.println("failed " + e);
            exit = 2;
        }
        System.out.flush();
        System.exit(exit);
    }

    /**
     * The rate limit of one key shared through the Redis at {@code redisUrl}, on a host whose clock is
     * {@code skew} off; the caller closes it.
     */
    static RedisRateLimiter limiter(URI redisUrl, String rateLimitKey, Duration skew) {
        return RedisRateLimiter.builder().redisUri(redisUrl).rateLimitKey(rateLimitKey)
                .hostNanoTime(() -> System.nanoTime() + skew.toNanos()).build();
    }

    /** The gateway as shipped, with its wall clock {@code skew} off. */
    static BitgetTransferGateway gateway(URI baseUrl, RedisRateLimiter limiter, String apiKey,
            String secret, String passphrase, Duration skew) {
        return BitgetTransferGateway.builder()
                .baseUrl(baseUrl)
                .credentials(BitgetCredentials.hmac(apiKey, secret, passphrase))
                .rateLimiter(limiter)
                .clock(Clock.offset(Clock.systemUTC(), skew))
                .build();
    }

    /**
     * Loads and compiles the transfer path with transfers under the warm-up gateway (a UID of its
     * own), then opens the measured gateway's connection with one records read, as in a process that
     * has run a while.
     */
    static void warmUp(BitgetTransferGateway warmUp, BitgetTransferGateway measured) {
        for (int i = 0; i < WARM_UP_TRANSFERS; i++) {
            String result = send(warmUp);
            if (!result.equals("applied")) {
                throw new IllegalStateException("warm-up transfer: " + result);
            }
        }
        TransferStatus status = measured.statusOf(transfer());
        if (!(status instanceof TransferStatus.NotFound)) {
            throw new IllegalStateException("a transfer not sent yet was found: " + status);
        }
    }

    private static Transfer transfer() {
        return Transfer.builder().from(AccountType.SPOT).to(AccountType.USDT_FUTURES).amount(ONE_CENT).coin("USDT")
                .build();
    }

    /** One transfer through the gateway; what became of it, as one line. */
    static String send(BitgetTransferGateway gateway) {
        try {
            gateway.transfer(transfer());
            return "applied";
        } catch (TransferRejectedException rejected) {
            return "rejected " + rejected.reason() + " " + rejected.getMessage();
        } catch (TransferOutcomeUnknownException unknown) {
            return "unknown " + unknown.getMessage();
        } catch (RuntimeException e) {
            return "error " + e;
        }
    }
}
