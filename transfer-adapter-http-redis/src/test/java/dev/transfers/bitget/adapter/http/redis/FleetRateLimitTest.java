package dev.transfers.bitget.adapter.http.redis;

import dev.transfers.bitget.adapter.http.redis.testing.TestRedis;
import static org.assertj.core.api.Assertions.assertThat;

import dev.transfers.bitget.adapter.fake.simulator.RecordedRequest;
import dev.transfers.bitget.adapter.fake.simulator.SimulatedBitget;
import dev.transfers.bitget.domain.AccountType;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Several processes, each with its own gateway, API key and Redis connection, and clocks skewed by
 * up to half a second as on different hosts, saturate one UID through the rate limit shared in
 * Redis: the exchange never sees 11 requests in 1000 ms, retries included. The processes are real
 * JVMs started from this test's classpath ({@link FleetWorker}).
 */
class FleetRateLimitTest {
    private static final String TRANSFER_PATH = "/api/v2/spot/wallet/transfer";
    private static final int PROCESSES = 3;
    private static final int TRANSFERS_PER_PROCESS = 10;
    private static final int THREADS_PER_PROCESS = 3;
    private static final int FAULTS = 6;
    private static final String SECRET = "fleet-secret";
    private static final String PASSPHRASE = "fleet-passphrase";
    /** Each process's clock offset, as the hosts of a fleet without NTP might be. */
    private static final long[] SKEW_MILLIS = {-500, 0, 500};

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void processesOfOneUidWithSkewedClocksTogetherNeverSendElevenRequestsInOneSecondRetriesIncluded() throws Exception {
        String uid = "fleet-uid-" + UUID.randomUUID();
        SimulatedBitget.Builder builder = SimulatedBitget.builder();
        for (int p = 0; p < PROCESSES; p++) {
            builder.credentials(SimulatedBitget.Credentials.live("fleet-key-" + p, SECRET, PASSPHRASE, uid));
            builder.credentials(SimulatedBitget.Credentials.live("warm-up-key-" + p, SECRET, PASSPHRASE,
                    "warm-up-uid-" + p));
        }
        List<Process> workers = new ArrayList<>();
        try (SimulatedBitget sim = builder.start()) {
            sim.seedBalance(AccountType.SPOT, "USDT", new BigDecimal("1000000"));
            Path logs = Files.createTempDirectory("fleet-workers");
            for (int p = 0; p < PROCESSES; p++) {
                workers.add(new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"),
                        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                        FleetWorker.class.getName(), sim.baseUri().toString(), TestRedis.shared().toString(), uid,
                        "fleet-key-" + p, SECRET, PASSPHRASE, Integer.toString(TRANSFERS_PER_PROCESS),
                        Integer.toString(THREADS_PER_PROCESS), "warm-up-key-" + p, Long.toString(SKEW_MILLIS[p]))
                        .redirectError(logs.resolve("worker-" + p + ".err").toFile())
                        .start());
            }
            List<BufferedReader> outputs = new ArrayList<>();
            for (Process worker : workers) {
                BufferedReader out = new BufferedReader(new InputStreamReader(worker.getInputStream(),
                        StandardCharsets.UTF_8));
                assertThat(out.readLine()).as("first line of a worker (stderr in %s)", logs).isEqualTo("ready");
                outputs.add(out);
            }
            // 503 pages on the first requests: each is retried, and every retry needs a permit too.
            for (int f = 0; f < FAULTS; f++) {
                sim.faults().htmlError(503);
            }
            for (Process worker : workers) {
                OutputStream in = worker.getOutputStream();
                in.write("go\n".getBytes(StandardCharsets.UTF_8));
                in.flush();
            }
            List<String> results = new ArrayList<>();
            for (int p = 0; p < PROCESSES; p++) {
                for (String line = outputs.get(p).readLine(); line != null; line = outputs.get(p).readLine()) {
                    results.add(line);
                }
                assertThat(workers.get(p).waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(workers.get(p).exitValue()).as("worker %d exit (stderr in %s)", p, logs).isZero();
            }

            assertThat(results).hasSize(PROCESSES * TRANSFERS_PER_PROCESS).allMatch("applied"::equals);
            List<Instant> arrivals = sim.requests().stream()
                    .filter(request -> request.path().equals(TRANSFER_PATH))
                    .filter(request -> request.header("ACCESS-KEY").orElse("").startsWith("fleet-key-"))
                    .map(RecordedRequest::arrival)
                    .sorted()
                    .toList();
            assertNoElevenInOneSecond(arrivals);
            assertThat(arrivals).as("every transfer once, and each of the %d retries", FAULTS)
                    .hasSize(PROCESSES * TRANSFERS_PER_PROCESS + FAULTS);
        } finally {
            workers.forEach(Process::destroyForcibly);
        }
    }

    static void assertNoElevenInOneSecond(List<Instant> sortedArrivals) {
        StringBuilder gaps = new StringBuilder();
        for (int i = 1; i < sortedArrivals.size(); i++) {
            gaps.append(Duration.between(sortedArrivals.get(i - 1), sortedArrivals.get(i)).toMillis()).append(' ');
        }
        for (int first = 0; first + 10 < sortedArrivals.size(); first++) {
            assertThat(Duration.between(sortedArrivals.get(first), sortedArrivals.get(first + 10)))
                    .as("from request %d to request %d, the 11th in a row; ms between requests: %s", first, first + 10,
                            gaps)
                    .isGreaterThanOrEqualTo(Duration.ofMillis(1000));
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

}
