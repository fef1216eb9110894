package dev.transfers.bitget.adapter.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.transfers.bitget.domain.AccountType;
import dev.transfers.bitget.domain.RejectionReason;
import dev.transfers.bitget.domain.Transfer;
import dev.transfers.bitget.domain.TransferHistoryUnavailableException;
import dev.transfers.bitget.domain.TransferOutcomeUnknownException;
import dev.transfers.bitget.domain.TransferReceipt;
import dev.transfers.bitget.domain.TransferRejectedException;
import dev.transfers.bitget.domain.TransferStatus;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Scripted faults: aimed, listed, cleared, and never contradicting the port; the log of calls. */
class InMemoryScriptedFaultsTest {
    private InMemoryTransferGateway fake;

    @BeforeEach
    void fundedFake() {
        fake = new InMemoryTransferGateway(duration -> { });
        fake.seedBalance(AccountType.SPOT, "USDT", new BigDecimal("100"));
    }

    private static Transfer tenUsdt(String clientOid) {
        return Transfer.builder().from(AccountType.SPOT).to(AccountType.USDT_FUTURES).amount(new BigDecimal("10"))
                .coin("USDT").clientOid(clientOid).build();
    }

    @Test
    void cannotBeScriptedIntoReportingAnAppliedTransferAsRejected() {
        Transfer transfer = tenUsdt("applied-then-scripted");
        fake.outcomeUnknownNext(true);
        fake.rejectNext(RejectionReason.ACCOUNT_FROZEN, "43136", "account frozen");

        assertThatThrownBy(() -> fake.transfer(transfer)).isInstanceOf(TransferOutcomeUnknownException.class);
        TransferReceipt repeat = fake.transfer(transfer);

        assertThat(fake.statusOf(transfer)).isInstanceOfSatisfying(TransferStatus.Applied.class,
                applied -> assertThat(applied.receipt()).isEqualTo(repeat));
        assertThat(fake.balance(AccountType.SPOT, "USDT")).isEqualByComparingTo("90");
        assertThat(fake.scriptedFaults()).as("the rejection waits for a call it can honestly reject")
                .containsExactly(new ScriptedFault.Reject(null, RejectionReason.ACCOUNT_FROZEN, "43136",
                        "account frozen"));
        assertThatThrownBy(() -> fake.transfer(tenUsdt("a-fresh-one")))
                .isInstanceOfSatisfying(TransferRejectedException.class,
                        rejected -> assertThat(rejected.reason()).isEqualTo(RejectionReason.ACCOUNT_FROZEN));
        assertThat(fake.scriptedFaults()).isEmpty();
    }

    @Test
    void noScriptAimedAtAnAppliedClientOidChangesItsReceipt() {
        Transfer transfer = tenUsdt("already-applied");
        TransferReceipt receipt = fake.transfer(transfer);
        fake.script(new ScriptedFault.Reject("already-applied", RejectionReason.OTHER, null, null));
        fake.script(new ScriptedFault.OutcomeUnknown("already-applied", false));
        fake.outcomeUnknownNext(true);

        assertThat(fake.transfer(transfer)).isEqualTo(receipt);
        assertThat(fake.transfer(transfer)).isEqualTo(receipt);
        assertThat(fake.scriptedFaults()).hasSize(3);
        assertThat(fake.appliedTransfers()).hasSize(1);
    }

    @Test
    void aRejectionDoesNotApplyToATransferRecordedAsProcessing() {
        Transfer transfer = tenUsdt("in-progress");
        fake.recordTransfer(transfer, RecordedTransfer.Status.PROCESSING);
        fake.rejectNext(RejectionReason.OTHER, null, null);

        assertThatThrownBy(() -> fake.transfer(transfer)).isInstanceOf(TransferOutcomeUnknownException.class);
        assertThat(fake.scriptedFaults()).hasSize(1);
    }

