package dev.transfers.bitget.app.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transfers.bitget.adapter.fake.simulator.AppliedTransfer;
import dev.transfers.bitget.adapter.fake.simulator.SimulatedBitget;
import dev.transfers.bitget.adapter.http.BitgetCredentials;
import dev.transfers.bitget.adapter.http.BitgetTransferGateway;
import dev.transfers.bitget.adapter.http.RetryPolicy;
import dev.transfers.bitget.domain.AccountType;
import dev.transfers.bitget.domain.Transfer;
import dev.transfers.bitget.domain.TransferOutcomeUnknownException;
import dev.transfers.bitget.domain.TransferReceipt;
import dev.transfers.bitget.domain.TransferRejectedException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * At least 2,000 transfers through {@link BitgetTransferGateway} against {@link SimulatedBitget},
 * with wire faults injected at random before about a third of them (seeded: lane {@code n} uses
 * seed {@code SEED + n}, so a failure reproduces). Eight lanes run side by side, each with its own
 * simulated exchange and UID, so the exchange's 10 requests/s per UID is the only speed limit.
 *
 * <p>Afterwards, for every lane: no clientOid was applied twice; every receipt matches the
 * exchange's record; every call that ended in doubt was resolved by repeating the same transfer;
 * every rejection left nothing applied; the total is unchanged and each balance equals its seed
 * plus what the receipts say. The lanes' secrets double as canaries: none may appear in the
 * trace log or in any outcome's stack trace.
 */
class FaultSoakTest {
    private static final long SEED = 20_261_125L;
    private static final int LANES = 8;
    private static final int TRANSFERS_PER_LANE = 250;
    private static final double FAULT_PROBABILITY = 0.35;
    private static final List<AccountType> ACCOUNTS =
            List.of(AccountType.SPOT, AccountType.USDT_FUTURES, AccountType.CROSSED_MARGIN);
    private static final BigDecimal SEEDED = new BigDecimal("100000");
    /** The lanes' secrets and passphrases start so; they double as canaries. */
    private static final String SECRET_PREFIX = "soak-canary-secret-";
    private static final String PASSPHRASE_PREFIX = "soak-canary-passphrase-";
    private static final Duration READ_TIMEOUT = Duration.ofMillis(300);
    /** Real waits (the rate limiter's too), but short backoffs, so the soak stays within a minute or so. */
    private static final RetryPolicy SHORT_BACKOFF = RetryPolicy.builder()
            .initialBackoff(Duration.ofMillis(10)).maxBackoff(Duration.ofMillis(80)).build();

    /** The wire faults a lane draws from, each queued for the next transfer request. */
    private static final List<Consumer<SimulatedBitget>> FAULTS = List.of(
            sim -> sim.faults().dropConnectionAfterApplying(),
            sim -> sim.faults().dropConnectionBeforeApplying(),
            sim -> sim.faults().htmlError(502),
            sim -> sim.faults().htmlError(503),
            sim -> sim.faults().tooManyRequests(),
            sim -> sim.faults().truncatedBody(),
            sim -> sim.faults().delay(READ_TIMEOUT.plusMillis(200)),
            sim -> sim.faults().answer(400, "40010", "Request timed out"),
            sim -> sim.faults().answer(200, "40909", "Transfer processing"),
            sim -> sim.faults().answer(400, "43137", "Transfer in progress"),
            sim -> sim.faults().answer(400, "40015", "System abnormal"));

    /** What one lane saw. */
    private record LaneResult(SimulatedBitget exchange, Map<String, TransferReceipt> receipts,
            Map<String, Transfer> transfers, Map<String, String> rejected, int resolvedAfterDoubt) {
    }

