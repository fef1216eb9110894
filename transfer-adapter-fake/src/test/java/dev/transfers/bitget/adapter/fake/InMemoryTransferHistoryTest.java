package dev.transfers.bitget.adapter.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.transfers.bitget.domain.AccountType;
import dev.transfers.bitget.domain.RejectionReason;
import dev.transfers.bitget.domain.Transfer;
import dev.transfers.bitget.domain.TransferHistoryUnavailableException;
import dev.transfers.bitget.domain.TransferOutcomeUnknownException;
import dev.transfers.bitget.domain.TransferQuery;
import dev.transfers.bitget.domain.TransferReceipt;
import dev.transfers.bitget.domain.TransferRecord;
import dev.transfers.bitget.domain.TransferRejectedException;
import dev.transfers.bitget.domain.TransferStatus;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The in-memory fake as a {@link dev.transfers.bitget.domain.TransferHistory}. */
class InMemoryTransferHistoryTest {
    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05.678Z");

    private InMemoryTransferGateway fake;

    @BeforeEach
    void fundedFake() {
        fake = new InMemoryTransferGateway(duration -> { }, Clock.fixed(NOW, ZoneOffset.UTC));
        fake.seedBalance(AccountType.SPOT, "USDT", new BigDecimal("100"));
    }

    private static Transfer tenUsdt(String clientOid) {
        return Transfer.builder().from(AccountType.SPOT).to(AccountType.USDT_FUTURES).amount(new BigDecimal("10"))
                .coin("USDT").clientOid(clientOid).build();
    }

    @Test
    void anAppliedTransferIsFoundWithItsReceiptAndRecord() {
        Transfer transfer = tenUsdt("found-1");
        TransferReceipt receipt = fake.transfer(transfer);

        TransferStatus status = fake.statusOf(transfer);

        assertThat(status).isInstanceOfSatisfying(TransferStatus.Applied.class, applied -> {
            assertThat(applied.receipt()).isEqualTo(receipt);
            assertThat(applied.record()).isEqualTo(new TransferRecord(receipt.transferId(), "found-1",
                    AccountType.SPOT, AccountType.USDT_FUTURES, new BigDecimal("10"), "USDT", null, NOW));
        });
    }

    @Test
    void anUnknownClientOidOrAnotherCoinIsNotFound() {
        fake.transfer(tenUsdt("usdt-1"));

        assertThat(fake.statusOf(new TransferQuery("never-sent", "USDT"))).isInstanceOf(TransferStatus.NotFound.class);
        assertThat(fake.statusOf(new TransferQuery("usdt-1", "BTC"))).isInstanceOf(TransferStatus.NotFound.class)
                .extracting(TransferStatus::clientOid).isEqualTo("usdt-1");
    }

    @Test
    void aTransferAppliedInDoubtIsFoundAndOneLostBeforeApplyingIsNot() {
        fake.outcomeUnknownNext(true);
        fake.outcomeUnknownNext(false);

        assertThatThrownBy(() -> fake.transfer(tenUsdt("applied-in-doubt")))
                .isInstanceOf(TransferOutcomeUnknownException.class);
        assertThatThrownBy(() -> fake.transfer(tenUsdt("lost-in-doubt")))
                .isInstanceOf(TransferOutcomeUnknownException.class);

        assertThat(fake.statusOf(tenUsdt("applied-in-doubt"))).isInstanceOf(TransferStatus.Applied.class);
        assertThat(fake.statusOf(tenUsdt("lost-in-doubt"))).isInstanceOf(TransferStatus.NotFound.class);
    }

    @Test
    void aRejectedTransferIsNeverReportedApplied() {
        Transfer tooMuch = Transfer.builder().from(AccountType.SPOT).to(AccountType.P2P)
                .amount(new BigDecimal("100.01")).coin("USDT").clientOid("too-much").build();

        assertThatThrownBy(() -> fake.transfer(tooMuch)).isInstanceOf(TransferRejectedException.class);

        assertThat(fake.statusOf(tooMuch)).isInstanceOf(TransferStatus.NotFound.class);
    }

