package dev.transfers.bitget.adapter.fake.simulator;

import static dev.transfers.bitget.adapter.fake.simulator.BitgetTestClient.body;
import static dev.transfers.bitget.adapter.fake.simulator.BitgetTestClient.code;
import static dev.transfers.bitget.adapter.fake.simulator.BitgetTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.transfers.bitget.domain.AccountType;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SimulatedBitgetConcurrencyTest {
    private static final int THREADS = 8;
    /** Per thread, and below the rate limit of 10, so that no request is refused for rate. */
    private static final int REQUESTS_PER_THREAD = 8;

    private final List<SimulatedBitget.Credentials> keys = new ArrayList<>();
    private SimulatedBitget sim;
    private BitgetTestClient client;
    private ExecutorService pool;

    @BeforeEach
    void start() {
        SimulatedBitget.Builder builder = SimulatedBitget.builder();
        for (int i = 0; i < THREADS; i++) {
            SimulatedBitget.Credentials key = SimulatedBitget.Credentials.live("key-" + i, "secret-" + i, "pass-" + i, "uid-" + i);
            keys.add(key);
            builder.credentials(key);
        }
        sim = builder.start();
        sim.seedBalance(AccountType.SPOT, "USDT", new BigDecimal("100"));
        client = new BitgetTestClient(sim.baseUri());
        pool = Executors.newFixedThreadPool(THREADS);
    }

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        sim.close();
    }

    @Test
    void concurrentTransfersNeverOverdrawAndConserveTheTotal() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<String>>> codes = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            SimulatedBitget.Credentials key = keys.get(t);
            int thread = t;
            codes.add(pool.submit(() -> {
                go.await();
                List<String> seen = new ArrayList<>();
                for (int i = 0; i < REQUESTS_PER_THREAD; i++) {
                    String requestBody = i % 3 == 2
                            ? body("usdt_futures", "spot", "5", "USDT", null, "t" + thread + "-" + i)
                            : body("spot", "usdt_futures", "7", "USDT", null, "t" + thread + "-" + i);
                    seen.add(code(client.transfer(key, requestBody).send()));
                }
                return seen;
            }));
        }
        go.countDown();

        List<String> all = new ArrayList<>();
        for (Future<List<String>> future : codes) {
            all.addAll(future.get(30, TimeUnit.SECONDS));
        }

        assertThat(all).hasSize(THREADS * REQUESTS_PER_THREAD).containsOnly("00000", "43012").contains("00000", "43012");
        BigDecimal spot = sim.balance(AccountType.SPOT, "USDT");
        BigDecimal futures = sim.balance(AccountType.USDT_FUTURES, "USDT");
        assertThat(spot).isNotNegative();
        assertThat(futures).isNotNegative();
        assertThat(spot.add(futures)).isEqualByComparingTo("100");
        BigDecimal netToFutures = sim.appliedTransfers().stream()
                .map(t -> t.to() == AccountType.USDT_FUTURES ? t.amount() : t.amount().negate())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(futures).isEqualByComparingTo(netToFutures);
        assertThat(sim.appliedTransfers()).hasSize((int) all.stream().filter("00000"::equals).count());
    }

    @Test
    void concurrentRepeatsOfOneClientOidApplyOnce() throws Exception {
        SimulatedBitget.Credentials key = keys.get(0);
        CountDownLatch go = new CountDownLatch(1);
        List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            calls.add(() -> {
                go.await();
                return client.transfer(key, body("spot", "p2p", "3", "USDT", null, "once")).send();
            });
        }
        List<Future<HttpResponse<String>>> futures = new ArrayList<>();
        for (Callable<HttpResponse<String>> call : calls) {
            futures.add(pool.submit(call));
        }
        go.countDown();

        List<String> transferIds = new ArrayList<>();
        for (Future<HttpResponse<String>> future : futures) {
            HttpResponse<String> response = future.get(30, TimeUnit.SECONDS);
            assertThat(code(response)).isEqualTo("00000");
            transferIds.add(json(response).getAsJsonObject("data").get("transferId").getAsString());
        }

        assertThat(transferIds).hasSize(THREADS).containsOnly(sim.appliedTransfers().get(0).transferId());
        assertThat(sim.appliedCount("once")).isEqualTo(1);
        assertThat(sim.balance(AccountType.P2P, "USDT")).isEqualByComparingTo("3");
    }
}
