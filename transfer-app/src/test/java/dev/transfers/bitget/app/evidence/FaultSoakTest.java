package dev.transfers.bitget.app.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transfers.bitget.adapter.fake.RecordedTransfer;
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
 * seed {@code SEED + n}, so a failure reproduces), and before about a fifth a burst of one fault
 * that outlasts every retry, on the transfer or on the transfer records, so that a large share of
 * calls must settle from the records or end in doubt. Eight lanes run side by side, each with its
 * own simulated exchange and UID, so the exchange's 10 requests/s per UID is the only speed limit.
 * Half the lanes' exchanges show a transfer in their records only {@link #RECORDS_LAG} after applying
 * it (Bitget does not say how soon), and half the lanes repeat a transfer in doubt through a new
 * gateway, as a restarted process would, with no memory of the first call.
 *
 * <p>Checked as it runs: no transfer that the exchange applied is ever reported rejected (asked of
 * the exchange at the moment of the rejection). Afterwards, for every lane: no clientOid was applied
 * twice; every receipt matches the exchange's record; every call that ended in doubt was resolved by
 * repeating the same transfer; every rejection left nothing applied; the total is unchanged and each
 * balance equals its seed plus what the receipts say; and enough calls were driven into doubt and
 * settled from the records for all this to mean something. The lanes' secrets double as canaries:
 * none may appear in the trace log or in any outcome's stack trace.
 */
class FaultSoakTest {
    private static final long SEED = 20_261_125L;
    private static final int LANES = 8;
    private static final int TRANSFERS_PER_LANE = 250;
    private static final double FAULT_PROBABILITY = 0.35;
    /** How often a burst of one fault, as long as the attempts, comes before a transfer. */
    private static final double BURST_PROBABILITY = 0.2;
    private static final int ATTEMPTS = RetryPolicy.DEFAULT.maxAttempts();
    /** How late a lag lane's records show a transfer: longer than any one call here. */
    private static final Duration RECORDS_LAG = Duration.ofSeconds(3);
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

    /**
     * Bursts: one fault for every attempt of a call (the transfer's, or the records'), so that the
     * call cannot get through on its own.
     */
    private static final List<Consumer<SimulatedBitget>> BURSTS = List.of(
            sim -> repeat(() -> sim.faults().dropConnectionAfterApplying()),
            sim -> repeat(() -> sim.faults().truncatedBody()),
            sim -> repeat(() -> sim.faults().htmlError(502)),
            sim -> repeat(() -> sim.faults().tooManyRequests()),
            sim -> {
                repeat(() -> sim.faults().dropConnectionAfterApplying());
                repeat(() -> sim.recordsFaults().htmlError(503));
            },
            sim -> {
                repeat(() -> sim.faults().tooManyRequests());
                repeat(() -> sim.recordsFaults().tooManyRequests());
            },
            sim -> {
                repeat(() -> sim.faults().delay(READ_TIMEOUT.plusMillis(100)));
                repeat(() -> sim.recordsFaults().truncatedBody());
            });

