/**
 * The transfer model and its port: {@link dev.transfers.bitget.domain.Transfer}, valid by
 * construction, the {@link dev.transfers.bitget.domain.TransferGateway} port, and the three ways
 * a call can end (a receipt, {@link dev.transfers.bitget.domain.TransferRejectedException},
 * {@link dev.transfers.bitget.domain.TransferOutcomeUnknownException}), and the
 * {@link dev.transfers.bitget.domain.TransferHistory} port, which tells what became of a clientOid
 * ({@link dev.transfers.bitget.domain.TransferStatus}). {@link dev.transfers.bitget.domain.Sleeper} is how
 * every adapter waits, so that tests inject one fake time.
 *
 * <p>Depends on the JDK and {@code jakarta.validation} only.
 */
package dev.transfers.bitget.domain;