    @Test
    void aFaultAimedAtAClientOidWaitsForThatClientOid() {
        fake.script(new ScriptedFault.Reject("target", RejectionReason.ACCOUNT_FROZEN, "43136", "account frozen"));

        fake.transfer(tenUsdt("bystander"));
        assertThatThrownBy(() -> fake.transfer(tenUsdt("target"))).isInstanceOf(TransferRejectedException.class);
        fake.transfer(tenUsdt("target"));

        assertThat(fake.appliedTransfers()).extracting(RecordedTransfer::clientOid)
                .containsExactly("bystander", "target");
    }

    @Test
    void faultsAreListedOldestFirstAndCanBeCleared() {
        fake.delayNext(Duration.ofMillis(5));
        fake.script(new ScriptedFault.OutcomeUnknown("x", true));
        fake.historyUnavailableNext();

        assertThat(fake.scriptedFaults()).containsExactly(new ScriptedFault.Delay(null, Duration.ofMillis(5)),
                new ScriptedFault.OutcomeUnknown("x", true), new ScriptedFault.HistoryUnavailable(null));
        assertThat(fake.scriptedFaults().get(1).clientOid()).contains("x");

        fake.clearScriptedFaults();

        assertThat(fake.scriptedFaults()).isEmpty();
        fake.transfer(tenUsdt("x"));
        assertThat(fake.statusOf(tenUsdt("x"))).isInstanceOf(TransferStatus.Applied.class);
    }

    @Test
    void aTransferFaultIsNotUsedByALookupNorALookupFaultByATransfer() {
        fake.rejectNext(RejectionReason.OTHER, null, null);
        fake.historyUnavailableNext();

        assertThatThrownBy(() -> fake.statusOf(tenUsdt("a"))).isInstanceOf(TransferHistoryUnavailableException.class);
        assertThatThrownBy(() -> fake.transfer(tenUsdt("a"))).isInstanceOf(TransferRejectedException.class);
        assertThat(fake.scriptedFaults()).isEmpty();
    }

    @Test
    void aCoinNeverSeededIsUnsupportedAsOnTheSimulator() {
        Transfer doge = Transfer.builder().from(AccountType.SPOT).to(AccountType.P2P).amount(BigDecimal.ONE)
                .coin("DOGE").build();

        assertThatThrownBy(() -> fake.transfer(doge)).isInstanceOfSatisfying(TransferRejectedException.class,
                rejected -> {
                    assertThat(rejected.reason()).isEqualTo(RejectionReason.UNSUPPORTED_COIN_OR_SYMBOL);
                    assertThat(rejected.exchangeCode()).contains("43129");
                });
    }

    @Test
    void theLogCountsEveryCallHoweverItEnded() {
        Transfer transfer = tenUsdt("retried");
        fake.rejectNext(RejectionReason.RATE_LIMITED, "429", "Too Many Requests");
        fake.outcomeUnknownNext(false);
        fake.historyUnavailableNext();

        assertThatThrownBy(() -> fake.transfer(transfer)).isInstanceOf(TransferRejectedException.class);
        assertThatThrownBy(() -> fake.transfer(transfer)).isInstanceOf(TransferOutcomeUnknownException.class);
        assertThatThrownBy(() -> fake.statusOf(transfer)).isInstanceOf(TransferHistoryUnavailableException.class);
        fake.statusOf(transfer);
        TransferReceipt receipt = fake.transfer(transfer);

        assertThat(fake.calls()).hasSize(5).allSatisfy(call -> assertThat(call.clientOid()).isEqualTo("retried"));
        assertThat(fake.calls()).filteredOn(FakeCall.TransferCall.class::isInstance).hasSize(3);
        assertThat(fake.calls().get(0)).isInstanceOfSatisfying(FakeCall.TransferCall.class,
                call -> assertThat(call.failure()).isInstanceOf(TransferRejectedException.class));
        assertThat(fake.calls().get(3)).isInstanceOfSatisfying(FakeCall.StatusCall.class,
                call -> assertThat(call.status()).isInstanceOf(TransferStatus.NotFound.class));
        assertThat(fake.calls().get(4)).isInstanceOfSatisfying(FakeCall.TransferCall.class,
                call -> assertThat(call.receipt()).isEqualTo(receipt));
    }
}
