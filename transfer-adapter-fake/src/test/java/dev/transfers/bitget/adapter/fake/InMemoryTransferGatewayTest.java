package dev.transfers.bitget.adapter.fake;

import static dev.transfers.bitget.testkit.Transfers.aTransfer;
import static dev.transfers.bitget.testkit.Transfers.aTransferToIsolatedMargin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.transfers.bitget.domain.AccountType;
import dev.transfers.bitget.domain.Holding;
import dev.transfers.bitget.domain.RejectionReason;
import dev.transfers.bitget.domain.Transfer;
import dev.transfers.bitget.domain.TransferOutcomeUnknownException;
import dev.transfers.bitget.domain.TransferReceipt;
import dev.transfers.bitget.domain.TransferRejectedException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InMemoryTransferGatewayTest {
    private final List<Duration> slept = new ArrayList<>();
    private InMemoryTransferGateway fake;

    @BeforeEach
    void fundedFake() {
        fake = new InMemoryTransferGateway(slept::add);
        fake.seedBalance(AccountType.SPOT, "USDT", new BigDecimal("100"));
    }

    @Test
    void rejectNextEndsTheNextCallRejectedWithTheGivenReasonAndMovesNothing() {
        fake.rejectNext(RejectionReason.ACCOUNT_FROZEN, "43136", "account frozen");
        Transfer transfer = aTransfer().build();

        assertThatThrownBy(() -> fake.transfer(transfer))
                .isInstanceOfSatisfying(TransferRejectedException.class, rejected -> {
                    assertThat(rejected.reason()).isEqualTo(RejectionReason.ACCOUNT_FROZEN);
                    assertThat(rejected.exchangeCode()).contains("43136");
                    assertThat(rejected.clientOid()).isEqualTo(transfer.clientOid());
                });
        assertThat(fake.balance(AccountType.SPOT, "USDT")).isEqualByComparingTo("100");
        assertThat(fake.appliedTransfers()).isEmpty();
    }

    @Test
    void aScriptedFaultIsUsedOnceThenCallsProceedNormally() {
        fake.rejectNext(RejectionReason.OTHER, null, null);
        Transfer transfer = aTransfer().build();

        assertThatThrownBy(() -> fake.transfer(transfer)).isInstanceOf(TransferRejectedException.class);
        TransferReceipt receipt = fake.transfer(transfer);

        assertThat(receipt.clientOid()).isEqualTo(transfer.clientOid());
        assertThat(fake.balance(AccountType.SPOT, "USDT")).isEqualByComparingTo("90");
    }

    @Test
    void outcomeUnknownAfterApplyingIsResolvedByRepeatingTheSameTransfer() {
        fake.outcomeUnknownNext(true);
        Transfer transfer = aTransfer().build();

        assertThatThrownBy(() -> fake.transfer(transfer))
                .isInstanceOfSatisfying(TransferOutcomeUnknownException.class,
                        unknown -> assertThat(unknown.clientOid()).isEqualTo(transfer.clientOid()))
                .hasMessageContaining(transfer.clientOid());
        assertThat(fake.balance(AccountType.SPOT, "USDT")).isEqualByComparingTo("90");

        TransferReceipt receipt = fake.transfer(transfer);

        assertThat(fake.appliedTransfers()).extracting(t -> t.toTransferRecord().receipt()).containsExactly(receipt);
        assertThat(fake.balance(AccountType.SPOT, "USDT")).isEqualByComparingTo("90");
        assertThat(fake.balance(AccountType.USDT_FUTURES, "USDT")).isEqualByComparingTo("10");
    }

    @Test
    void outcomeUnknownWithoutApplyingIsResolvedByRepeatingTheSameTransfer() {
        fake.outcomeUnknownNext(false);
        Transfer transfer = aTransfer().build();

        assertThatThrownBy(() -> fake.transfer(transfer)).isInstanceOf(TransferOutcomeUnknownException.class);
        assertThat(fake.balance(AccountType.SPOT, "USDT")).isEqualByComparingTo("100");

        fake.transfer(transfer);

        assertThat(fake.appliedTransfers()).hasSize(1);
        assertThat(fake.balance(AccountType.SPOT, "USDT")).isEqualByComparingTo("90");
    }

    @Test
    void delayNextWaitsThroughTheSleeperThenApplies() {
        fake.delayNext(Duration.ofMillis(1500));

        fake.transfer(aTransfer().build());

        assertThat(slept).containsExactly(Duration.ofMillis(1500));
        assertThat(fake.balance(AccountType.USDT_FUTURES, "USDT")).isEqualByComparingTo("10");
    }

    @Test
    void appliedTransfersAreListedInOrderWithoutRepeats() {
        Transfer first = aTransfer().amount(new BigDecimal("1")).build();
        Transfer second = aTransferToIsolatedMargin("BTCUSDT").amount(new BigDecimal("2")).build();

        fake.transfer(first);
        fake.transfer(second);
        fake.transfer(first);

        assertThat(fake.appliedTransfers()).extracting(RecordedTransfer::clientOid)
                .containsExactly(first.clientOid(), second.clientOid());
        assertThat(fake.balance(Holding.isolated("BTCUSDT", "USDT"))).isEqualByComparingTo("2");
        assertThat(fake.balances()).containsOnlyKeys(Holding.of(AccountType.SPOT, "USDT"),
                Holding.of(AccountType.USDT_FUTURES, "USDT"),
                Holding.isolated("BTCUSDT", "USDT"));
    }

    @Test
    void aCoinNeverSeededIsRejectedAsUnsupportedWithBitgetsCodeAsTheSimulatorAnswers() {
        Transfer transfer = aTransfer().coin("BTC").amount(new BigDecimal("1")).build();

        assertThatThrownBy(() -> fake.transfer(transfer))
                .isInstanceOfSatisfying(TransferRejectedException.class, rejected -> {
                    assertThat(rejected.reason()).isEqualTo(RejectionReason.UNSUPPORTED_COIN_OR_SYMBOL);
                    assertThat(rejected.exchangeCode()).contains("43129");
                });
        assertThat(fake.appliedTransfers()).isEmpty();
    }

    @Test
    void aCoinSeededInAnyAccountIsKnownSoAnEmptySourceIsAnInsufficientBalance() {
        fake.seedBalance(AccountType.P2P, "BTC", BigDecimal.ZERO);
        Transfer transfer = aTransfer().coin("BTC").amount(new BigDecimal("1")).build();

        assertThatThrownBy(() -> fake.transfer(transfer))
                .isInstanceOfSatisfying(TransferRejectedException.class, rejected ->
                        assertThat(rejected.reason()).isEqualTo(RejectionReason.INSUFFICIENT_BALANCE));
    }

    @Test
    void seedingANegativeBalanceIsRefused() {
        assertThatThrownBy(() -> fake.seedBalance(AccountType.P2P, "BTC", new BigDecimal("-1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("negative");
    }

    @Test
    void anIsolatedMarginBalanceNeedsASymbol() {
        assertThatThrownBy(() -> fake.seedBalance(Holding.of(AccountType.ISOLATED_MARGIN, "USDT"), BigDecimal.ONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("symbol");
    }
}
