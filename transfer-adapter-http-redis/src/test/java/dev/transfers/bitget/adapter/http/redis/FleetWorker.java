package dev.transfers.bitget.adapter.http.redis;

import dev.transfers.bitget.adapter.http.BitgetCredentials;
import dev.transfers.bitget.adapter.http.BitgetTransferGateway;
import dev.transfers.bitget.adapter.http.RetryPolicy;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One process of a fleet, started by {@link FleetRateLimitTest} as a separate JVM: its own
 * gateway, its own API key and its own Redis connection, sharing the UID's rate limit through
 * Redis. First it warms up, as a long-running process is: a few transfers under a warm-up key of its
 * own (its own bucket in Redis), so that the HTTP and Redis paths are loaded and compiled before the
 * first permit of the run (a cold JVM is slow from permit to wire, as a process that has run a
 * while is not). Then it prints
 * {@code ready}, waits for a line on stdin, sends its
 * transfers from several threads at once, prints one line per transfer ({@code applied},
 * {@code rejected REASON} or {@code unknown}) and exits.
 *
 * <p>Arguments: baseUrl redisUrl uid apiKey secret passphrase transfers threads warmUpKey
 * clockOffsetMillis. The offset skews this process's clocks, as another host's would be: the
 * gateway's wall clock and the limiter's monotonic clock.
 */
public final class FleetWorker {
    private static final int WARM_UP_TRANSFERS = 5;
    private FleetWorker() {
    }

    public static void main(String[] args) throws Exception {
        URI baseUrl = URI.create(args[0]);
        URI redisUrl = URI.create(args[1]);
        String uid = args[2];
        int transfers = Integer.parseInt(args[6]);
        int threads = Integer.parseInt(args[7]);
        Duration skew = Duration.ofMillis(Long.parseLong(args[9]));
        int exit = 0;
        try (RedisRateLimiter limiter = RedisRateLimiter.builder().redisUri(redisUrl).rateLimitKey(uid)
                .hostNanoTime(() -> System.nanoTime() + skew.toNanos()).build();
                RedisRateLimiter warmUpLimiter = RedisRateLimiter.builder().redisUri(redisUrl).rateLimitKey(args[8])
                        .build()) {
            BitgetTransferGateway gateway = BitgetTransferGateway.builder()
                    .baseUrl(baseUrl)
                    .credentials(BitgetCredentials.hmac(args[3], args[4], args[5]))
                    .rateLimiter(limiter)
                    .retryPolicy(RetryPolicy.builder().maxAttempts(5).initialBackoff(Duration.ofMillis(10))
                            .maxBackoff(Duration.ofMillis(50)).build())
                    .deadline(Duration.ofSeconds(20))
                    .clock(Clock.offset(Clock.systemUTC(), skew))
                    .build();
            BitgetTransferGateway warmUp = BitgetTransferGateway.builder()
                    .baseUrl(baseUrl)
                    .credentials(BitgetCredentials.hmac(args[8], args[4], args[5]))
                    .rateLimiter(warmUpLimiter)
                    .build();
            for (int i = 0; i < WARM_UP_TRANSFERS; i++) {
                String warmUpResult = send(warmUp);
                if (!warmUpResult.equals("applied")) {
                    throw new IllegalStateException("warm-up transfer: " + warmUpResult);
                }
            }
            // Its HTTP connection open, as a process that has been up for a while has it.
            if (!(gateway.statusOf(transfer()) instanceof TransferStatus.NotFound)) {
                throw new IllegalStateException("a transfer not sent yet was found");
            }
            System.out.println("ready");
            BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            if (stdin.readLine() == null) {
                System.exit(3);
            }
            ThreadPoolExecutor pool = (ThreadPoolExecutor) Executors.newFixedThreadPool(threads);
            pool.prestartAllCoreThreads();
            try {
                List<Future<String>> results = new ArrayList<>();
                for (int i = 0; i < transfers; i++) {
                    results.add(pool.submit(() -> send(gateway)));
                }
                for (Future<String> result : results) {
                    System.out.println(result.get(60, TimeUnit.SECONDS));
                }
            } finally {
                pool.shutdownNow();
            }
        } catch (RuntimeException | Error e) {
            System.out.println("failed " + e);
            exit = 2;
        }
        System.out.flush();
        System.exit(exit);
    }

    private static Transfer transfer() {
        return Transfer.builder().from(AccountType.SPOT).to(AccountType.USDT_FUTURES).amount(BigDecimal.ONE)
                .coin("USDT").build();
    }

    private static String send(BitgetTransferGateway gateway) {
        try {
            gateway.transfer(transfer());
            return "applied";
        } catch (TransferRejectedException rejected) {
            return "rejected " + rejected.reason() + " " + rejected.getMessage();
        } catch (TransferOutcomeUnknownException unknown) {
            return "unknown " + unknown.getMessage();
        }
    }
}
