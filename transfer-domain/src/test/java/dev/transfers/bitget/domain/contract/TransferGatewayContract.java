package dev.transfers.bitget.domain.contract;

import static dev.transfers.bitget.domain.contract.Transfers.COIN;
import static dev.transfers.bitget.domain.contract.Transfers.aTransfer;
import static dev.transfers.bitget.domain.contract.Transfers.aTransferToIsolatedMargin;
import static dev.transfers.bitget.domain.contract.Transfers.amount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.transfers.bitget.domain.AccountType;
import dev.transfers.bitget.domain.Holding;
import dev.transfers.bitget.domain.RejectionReason;
import dev.transfers.bitget.domain.Transfer;
import dev.transfers.bitget.domain.TransferGateway;
import dev.transfers.bitget.domain.TransferReceipt;
import dev.transfers.bitget.domain.TransferRejectedException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The behaviour every {@link TransferGateway} implementation must show. An adapter's test extends
 * this class and supplies a gateway plus a way to seed and read balances; an adapter is done when
 * it passes.
 *
 * <p>Each test starts from an empty exchange: create the gateway and its exchange afresh for each
 * test (in a {@code @BeforeEach}), or otherwise make sure no balance or clientOid carries over.
 * Concurrency is bounded (at most {@value #CONCURRENT_ATTEMPTS} calls) so that a rate-limited
 * adapter passes in a few seconds.
 */
public abstract class TransferGatewayContract {
    /** How many transfers the concurrency test sends at once, from {@value #THREADS} threads. */
    protected static final int CONCURRENT_ATTEMPTS = 20;
    private static final int THREADS = 8;

    /** The gateway under test, over a fresh, empty exchange. */
    protected abstract TransferGateway gateway();

    /** Sets the balance of {@code holding} on the exchange behind {@link #gateway()}. */
    protected abstract void seedBalance(Holding holding, BigDecimal amount);

    /** The balance of {@code holding} on the exchange behind {@link #gateway()}; zero when none. */
    protected abstract BigDecimal balanceOf(Holding holding);

    private static final Holding SPOT = Holding.of(AccountType.SPOT, COIN);
    private static final Holding FUTURES = Holding.of(AccountType.USDT_FUTURES, COIN);
    private static final Holding CROSSED = Holding.of(AccountType.CROSSED_MARGIN, COIN);

    @ParameterizedTest
    @ValueSource(strings = {"12.345", "0.00000001", "100", "99.99999999"})
    void transferMovesExactlyTheAmount(String moved) {
        seedBalance(SPOT, amount("100"));
        Transfer transfer = aTransfer().amount(amount(moved)).build();

        TransferReceipt receipt = gateway().transfer(transfer);

        assertThat(receipt.clientOid()).isEqualTo(transfer.clientOid());
        assertThat(receipt.transferId()).isNotBlank();
        assertThat(balanceOf(SPOT)).isEqualByComparingTo(amount("100").subtract(amount(moved)));
        assertThat(balanceOf(FUTURES)).isEqualByComparingTo(amount(moved));
    }

    @Test
    void repeatedClientOidReturnsTheFirstReceiptAndMovesNothingMore() {
        seedBalance(SPOT, amount("100"));
        Transfer transfer = aTransfer().amount(amount("10")).build();

        TransferReceipt first = gateway().transfer(transfer);
        TransferReceipt second = gateway().transfer(transfer);

        assertThat(second).isEqualTo(first);
        assertThat(balanceOf(SPOT)).isEqualByComparingTo("90");
        assertThat(balanceOf(FUTURES)).isEqualByComparingTo("10");
    }

    @Test
    void repeatedClientOidWithOtherFieldsStillReturnsTheFirstReceiptAndMovesNothingMore() {
        seedBalance(SPOT, amount("100"));
        Transfer first = aTransfer().amount(amount("10")).clientOid("contract-repeat-1").build();
        Transfer sameKeyOtherFields = aTransfer().to(AccountType.CROSSED_MARGIN).amount(amount("50"))
                .clientOid("contract-repeat-1").build();

        TransferReceipt firstReceipt = gateway().transfer(first);
        TransferReceipt secondReceipt = gateway().transfer(sameKeyOtherFields);

        assertThat(secondReceipt).isEqualTo(firstReceipt);
        assertThat(balanceOf(SPOT)).isEqualByComparingTo("90");
        assertThat(balanceOf(FUTURES)).isEqualByComparingTo("10");
        assertThat(balanceOf(CROSSED)).isEqualByComparingTo("0");
    }

    @Test
    void insufficientBalanceIsRejectedWithThatReasonAndMovesNothing() {
        seedBalance(SPOT, amount("5"));
        Transfer transfer = aTransfer().amount(amount("5.00000001")).build();

        TransferRejectedException rejected =
                catchThrowableOfType(TransferRejectedException.class, () -> gateway().transfer(transfer));

        assertThat(rejected).as("the transfer must be rejected").isNotNull();
        assertThat(rejected.reason()).isEqualTo(RejectionReason.INSUFFICIENT_BALANCE);
        assertThat(rejected.clientOid()).isEqualTo(transfer.clientOid());
        assertThat(balanceOf(SPOT)).isEqualByComparingTo("5");
        assertThat(balanceOf(FUTURES)).isEqualByComparingTo("0");
    }

    @Test
    void isolatedMarginIsKeptPerSymbol() {
        seedBalance(SPOT, amount("100"));
        Holding btc = Holding.isolated("BTCUSDT", COIN);
        Holding eth = Holding.isolated("ETHUSDT", COIN);

        gateway().transfer(aTransferToIsolatedMargin("BTCUSDT").amount(amount("30")).build());
        gateway().transfer(aTransferToIsolatedMargin("ETHUSDT").amount(amount("20")).build());

        assertThat(balanceOf(btc)).isEqualByComparingTo("30");
        assertThat(balanceOf(eth)).isEqualByComparingTo("20");
        assertThat(balanceOf(SPOT)).isEqualByComparingTo("50");

        Transfer moreThanEthHolds = Transfer.builder().from(AccountType.ISOLATED_MARGIN).to(AccountType.SPOT)
                .symbol("ETHUSDT").coin(COIN).amount(amount("25")).build();
        TransferRejectedException rejected =
                catchThrowableOfType(TransferRejectedException.class, () -> gateway().transfer(moreThanEthHolds));

        assertThat(rejected).as("ETHUSDT holds 20, not the 30 of BTCUSDT").isNotNull();
        assertThat(rejected.reason()).isEqualTo(RejectionReason.INSUFFICIENT_BALANCE);
        assertThat(balanceOf(btc)).isEqualByComparingTo("30");
        assertThat(balanceOf(eth)).isEqualByComparingTo("20");
    }

    @Test
    void concurrentTransfersFromOneBalanceNeverOverdrawItAndConserveTheTotal() throws Exception {
        int funded = CONCURRENT_ATTEMPTS / 2 + 2;
        seedBalance(SPOT, BigDecimal.valueOf(funded));
        List<Callable<Boolean>> calls = new ArrayList<>();
        for (int i = 0; i < CONCURRENT_ATTEMPTS; i++) {
            Transfer transfer = aTransfer().amount(BigDecimal.ONE).build();
            calls.add(() -> {
                try {
                    gateway().transfer(transfer);
                    return true;
                } catch (TransferRejectedException rejected) {
                    assertThat(rejected.reason()).isEqualTo(RejectionReason.INSUFFICIENT_BALANCE);
                    return false;
                }
            });
        }

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        int applied = 0;
        try {
            for (Future<Boolean> result : pool.invokeAll(calls, 2, TimeUnit.MINUTES)) {
                applied += result.get() ? 1 : 0;
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(applied).isEqualTo(funded);
        assertThat(balanceOf(SPOT)).isEqualByComparingTo("0");
        assertThat(balanceOf(FUTURES)).isEqualByComparingTo(BigDecimal.valueOf(funded));
    }
}
