package dev.transfers.bitget.domain;

/**
 * The port through which the application moves assets between a user's accounts.
 *
 * <p>A call ends in exactly one of three ways, so the caller always knows where the money is:
 * <ol>
 *   <li>it returns a {@link TransferReceipt}: the transfer was applied, now or earlier under the
 *       same clientOid;</li>
 *   <li>it throws {@link TransferRejectedException}: the transfer was definitely not applied;</li>
 *   <li>it throws {@link TransferOutcomeUnknownException}: it may have been applied. Calling again
 *       with the same {@link Transfer} (same clientOid) is safe and tells which.</li>
 * </ol>
 * No other exception, and in particular no transport exception, crosses this port.
 *
 * <p>An implementation must be safe for concurrent use and must apply a clientOid at most once:
 * a repeated clientOid returns the first receipt and moves nothing more, even when the other
 * fields differ. {@code TransferGatewayContract} in this module's test-jar states this behaviour
 * as tests; every implementation's tests extend it.
 */
public interface TransferGateway {

    /**
     * Applies the transfer, at most once per clientOid.
     *
     * @param transfer a valid transfer (valid by construction)
     * @return the receipt of the transfer applied under {@code transfer.clientOid()}
     * @throws TransferRejectedException       when the transfer was definitely not applied
     * @throws TransferOutcomeUnknownException when it may have been applied; repeat the same transfer
     */
    TransferReceipt transfer(Transfer transfer);
}
