package dev.transfers.bitget.adapter.fake;

import dev.transfers.bitget.domain.Transfer;
import dev.transfers.bitget.domain.TransferReceipt;

/**
 * A transfer the fake applied, with the receipt it gave.
 *
 * @param transfer the transfer as first received under its clientOid
 * @param receipt  the receipt returned for it, and for every repeat of its clientOid
 */
public record AppliedTransfer(Transfer transfer, TransferReceipt receipt) {
}