    @Test
    void noFaultMovesMoneyTwiceOrLosesIt() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(LANES);
        List<SimulatedBitget> exchanges = new ArrayList<>();
        try {
            List<Callable<LaneResult>> lanes = new ArrayList<>();
            for (int lane = 0; lane < LANES; lane++) {
                SimulatedBitget exchange = startExchange(lane);
                exchanges.add(exchange);
                int seed = lane;
                lanes.add(() -> runLane(exchange, seed));
            }
            int applied = 0;
            int resolved = 0;
            for (Future<LaneResult> lane : pool.invokeAll(lanes, 4, TimeUnit.MINUTES)) {
                LaneResult result = lane.get();
                assertLaneConsistent(result);
                applied += result.receipts().size();
                resolved += result.resolvedAfterDoubt();
            }
            assertThat(applied).isGreaterThanOrEqualTo(LANES * TRANSFERS_PER_LANE - 10);
            assertNoSecretLeft();
            System.out.printf("fault soak: %d transfers applied, %d resolved after an outcome-unknown%n",
                    applied, resolved);
        } finally {
            pool.shutdownNow();
            exchanges.forEach(SimulatedBitget::close);
        }
    }

    /** Every logger writes at TRACE to one file in this module's tests (see its pom). */
    private static void assertNoSecretLeft() throws IOException {
        Path log = Path.of(System.getProperty("org.slf4j.simpleLogger.logFile",
                "target/test-trace.log"));
        assertThat(Files.readString(log)).doesNotContain(SECRET_PREFIX, PASSPHRASE_PREFIX);
    }

    private static String stackTraceOf(Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }

    private static SimulatedBitget startExchange(int lane) {
        SimulatedBitget exchange = SimulatedBitget.builder()
                .credentials(SimulatedBitget.Credentials.live("soak-key-" + lane, SECRET_PREFIX + lane,
                        PASSPHRASE_PREFIX + lane, "soak-uid-" + lane))
                .start();
        for (AccountType account : ACCOUNTS) {
            exchange.seedBalance(account, "USDT", SEEDED);
        }
        return exchange;
    }

    private static LaneResult runLane(SimulatedBitget exchange, int lane) {
        Random random = new Random(SEED + lane);
        BitgetTransferGateway gateway = BitgetTransferGateway.builder()
                .baseUrl(exchange.baseUri())
                .credentials(BitgetCredentials.hmac("soak-key-" + lane, SECRET_PREFIX + lane,
                        PASSPHRASE_PREFIX + lane))
                .readTimeout(READ_TIMEOUT)
                .retryPolicy(SHORT_BACKOFF)
                .build();
        Map<String, TransferReceipt> receipts = new HashMap<>();
        Map<String, Transfer> transfers = new HashMap<>();
        Map<String, String> rejected = new HashMap<>();
        int resolvedAfterDoubt = 0;
        for (int i = 0; i < TRANSFERS_PER_LANE; i++) {
            Transfer transfer = randomTransfer(random);
            transfers.put(transfer.clientOid(), transfer);
            while (random.nextDouble() < FAULT_PROBABILITY) {
                FAULTS.get(random.nextInt(FAULTS.size())).accept(exchange);
            }
            boolean inDoubt = false;
            for (int call = 0; call < 4; call++) {
                try {
                    receipts.put(transfer.clientOid(), gateway.transfer(transfer));
                    resolvedAfterDoubt += inDoubt ? 1 : 0;
                    break;
                } catch (TransferOutcomeUnknownException unknown) {
                    assertThat(unknown.clientOid()).isEqualTo(transfer.clientOid());
                    assertThat(stackTraceOf(unknown)).doesNotContain(SECRET_PREFIX, PASSPHRASE_PREFIX);
                    inDoubt = true;
                } catch (TransferRejectedException rejection) {
                    assertThat(stackTraceOf(rejection)).doesNotContain(SECRET_PREFIX, PASSPHRASE_PREFIX);
                    rejected.put(transfer.clientOid(), rejection.getMessage());
                    break;
                }
            }
            assertThat(receipts.containsKey(transfer.clientOid()) || rejected.containsKey(transfer.clientOid()))
                    .as("transfer %s in lane %d must be resolved by repeating it", transfer.clientOid(), lane)
                    .isTrue();
        }
        return new LaneResult(exchange, receipts, transfers, rejected, resolvedAfterDoubt);
    }

    private static Transfer randomTransfer(Random random) {
        int from = random.nextInt(ACCOUNTS.size());
        int to = (from + 1 + random.nextInt(ACCOUNTS.size() - 1)) % ACCOUNTS.size();
        return Transfer.builder()
                .from(ACCOUNTS.get(from))
                .to(ACCOUNTS.get(to))
                .amount(BigDecimal.valueOf(1 + random.nextInt(1_000_000), 4))
                .coin("USDT")
                .clientOid("soak-" + Long.toHexString(random.nextLong()))
                .build();
    }

    private static void assertLaneConsistent(LaneResult lane) {
        SimulatedBitget exchange = lane.exchange();
        List<AppliedTransfer> applied = exchange.appliedTransfers();

        assertThat(applied).extracting(AppliedTransfer::clientOid).doesNotHaveDuplicates();
        Map<String, String> transferIdByClientOid = new HashMap<>();
        applied.forEach(a -> transferIdByClientOid.put(a.clientOid(), a.transferId()));
        lane.receipts().forEach((clientOid, receipt) -> {
            assertThat(receipt.clientOid()).isEqualTo(clientOid);
            assertThat(transferIdByClientOid).containsEntry(clientOid, receipt.transferId());
        });
        lane.rejected().forEach((clientOid, rejection) ->
                assertThat(exchange.appliedCount(clientOid)).as("rejected, yet applied: %s", rejection).isZero());
        assertThat(applied).hasSize(lane.receipts().size());

        Map<AccountType, BigDecimal> expected = new EnumMap<>(AccountType.class);
        ACCOUNTS.forEach(account -> expected.put(account, SEEDED));
        lane.receipts().keySet().forEach(clientOid -> {
            Transfer transfer = lane.transfers().get(clientOid);
            expected.merge(transfer.from(), transfer.amount().negate(), BigDecimal::add);
            expected.merge(transfer.to(), transfer.amount(), BigDecimal::add);
        });
        BigDecimal total = BigDecimal.ZERO;
        for (AccountType account : ACCOUNTS) {
            BigDecimal balance = exchange.balance(account, "USDT");
            assertThat(balance).as("%s balance", account).isEqualByComparingTo(expected.get(account));
            total = total.add(balance);
        }
        assertThat(total).isEqualByComparingTo(SEEDED.multiply(BigDecimal.valueOf(ACCOUNTS.size())));
    }
}