    @Test
    void aTransferRecordedAsFailedIsReportedFailedAndRejectedWhenSent() {
        Transfer transfer = tenUsdt("failed-1");
        fake.recordTransfer(transfer, RecordedTransfer.Status.FAILED);

        assertThat(fake.statusOf(transfer)).isInstanceOfSatisfying(TransferStatus.Failed.class,
                failed -> assertThat(failed.record().time()).isEqualTo(NOW));
        assertThatThrownBy(() -> fake.transfer(transfer)).isInstanceOfSatisfying(TransferRejectedException.class,
                rejected -> {
                    assertThat(rejected.reason()).isEqualTo(RejectionReason.OTHER);
                    assertThat(rejected.exchangeCode()).contains("42013");
                });
        assertThat(fake.balance(AccountType.SPOT, "USDT")).isEqualByComparingTo("100");
        assertThat(fake.appliedTransfers()).isEmpty();
    }

    @Test
    void aTransferRecordedAsProcessingIsReportedProcessingAndEndsInDoubtWhenSent() {
        Transfer transfer = tenUsdt("processing-1");
        fake.recordTransfer(transfer, RecordedTransfer.Status.PROCESSING);

        assertThat(fake.statusOf(transfer)).isInstanceOf(TransferStatus.Processing.class);
        assertThatThrownBy(() -> fake.transfer(transfer)).isInstanceOf(TransferOutcomeUnknownException.class)
                .hasMessageContaining("Processing");
        assertThat(fake.balance(AccountType.SPOT, "USDT")).isEqualByComparingTo("100");
    }

    @Test
    void recordingASuccessfulTransferOrATakenClientOidIsRefused() {
        fake.transfer(tenUsdt("taken"));

        assertThatThrownBy(() -> fake.recordTransfer(tenUsdt("new"), RecordedTransfer.Status.SUCCESSFUL))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("make the transfer");
        assertThatThrownBy(() -> fake.recordTransfer(tenUsdt("taken"), RecordedTransfer.Status.FAILED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("taken");
    }

    @Test
    void historyUnavailableEndsTheNextLookupOnlyAndMovesNothing() {
        Transfer transfer = tenUsdt("lookup-1");
        fake.transfer(transfer);
        fake.historyUnavailableNext();

        assertThatThrownBy(() -> fake.statusOf(transfer))
                .isInstanceOfSatisfying(TransferHistoryUnavailableException.class,
                        unavailable -> assertThat(unavailable.clientOid()).isEqualTo("lookup-1"));
        assertThat(fake.statusOf(transfer)).isInstanceOf(TransferStatus.Applied.class);
    }

    @Test
    void aHistoryFaultAimedAtAClientOidSparesTheOthersAndTransfers() {
        fake.script(new ScriptedFault.HistoryUnavailable("target"));

        fake.transfer(tenUsdt("target"));
        assertThat(fake.statusOf(tenUsdt("other"))).isInstanceOf(TransferStatus.NotFound.class);
        assertThatThrownBy(() -> fake.statusOf(tenUsdt("target")))
                .isInstanceOf(TransferHistoryUnavailableException.class);
        assertThat(fake.scriptedFaults()).isEmpty();
    }

    @Test
    void historyListsEveryStatusNewestFirst() {
        fake.transfer(tenUsdt("first"));
        fake.recordTransfer(tenUsdt("second"), RecordedTransfer.Status.PROCESSING);

        assertThat(fake.history()).extracting(RecordedTransfer::clientOid, RecordedTransfer::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("second", RecordedTransfer.Status.PROCESSING),
                        org.assertj.core.groups.Tuple.tuple("first", RecordedTransfer.Status.SUCCESSFUL));
        assertThat(fake.history()).allSatisfy(record -> assertThat(record.uid()).isEqualTo(InMemoryTransferGateway.UID));
    }
}
