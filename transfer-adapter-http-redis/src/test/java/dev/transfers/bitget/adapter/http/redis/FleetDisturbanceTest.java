package dev.transfers.bitget.adapter.http.redis;

import static dev.transfers.bitget.adapter.http.redis.FleetRateLimitTest.assertNoElevenInOneSecond;
import static org.assertj.core.api.Assertions.assertThat;

import dev.transfers.bitget.adapter.fake.RecordedTransfer;
import dev.transfers.bitget.adapter.fake.simulator.RecordedRequest;
import dev.transfers.bitget.adapter.fake.simulator.SimulatedBitget;
import dev.transfers.bitget.adapter.http.BitgetCredentials;
import dev.transfers.bitget.adapter.http.BitgetTransferGateway;
import dev.transfers.bitget.adapter.http.RateLimiterUnavailableException;
import dev.transfers.bitget.domain.Sleeper;
import dev.transfers.bitget.adapter.http.redis.testing.TestRedis;
import dev.transfers.bitget.domain.AccountType;
import dev.transfers.bitget.domain.RejectionReason;
import dev.transfers.bitget.domain.Transfer;
import dev.transfers.bitget.domain.TransferRejectedException;
import dev.transfers.bitget.domain.TransferStatus;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What disturbs a fleet sharing one UID through Redis, each "process" a limiter of its own (its own
 * Redis connection) in this JVM: a process joining a running fleet (their clocks a second apart), a
 * process paused while it waits for its slot (its claim held meanwhile, its request late), Redis
 * losing its state mid-run. At the server, in every case: never 11 transfer requests in 1000 ms, no
 * 429 (the requests equal the transfers), and every transfer applied once.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FleetDisturbanceTest {
    private static final String TRANSFER_PATH = "/api/v2/spot/wallet/transfer";
    private static final String SECRET = "disturbance-secret";
    private static final String PASSPHRASE = "disturbance-passphrase";
    private static final int KEYS = 3;
    /** How often a caller sends a transfer again that was rejected unsent for want of Redis. */
    private static final int RESENDS = 100;

    private final String uid = "disturbed-uid-" + UUID.randomUUID();
    private final List<RedisRateLimiter> limiters = new ArrayList<>();
    private SimulatedBitget sim;

    @BeforeEach
    void startSimulator() {
        SimulatedBitget.Builder builder = SimulatedBitget.builder();
        for (int k = 0; k < KEYS; k++) {
            builder.credentials(SimulatedBitget.Credentials.live("key-" + k, SECRET, PASSPHRASE, uid));
        }
        builder.credentials(SimulatedBitget.Credentials.live("warm-up-key", SECRET, PASSPHRASE, "warm-up-uid"));
        sim = builder.start();
        sim.seedBalance(AccountType.SPOT, "USDT", new BigDecimal("1000000"));
        // This JVM's transfer path loaded and compiled, client and server, as in a process that has run a while.
        BitgetTransferGateway warmUp = BitgetTransferGateway.builder().baseUrl(sim.baseUri())
                .credentials(BitgetCredentials.hmac("warm-up-key", SECRET, PASSPHRASE)).build();
        for (int i = 0; i < 3; i++) {
            warmUp.transfer(aTransfer());
        }
    }

    @AfterEach
    void stop() {
        limiters.forEach(RedisRateLimiter::close);
        sim.close();
    }

    @Test
    void aProcessJoiningARunningFleetWithAClockASecondAwayTakesClaimsAsTheyComeFree() throws Exception {
        URI redis = TestRedis.shared();
        try (Fleet fleet = new Fleet()) {
            fleet.send(process(redis, 0, Sleeper.system(), -500), 3, 35);
            awaitArrivals(12);
            // A cold process: its limiter connects on its first permit, while the other one is saturating.
            fleet.send(process(redis, 1, Sleeper.system(), 500), 3, 20);
            fleet.await();
        }
        assertAtTheServer(55);
    }

    @Test
    void aProcessPausedWhileWaitingForItsSlotKeepsItsClaimAndNobodyBunchesOntoItsLateRequest() throws Exception {
        URI redis = TestRedis.shared();
        AtomicBoolean pauseNext = new AtomicBoolean();
        AtomicBoolean paused = new AtomicBoolean();
        // A stall as a long GC pause or a starved host would cause, in the middle of a wait for a slot.
        Sleeper stalling = duration -> {
            if (pauseNext.compareAndSet(true, false)) {
                TimeUnit.MILLISECONDS.sleep(1500);
                paused.set(true);
            }
            Sleeper.system().sleep(duration);
        };
        try (Fleet fleet = new Fleet()) {
            fleet.send(process(redis, 0, Sleeper.system()), 3, 30);
            fleet.send(process(redis, 1, stalling), 2, 15);
            awaitArrivals(12);
            pauseNext.set(true);
            fleet.await();
        }
        assertThat(paused).as("one wait was paused").isTrue();
        assertAtTheServer(45);
    }

    @ParameterizedTest
    @ValueSource(strings = {"restarted", "flushed"})
    void redisLosingItsStateMidRunHandsOutNoPermitBeforeThoseItGaveStillWaiting(String how) throws Exception {
        try (TestRedis redis = TestRedis.startOwn(); Fleet fleet = new Fleet()) {
            fleet.send(process(redis.uri(), 0, Sleeper.system()), 3, 25);
            fleet.send(process(redis.uri(), 1, Sleeper.system()), 2, 25);
            awaitArrivals(15);
            if (how.equals("restarted")) {
                redis.stop();
                fleet.also(TestRedis.startOn(redis.port()));
            } else {
                assertThat(TestRedis.command(redis.uri(), "FLUSHALL")).isEqualTo("OK");
            }
            fleet.await();
        }
        assertAtTheServer(50);
    }

    /**
     * A gateway of its own key and limiter (its own Redis connection) on the test's UID, its HTTP
     * connection opened by one read of the transfer records, as a process's start-up would.
     */
    private BitgetTransferGateway process(URI redis, int key, Sleeper sleeper) {
        return process(redis, key, sleeper, 0);
    }

    /** The same with this process's clocks off by {@code skewMillis}, as another host's would be. */
    private BitgetTransferGateway process(URI redis, int key, Sleeper sleeper, long skewMillis) {
        Duration skew = Duration.ofMillis(skewMillis);
        RedisRateLimiter limiter = RedisRateLimiter.builder().redisUri(redis).rateLimitKey(uid)
                .hostNanoTime(() -> System.nanoTime() + skew.toNanos()).build();
        limiters.add(limiter);
        BitgetTransferGateway gateway = BitgetTransferGateway.builder()
                .clock(Clock.offset(Clock.systemUTC(), skew))
                .baseUrl(sim.baseUri())
                .credentials(BitgetCredentials.hmac("key-" + key, SECRET, PASSPHRASE))
                .rateLimiter(limiter)
                .sleeper(sleeper)
                .deadline(Duration.ofSeconds(20))
                .build();
        assertThat(gateway.statusOf(aTransfer())).isInstanceOf(TransferStatus.NotFound.class);
        return gateway;
    }

    private static Transfer aTransfer() {
        return Transfer.builder().from(AccountType.SPOT).to(AccountType.USDT_FUTURES).amount(BigDecimal.ONE)
                .coin("USDT").build();
    }

    private void awaitArrivals(int count) throws InterruptedException {
        for (int i = 0; i < 1000 && transferArrivals().size() < count; i++) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
        assertThat(transferArrivals()).as("arrivals before the disturbance").hasSizeGreaterThanOrEqualTo(count);
    }

    private List<Instant> transferArrivals() {
        return sim.requests().stream()
                .filter(request -> request.path().equals(TRANSFER_PATH))
                .filter(request -> !request.header("ACCESS-KEY").orElse("").equals("warm-up-key"))
                .map(RecordedRequest::arrival)
                .sorted()
                .toList();
    }

    private void assertAtTheServer(int transfers) {
        List<Instant> arrivals = transferArrivals();
        assertNoElevenInOneSecond(arrivals);
        assertThat(arrivals).as("one request per transfer: no 429 and nothing sent twice").hasSize(transfers);
        Map<String, Long> appliedPerClientOid = sim.appliedTransfers().stream()
                .filter(transfer -> transfer.uid().equals(uid))
                .collect(Collectors.groupingBy(RecordedTransfer::clientOid, Collectors.counting()));
        assertThat(appliedPerClientOid).as("every transfer applied").hasSize(transfers);
        assertThat(appliedPerClientOid.values()).as("and once").allMatch(count -> count == 1);
    }

    /**
     * Callers that each send their transfers, sending one again (same clientOid) when it was rejected
     * unsent because Redis could not give a permit, as running a batch again would; any other
     * outcome fails the test.
     */
    private static final class Fleet implements AutoCloseable {
        private final ExecutorService callers = Executors.newCachedThreadPool();
        private final List<Future<?>> running = new ArrayList<>();
        private final List<AutoCloseable> resources = new ArrayList<>();

        void send(BitgetTransferGateway gateway, int threads, int count) {
            ConcurrentLinkedQueue<Transfer> queue = new ConcurrentLinkedQueue<>();
            for (int i = 0; i < count; i++) {
                queue.add(aTransfer());
            }
            for (int t = 0; t < threads; t++) {
                running.add(callers.submit(() -> {
                    for (Transfer transfer = queue.poll(); transfer != null; transfer = queue.poll()) {
                        sendUntilPermitted(gateway, transfer);
                    }
                    return null;
                }));
            }
        }

        private static void sendUntilPermitted(BitgetTransferGateway gateway, Transfer transfer) throws Exception {
            for (int resend = 0; resend < RESENDS; resend++) {
                try {
                    gateway.transfer(transfer);
                    return;
                } catch (TransferRejectedException rejected) {
                    if (rejected.reason() != RejectionReason.EXCHANGE_UNREACHABLE
                            || !(rejected.getCause() instanceof RateLimiterUnavailableException)) {
                        throw rejected;
                    }
                    TimeUnit.MILLISECONDS.sleep(100);
                }
            }
            throw new AssertionError("no permit for " + transfer.clientOid() + " in " + RESENDS + " tries");
        }

        void also(AutoCloseable resource) {
            resources.add(resource);
        }

        void await() throws Exception {
            for (Future<?> caller : running) {
                caller.get(50, TimeUnit.SECONDS);
            }
        }

        @Override
        public void close() throws Exception {
            callers.shutdownNow();
            for (AutoCloseable resource : resources) {
                resource.close();
            }
        }
    }
}
