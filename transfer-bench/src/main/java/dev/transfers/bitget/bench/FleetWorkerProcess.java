package dev.transfers.bitget.bench;

import dev.transfers.bitget.adapter.http.BitgetCredentials;
import dev.transfers.bitget.adapter.http.BitgetTransferGateway;
import dev.transfers.bitget.adapter.http.redis.RedisRateLimiter;
import dev.transfers.bitget.domain.AccountType;
import dev.transfers.bitget.domain.Transfer;
import dev.transfers.bitget.domain.TransferOutcomeUnknownException;
import dev.transfers.bitget.domain.TransferRejectedException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * One process of the fleet of {@link FleetUtilisation}, started by it as a separate JVM: its own
 * gateway, API key and Redis connection, sharing the UID's rate limit through Redis (the gateway as
 * shipped otherwise: default retry policy and deadline). First it warms up under a warm-up key of
 * its own (its own UID and its own bucket in Redis), as a long-running process would be warm; then
 * it prints {@code ready}, waits for a line on stdin, and sends 0.01 USDT transfers from
 * {@code threads} threads until {@code seconds} have passed since that line (at most
 * {@value #MAX_PER_THREAD} per thread), printing one line per transfer ({@code applied},
 * {@code rejected ...}, {@code unknown ...} or {@code error ...}), then {@code done} and exits.
 *
 * <p>Arguments: baseUrl redisUrl uid apiKey secret passphrase threads seconds warmUpKey.
 */
public final class FleetWorkerProcess {
    static final int WARM_UP_TRANSFERS = 5;
    static final int MAX_PER_THREAD = 10_000;
    private static final BigDecimal ONE_CENT = new BigDecimal("0.01");

    private FleetWorkerProcess() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 9) {
            throw new IllegalArgumentException("arguments: baseUrl redisUrl uid apiKey secret passphrase threads"
                    + " seconds warmUpKey");
        }
        URI baseUrl = URI.create(args[0]);
        URI redisUrl = URI.create(args[1]);
        String uid = args[2];
        int threads = Integer.parseInt(args[6]);
        int seconds = RateLimitUtilisation.bounded(Integer.parseInt(args[7]));
        if (threads < 1 || threads > 64) {
            throw new IllegalArgumentException("threads must be 1..64: " + threads);
        }
        int exit = 0;
        try (RedisRateLimiter limiter = limiter(redisUrl, uid); RedisRateLimiter warmUpLimiter = limiter(redisUrl, args[8])) {
            BitgetTransferGateway gateway = gateway(baseUrl, limiter, args[3], args[4], args[5]);
            BitgetTransferGateway warmUp = gateway(baseUrl, warmUpLimiter, args[8], args[4], args[5]);
            for (int i = 0; i < WARM_UP_TRANSFERS; i++) {
                String result = send(warmUp);
                if (!result.equals("applied")) {
                    throw new IllegalStateException("warm-up transfer: " + result);
                }
            }
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

    /** The rate limit of one key shared through the Redis at {@code redisUrl}; the caller closes it. */
    static RedisRateLimiter limiter(URI redisUrl, String rateLimitKey) {
        return RedisRateLimiter.builder().redisUri(redisUrl).rateLimitKey(rateLimitKey).build();
    }

    private static BitgetTransferGateway gateway(URI baseUrl, RedisRateLimiter limiter, String apiKey,
            String secret, String passphrase) {
        return BitgetTransferGateway.builder()
                .baseUrl(baseUrl)
                .credentials(BitgetCredentials.hmac(apiKey, secret, passphrase))
                .rateLimiter(limiter)
                .build();
    }

    /** One transfer through the gateway; what became of it, as one line. */
    static String send(BitgetTransferGateway gateway) {
        Transfer transfer = Transfer.builder().from(AccountType.SPOT).to(AccountType.USDT_FUTURES)
                .amount(ONE_CENT).coin("USDT").build();
        try {
            gateway.transfer(transfer);
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
