package dev.transfers.bitget.adapter.http.redis;

import dev.transfers.bitget.adapter.http.redis.testing.TestRedis;
import static dev.transfers.bitget.adapter.http.redis.FleetRateLimitTest.assertNoElevenInOneSecond;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.transfers.bitget.adapter.fake.simulator.RecordedRequest;
import dev.transfers.bitget.adapter.fake.simulator.SimulatedBitget;
import dev.transfers.bitget.adapter.http.BitgetCredentials;
import dev.transfers.bitget.adapter.http.BitgetTransferGateway;
import dev.transfers.bitget.adapter.http.RateLimiterUnavailableException;
import dev.transfers.bitget.adapter.http.RetryPolicy;
import dev.transfers.bitget.domain.Sleeper;
import dev.transfers.bitget.domain.AccountType;
import dev.transfers.bitget.domain.RejectionReason;
import dev.transfers.bitget.domain.Transfer;
import dev.transfers.bitget.domain.TransferReceipt;
import dev.transfers.bitget.domain.TransferRejectedException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The rate limit shared through a real Redis, in process, at a {@link SimulatedBitget}: UIDs are
 * independent, and when Redis is down, stopped mid-run or too slow, nothing is sent (fail closed)
 * and no Redis client type crosses the port; the first permit of a process waits for Redis within
 * the call's deadline.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SharedRateLimitTest {
    private static final String TRANSFER_PATH = "/api/v2/spot/wallet/transfer";
    private static final String SECRET = "shared-limit-secret";
    private static final String PASSPHRASE = "shared-limit-passphrase";

    private final String uidA = "uid-a-" + UUID.randomUUID();
    private final String uidB = "uid-b-" + UUID.randomUUID();
    private SimulatedBitget sim;
    private final List<RedisRateLimiter> limiters = new ArrayList<>();

    @BeforeEach
    void startSimulator() {
        sim = SimulatedBitget.builder()
                .credentials(SimulatedBitget.Credentials.live("key-a", SECRET, PASSPHRASE, uidA))
                .credentials(SimulatedBitget.Credentials.live("key-b", SECRET, PASSPHRASE, uidB))
                .start();
        sim.seedBalance(AccountType.SPOT, "USDT", new BigDecimal("1000000"));
    }

    @AfterEach
    void stop() {
        limiters.forEach(RedisRateLimiter::close);
        sim.close();
    }

    private BitgetTransferGateway gateway(String apiKey, String uid, URI redis, Duration deadline) {
        return gateway(apiKey, uid, redis, deadline, Sleeper.system());
    }

    private BitgetTransferGateway gateway(String apiKey, String uid, URI redis, Duration deadline, Sleeper sleeper) {
        RedisRateLimiter limiter = RedisRateLimiter.builder().redisUri(redis).rateLimitKey(uid).build();
        limiters.add(limiter);
        return BitgetTransferGateway.builder()
                .sleeper(sleeper)
                .baseUrl(sim.baseUri())
                .credentials(BitgetCredentials.hmac(apiKey, SECRET, PASSPHRASE))
                .rateLimiter(limiter)
                .retryPolicy(RetryPolicy.builder().maxAttempts(3).initialBackoff(Duration.ofMillis(10))
                        .maxBackoff(Duration.ofMillis(50)).build())
                .deadline(deadline)
                .build();
    }

    private static Transfer aTransfer() {
        return Transfer.builder().from(AccountType.SPOT).to(AccountType.USDT_FUTURES).amount(BigDecimal.ONE)
                .coin("USDT").build();
    }

    private List<Instant> transferArrivals(String apiKey) {
        return sim.requests().stream()
                .filter(request -> request.path().equals(TRANSFER_PATH))
                .filter(request -> request.header("ACCESS-KEY").orElse("").equals(apiKey))
                .map(RecordedRequest::arrival)
                .sorted()
                .toList();
    }

    @Test
    void everyAttemptReleasesItsClaimWithTheRequestTimeOfItsAnswer() throws Exception {
        URI redis = TestRedis.shared();
        BitgetTransferGateway gateway = gateway("key-a", uidA, redis, Duration.ofSeconds(15));
        int transfers = 3;
        for (int i = 0; i < transfers; i++) {
            gateway.transfer(aTransfer());
        }

        String[] state = TestRedis.command(redis, "GET", RedisRateLimiter.KEY_PREFIX + RedisRateLimiter.sha256(uidA))
                .split(" ");
        List<Long> arrivals = transferArrivals("key-a").stream().map(Instant::toEpochMilli).toList();
        List<Long> answered = new ArrayList<>();
        for (int claim = 0; claim < RedisRateLimiter.CLAIMS; claim++) {
            int at = 3 + 4 * claim;
            assertThat(state[at]).as("claim %d: none left reserved (kind 1) to its lease", claim + 1)
                    .isNotEqualTo("1");
            if (state[at].equals("3")) {
                answered.add(Long.parseLong(state[at + 3]));
            }
        }
        assertThat(answered).as("one answered claim per transfer, dated by its answer's requestTime")
                .hasSize(transfers);
        for (int i = 0; i < transfers; i++) {
            assertThat(answered.stream().sorted().toList().get(i)).isCloseTo(arrivals.get(i), within(5L));
        }
    }

    @Test
    void twoUidsDoNotShareAPermit() throws Exception {
        URI redis = TestRedis.shared();
        BitgetTransferGateway a = gateway("key-a", uidA, redis, Duration.ofSeconds(15));
        BitgetTransferGateway b = gateway("key-b", uidB, redis, Duration.ofSeconds(15));
        // Connected and warm, then both buckets full again.
        int warmUp = 3;
        for (int i = 0; i < warmUp; i++) {
            a.transfer(aTransfer());
            b.transfer(aTransfer());
        }
        ThreadPoolExecutor callers = (ThreadPoolExecutor) Executors.newFixedThreadPool(10);
        callers.prestartAllCoreThreads();
        TimeUnit.MILLISECONDS.sleep(300);
        Instant burst = Instant.now();

        int perUid = 14;
        List<Callable<Void>> calls = new ArrayList<>();
        for (int i = 0; i < perUid; i++) {
            calls.add(() -> {
                a.transfer(aTransfer());
                return null;
            });
            calls.add(() -> {
                b.transfer(aTransfer());
                return null;
            });
        }
        // 5 callers per UID, each waiting for its permit while the others send: both saturate.
        try {
            for (Future<Void> call : callers.invokeAll(calls, 25, TimeUnit.SECONDS)) {
                call.get();
            }
        } finally {
            callers.shutdownNow();
        }

        List<Instant> arrivalsA = after(burst, transferArrivals("key-a"));
        List<Instant> arrivalsB = after(burst, transferArrivals("key-b"));
        assertNoElevenInOneSecond(arrivalsA);
        assertNoElevenInOneSecond(arrivalsB);
        assertThat(arrivalsA).hasSize(perUid);
        assertThat(arrivalsB).hasSize(perUid);
        // In the first second of the burst each UID gets about 10 requests through. Were the two
        // sharing one bucket, the two together would get at most 10, so not 8 each.
        Instant first = arrivalsA.get(0).isBefore(arrivalsB.get(0)) ? arrivalsA.get(0) : arrivalsB.get(0);
        Instant oneSecondLater = first.plusMillis(1000);
        assertThat(arrivalsA.stream().filter(t -> t.isBefore(oneSecondLater)).count())
                .as("requests of UID A in the burst's first second").isGreaterThanOrEqualTo(8);
        assertThat(arrivalsB.stream().filter(t -> t.isBefore(oneSecondLater)).count())
                .as("requests of UID B in the burst's first second").isGreaterThanOrEqualTo(8);
    }

    private static List<Instant> after(Instant start, List<Instant> arrivals) {
        return arrivals.stream().filter(arrival -> arrival.isAfter(start)).toList();
    }

    @Test
    void redisStoppedMidRunSendsNothingWithoutAPermitAndNoRedisTypeCrossesThePort() throws Exception {
        try (TestRedis redis = TestRedis.startOwn()) {
            BitgetTransferGateway gateway = gateway("key-a", uidA, redis.uri(), Duration.ofSeconds(3));
            gateway.transfer(aTransfer()); // connected, and the UID's schedule started
            Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
            List<Throwable> unexpected = new ArrayList<>();
            long endNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(2500);
            ExecutorService callers = Executors.newFixedThreadPool(4);
            List<Future<?>> loops = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                loops.add(callers.submit(() -> {
                    for (int i = 0; i < 15 && System.nanoTime() < endNanos; i++) {
                        try {
                            gateway.transfer(aTransfer());
                            outcomes.computeIfAbsent("applied", k -> new AtomicInteger()).incrementAndGet();
                        } catch (TransferRejectedException rejected) {
                            if (rejected.reason() == RejectionReason.EXCHANGE_UNREACHABLE
                                    && rejected.getCause() instanceof RateLimiterUnavailableException) {
                                outcomes.computeIfAbsent("unsent", k -> new AtomicInteger()).incrementAndGet();
                            } else {
                                synchronized (unexpected) {
                                    unexpected.add(rejected);
                                }
                            }
                        } catch (RuntimeException other) {
                            synchronized (unexpected) {
                                unexpected.add(other);
                            }
                        }
                    }
                }));
            }
            TimeUnit.MILLISECONDS.sleep(800);
            redis.stop();
            Instant stopped = Instant.now();
            for (Future<?> loop : loops) {
                loop.get(20, TimeUnit.SECONDS);
            }
            callers.shutdownNow();

            assertThat(unexpected).as("only applied, or rejected unsent for want of a permit").isEmpty();
            assertThat(outcomes.get("applied")).as("applied before Redis stopped").isNotNull();
            assertThat(outcomes.get("unsent")).as("rejected unsent after Redis stopped").isNotNull();
            List<Instant> arrivals = transferArrivals("key-a");
            assertThat(arrivals).hasSize(outcomes.get("applied").get() + 1);
            // Permits reserved before the stop may still be used (at most the horizon ahead); none later.
            assertThat(arrivals).allMatch(arrival -> arrival.isBefore(
                    stopped.plusMillis(RedisRateLimiter.HORIZON_MILLIS + 200)));
            assertNoElevenInOneSecond(arrivals);

            // After the stop: a clear rejection, unsent, with no Redis client type in its causes.
            TransferRejectedException rejected = catchThrowableOfType(TransferRejectedException.class,
                    () -> gateway.transfer(aTransfer()));
            assertThat(rejected.reason()).isEqualTo(RejectionReason.EXCHANGE_UNREACHABLE);
            assertThat(rejected.getCause()).isInstanceOf(RateLimiterUnavailableException.class)
                    .hasMessageContaining("rate limiter shared through " + redis.uri())
                    .hasMessageContaining("no request was sent without a permit")
                    .hasNoCause();
            assertThat(transferArrivals("key-a")).hasSameSizeAs(arrivals);

            // Redis back on the same port: the gateway reconnects and sends again.
            try (TestRedis again = TestRedis.startOn(redis.port())) {
                assertThat(again.uri()).isEqualTo(redis.uri());
                boolean appliedAgain = false;
                for (int i = 0; i < 40 && !appliedAgain; i++) {
                    try {
                        gateway.transfer(aTransfer());
                        appliedAgain = true;
                    } catch (TransferRejectedException stillDown) {
                        assertThat(stillDown.reason()).isEqualTo(RejectionReason.EXCHANGE_UNREACHABLE);
                        TimeUnit.MILLISECONDS.sleep(250);
                    }
                }
                assertThat(appliedAgain).as("applied within 10 s of Redis coming back").isTrue();
            }
        }
    }

    @Test
    void redisTooSlowSendsNothing() throws Exception {
        try (TestRedis redis = TestRedis.startOwn()) {
            BitgetTransferGateway gateway = gateway("key-a", uidA, redis.uri(), Duration.ofSeconds(10));
            gateway.transfer(aTransfer());
            assertThat(TestRedis.command(redis.uri(), "CLIENT", "PAUSE", "4000", "ALL")).isEqualTo("OK");
            try {
                long start = System.nanoTime();
                TransferRejectedException rejected = catchThrowableOfType(TransferRejectedException.class,
                        () -> gateway.transfer(aTransfer()));
                Duration took = Duration.ofNanos(System.nanoTime() - start);

                assertThat(rejected.reason()).isEqualTo(RejectionReason.EXCHANGE_UNREACHABLE);
                assertThat(rejected.getCause()).isInstanceOf(RateLimiterUnavailableException.class)
                        .hasMessageContaining("did not give a permit");
                assertThat(took).as("given up on Redis's 1 s timeout, not after the pause").isLessThan(
                        Duration.ofMillis(3500));
                assertThat(transferArrivals("key-a")).hasSize(1);
            } finally {
                TestRedis.command(redis.uri(), "CLIENT", "UNPAUSE");
            }
        }
    }

    @Test
    void redisDownFromTheStartSendsNothingAfterWaitingForItWithinTheDeadlineAndThenFailsAtOnce() {
        String password = "redis-password-canary-" + UUID.randomUUID();
        int port = TestRedis.freePort();
        URI redis = URI.create("redis://:" + password + "@127.0.0.1:" + port + "/0");
        // Pauses of 100 ms and more: the limiter's between connection attempts (it doubles them from
        // 50 ms), not the records reader's (55 ms apart).
        AtomicInteger pauses = new AtomicInteger();
        BitgetTransferGateway gateway = gateway("key-a", uidA, redis, Duration.ofSeconds(3), duration -> {
            if (duration.toMillis() >= 100) {
                pauses.incrementAndGet();
            }
            Sleeper.system().sleep(duration);
        });

        TransferRejectedException rejected = catchThrowableOfType(TransferRejectedException.class,
                () -> gateway.transfer(aTransfer()));

        assertThat(rejected.reason()).isEqualTo(RejectionReason.EXCHANGE_UNREACHABLE);
        assertThat(rejected.getCause()).isInstanceOf(RateLimiterUnavailableException.class)
                .hasMessageContaining("redis://***@127.0.0.1:" + port + "/0")
                .hasMessageContaining("could not be reached")
                .hasNoCause();
        assertThat(rejected.getMessage() + rejected.getCause().getMessage() + gateway).doesNotContain(password);
        assertThat(gateway.toString()).contains("rate limit shared through redis://***@127.0.0.1:" + port + "/0");
        assertThat(pauses.get()).as("the first permit tried again, pausing, until the deadline").isGreaterThan(1);

        // The cold start is over: the next call tries once, without pausing between tries, and fails the same way.
        int pausesBefore = pauses.get();
        TransferRejectedException again = catchThrowableOfType(TransferRejectedException.class,
                () -> gateway.transfer(aTransfer()));
        assertThat(again.reason()).isEqualTo(RejectionReason.EXCHANGE_UNREACHABLE);
        assertThat(again.getCause()).hasMessageContaining("could not be reached");
        assertThat(pauses.get()).as("pauses of the second call").isEqualTo(pausesBefore);
        assertThat(sim.requests()).as("only the transfer records were read").allSatisfy(
                request -> assertThat(request.method()).isEqualTo("GET"));
    }

    @Test
    void theFirstPermitWaitsForARedisThatComesUpWithinTheDeadline() throws Exception {
        int port = TestRedis.freePort();
        AtomicInteger pauses = new AtomicInteger();
        BitgetTransferGateway gateway = gateway("key-a", uidA, URI.create("redis://127.0.0.1:" + port),
                Duration.ofSeconds(20), duration -> {
                    pauses.incrementAndGet();
                    Sleeper.system().sleep(duration);
                });
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
            Future<TransferReceipt> receipt = caller.submit(() -> gateway.transfer(aTransfer()));
            for (int i = 0; i < 500 && pauses.get() < 3; i++) {
                TimeUnit.MILLISECONDS.sleep(10);
            }
            assertThat(pauses.get()).as("connection attempts failed, pausing between them").isGreaterThanOrEqualTo(3);
            try (TestRedis late = TestRedis.startOn(port)) {
                assertThat(receipt.get(25, TimeUnit.SECONDS).clientOid()).isNotBlank();
            }
        } finally {
            caller.shutdownNow();
        }
        assertThat(transferArrivals("key-a")).hasSize(1);
    }
}
