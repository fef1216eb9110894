package dev.transfers.bitget.adapter.fake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transfers.bitget.domain.AccountType;
import dev.transfers.bitget.domain.RejectionReason;
import dev.transfers.bitget.domain.Transfer;
import dev.transfers.bitget.domain.TransferReceipt;
import dev.transfers.bitget.domain.TransferRejectedException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Eight threads, random transfers between four accounts, clientOids deliberately shared between threads. */
class InMemoryTransferGatewayHammerTest {
    private static final int THREADS = 8;
    private static final int CALLS_PER_THREAD = 2_000;
    private static final int DISTINCT_CLIENT_OIDS = 6_000;
    private static final List<AccountType> ACCOUNTS = List.of(AccountType.SPOT, AccountType.P2P,
            AccountType.USDT_FUTURES, AccountType.CROSSED_MARGIN);

    @Test
    void moneyIsConservedAndNoClientOidIsAppliedTwice() throws Exception {
        InMemoryTransferGateway fake = new InMemoryTransferGateway();
        for (AccountType account : ACCOUNTS) {
            fake.seedBalance(account, "USDT", new BigDecimal("250.00"));
        }
        Map<String, TransferReceipt> receiptByClientOid = new ConcurrentHashMap<>();
        List<Callable<Integer>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Random random = new Random(42L + t);
            workers.add(() -> {
                int rejected = 0;
                for (int i = 0; i < CALLS_PER_THREAD; i++) {
                    Transfer transfer = randomTransfer(random);
                    try {
                        TransferReceipt receipt = fake.transfer(transfer);
                        TransferReceipt earlier = receiptByClientOid.putIfAbsent(transfer.clientOid(), receipt);
                        assertThat(earlier == null ? receipt : earlier).isEqualTo(receipt);
                    } catch (TransferRejectedException e) {
                        assertThat(e.reason()).isEqualTo(RejectionReason.INSUFFICIENT_BALANCE);
                        rejected++;
                    }
                }
                return rejected;
            });
        }

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (Future<Integer> worker : pool.invokeAll(workers, 60, TimeUnit.SECONDS)) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }

        List<RecordedTransfer> applied = fake.appliedTransfers();
        assertThat(applied).extracting(RecordedTransfer::clientOid).doesNotHaveDuplicates();
        assertThat(applied).extracting(RecordedTransfer::transferId).doesNotHaveDuplicates();
        assertThat(applied.stream().map(a -> a.toTransferRecord().receipt()).collect(
                Collectors.toMap(TransferReceipt::clientOid, Function.identity()))).isEqualTo(receiptByClientOid);
        BigDecimal total = fake.balances().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(total).isEqualByComparingTo("1000");
        assertThat(fake.balances().values()).allSatisfy(balance -> assertThat(balance.signum()).isNotNegative());
        for (AccountType account : ACCOUNTS) {
            assertThat(fake.balance(account, "USDT")).isEqualByComparingTo(replayedBalance(applied, account));
        }
    }

    private static BigDecimal replayedBalance(List<RecordedTransfer> applied, AccountType account) {
        BigDecimal balance = new BigDecimal("250.00");
        for (RecordedTransfer a : applied) {
            if (a.from() == account) {
                balance = balance.subtract(a.amount());
            }
            if (a.to() == account) {
                balance = balance.add(a.amount());
            }
        }
        return balance;
    }

    private static Transfer randomTransfer(Random random) {
        AccountType from = ACCOUNTS.get(random.nextInt(ACCOUNTS.size()));
        AccountType to = ACCOUNTS.get((ACCOUNTS.indexOf(from) + 1 + random.nextInt(ACCOUNTS.size() - 1)) % ACCOUNTS.size());
        return Transfer.builder()
                .from(from)
                .to(to)
                .amount(BigDecimal.valueOf(1 + random.nextInt(4000), 2))
                .coin("USDT")
                .clientOid("hammer-" + random.nextInt(DISTINCT_CLIENT_OIDS))
                .build();
    }
}