    private static void repeat(Runnable queueOne) {
        for (int i = 0; i < ATTEMPTS; i++) {
            queueOne.run();
        }
    }
    /** What one lane saw. */
    private record LaneResult(SimulatedBitget exchange, Map<String, TransferReceipt> receipts,
            Map<String, Transfer> transfers, Map<String, String> rejected, int inDoubt, int resolvedAfterDoubt) {
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
            int inDoubt = 0;
            int resolved = 0;
            int rejected = 0;
            long settledFromRecords = 0;
            for (Future<LaneResult> lane : pool.invokeAll(lanes, 4, TimeUnit.MINUTES)) {
                LaneResult result = lane.get();
                assertLaneConsistent(result);
                applied += result.receipts().size();
                inDoubt += result.inDoubt();
                resolved += result.resolvedAfterDoubt();
                rejected += result.rejected().size();
                settledFromRecords += result.exchange().requests().stream()
                        .filter(request -> request.method().equals("GET")).count();
            }
            int transfers = LANES * TRANSFERS_PER_LANE;
            assertThat(applied + rejected).isEqualTo(transfers);
            assertThat(applied).isGreaterThanOrEqualTo(transfers * 3 / 4);
            assertThat(inDoubt).as("calls that ended in doubt at least once").isGreaterThanOrEqualTo(transfers / 10);
            assertThat(resolved).as("every transfer in doubt was resolved by repeating it").isEqualTo(inDoubt);
            assertThat(settledFromRecords).as("reads of the transfer records").isGreaterThanOrEqualTo(transfers / 10);
            assertNoSecretLeft();
            System.out.printf("fault soak: %d transfers, %d applied, %d rejected (none applied), %d ended in doubt"
                    + " at least once and all were resolved by repeating them, %d reads of the transfer records%n",
                    transfers, applied, rejected, inDoubt, settledFromRecords);
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

    /** Odd lanes' records lag behind; lanes 2 and 3 (mod 4) repeat through a new gateway. */
    private static boolean recordsLag(int lane) {
        return lane % 2 == 1;
    }

    private static boolean restarts(int lane) {
        return lane % 4 >= 2;
    }

    private static SimulatedBitget startExchange(int lane) {
        SimulatedBitget exchange = SimulatedBitget.builder()
                .credentials(SimulatedBitget.Credentials.live("soak-key-" + lane, SECRET_PREFIX + lane,
                        PASSPHRASE_PREFIX + lane, "soak-uid-" + lane))
                .recordsLag(recordsLag(lane) ? RECORDS_LAG : Duration.ZERO)
                .start();
        for (AccountType account : ACCOUNTS) {
            exchange.seedBalance(account, "USDT", SEEDED);
        }
        return exchange;
    }

    private static BitgetTransferGateway gateway(SimulatedBitget exchange, int lane) {
        return BitgetTransferGateway.builder()
                .baseUrl(exchange.baseUri())
                .credentials(BitgetCredentials.hmac("soak-key-" + lane, SECRET_PREFIX + lane,
                        PASSPHRASE_PREFIX + lane))
                .readTimeout(READ_TIMEOUT)
                .retryPolicy(SHORT_BACKOFF)
                .build();
    }

    private static LaneResult runLane(SimulatedBitget exchange, int lane) {
        Random random = new Random(SEED + lane);
        BitgetTransferGateway gateway = gateway(exchange, lane);
        Map<String, TransferReceipt> receipts = new HashMap<>();
        Map<String, Transfer> transfers = new HashMap<>();
        Map<String, String> rejected = new HashMap<>();
        int inDoubtCount = 0;
        int resolvedAfterDoubt = 0;
        for (int i = 0; i < TRANSFERS_PER_LANE; i++) {
            Transfer transfer = randomTransfer(random);
            transfers.put(transfer.clientOid(), transfer);
            while (random.nextDouble() < FAULT_PROBABILITY) {
                FAULTS.get(random.nextInt(FAULTS.size())).accept(exchange);
            }
            if (random.nextDouble() < BURST_PROBABILITY) {
                BURSTS.get(random.nextInt(BURSTS.size())).accept(exchange);
            }
            boolean inDoubt = false;
            for (int call = 0; call < 6; call++) {
                try {
                    receipts.put(transfer.clientOid(), gateway.transfer(transfer));
                    resolvedAfterDoubt += inDoubt ? 1 : 0;
                    break;
                } catch (TransferOutcomeUnknownException unknown) {
                    assertThat(unknown.clientOid()).isEqualTo(transfer.clientOid());
                    assertThat(stackTraceOf(unknown)).doesNotContain(SECRET_PREFIX, PASSPHRASE_PREFIX);
                    inDoubtCount += inDoubt ? 0 : 1;
                    inDoubt = true;
                    if (restarts(lane)) {
                        gateway = gateway(exchange, lane);   // a new process: no memory of this call
                    }
                } catch (TransferRejectedException rejection) {
                    assertThat(stackTraceOf(rejection)).doesNotContain(SECRET_PREFIX, PASSPHRASE_PREFIX);
                    assertThat(exchange.appliedCount(transfer.clientOid()))
                            .as("lane %d: reported rejected, yet applied: %s", lane, rejection.getMessage()).isZero();
                    rejected.put(transfer.clientOid(), rejection.getMessage());
                    break;
                }
            }
            assertThat(receipts.containsKey(transfer.clientOid()) || rejected.containsKey(transfer.clientOid()))
                    .as("transfer %s in lane %d must be resolved by repeating it", transfer.clientOid(), lane)
                    .isTrue();
        }
        return new LaneResult(exchange, receipts, transfers, rejected, inDoubtCount, resolvedAfterDoubt);
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
        List<RecordedTransfer> applied = exchange.appliedTransfers();

        assertThat(applied).extracting(RecordedTransfer::clientOid).doesNotHaveDuplicates();
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
