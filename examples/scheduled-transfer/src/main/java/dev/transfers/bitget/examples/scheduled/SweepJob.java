package dev.transfers.bitget.examples.scheduled;

import dev.transfers.bitget.domain.Transfer;
import dev.transfers.bitget.domain.TransferException;
import dev.transfers.bitget.domain.TransferGateway;
import dev.transfers.bitget.domain.TransferOutcomeUnknownException;
import dev.transfers.bitget.domain.TransferReceipt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Each run moves {@link SweepProperties#amount()} through the {@link TransferGateway} the starter
 * made. A transfer whose outcome is unknown is sent again, same clientOid, on the next run before a
 * new one: Bitget applies a clientOid once, so the retry either reports the earlier transfer or
 * makes it, never a second one.
 */
@Component
public class SweepJob {
    private static final Logger LOG = LoggerFactory.getLogger(SweepJob.class);

    private final TransferGateway gateway;
    private final SweepProperties sweep;
    private Transfer inDoubt;

    /** The job over the application's gateway. */
    public SweepJob(TransferGateway gateway, SweepProperties sweep) {
        this.gateway = gateway;
        this.sweep = sweep;
    }

    /** One run: the transfer left in doubt by the last run, else a new one. */
    @Scheduled(fixedDelayString = "${example.sweep.every}", initialDelayString = "${example.sweep.every}")
    public synchronized void run() {
        Transfer transfer = inDoubt != null ? inDoubt : Transfer.builder().from(sweep.from()).to(sweep.to())
                .amount(sweep.amount()).coin(sweep.coin()).build();
        try {
            TransferReceipt receipt = gateway.transfer(transfer);
            inDoubt = null;
            LOG.info("Moved {} {} from {} to {}: transferId {}", transfer.amount(), transfer.coin(), transfer.from(),
                    transfer.to(), receipt.transferId());
        } catch (TransferOutcomeUnknownException unknown) {
            inDoubt = transfer;
            LOG.warn("Transfer {} may or may not have been applied; the next run sends it again", transfer.clientOid());
        } catch (TransferException refused) {
            inDoubt = null;
            LOG.warn("Transfer {} was not applied: {}", transfer.clientOid(), refused.getMessage());
        }
    }
}
