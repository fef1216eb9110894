package dev.transfers.bitget.domain;

/**
 * The port through which the application asks the exchange what became of a clientOid: the
 * exchange's own record of transfers, the authority that settles a transfer whose outcome was
 * unknown, even in a process that never sent it (after a restart, say).
 *
 * <p>It is a port of its own rather than a method of {@link TransferGateway}: reading the history
 * moves no money, needs no permission to transfer, and has its own rate limit on the exchange, so
 * a reconciliation job or a status command can depend on it alone, and a {@code TransferGateway}
 * implementation need not offer it. An adapter that talks to a real exchange usually implements
 * both, and its {@link TransferGateway#transfer(Transfer)} consults the history itself before it
 * reports a rejection that the exchange's answer did not prove, or ends in doubt.
 *
 * <p>What the history can and cannot prove: a transfer found there as
 * {@link TransferStatus.Applied} was applied and {@link TransferStatus.Failed} was not; a
 * transfer <em>absent</em> from it ({@link TransferStatus.NotFound}) was not applied <em>yet</em>,
 * but a request still in flight (a timed-out or dropped connection) may be applied later, and an
 * exchange may show a transfer only some time after applying it. Treat "not found" as proof only
 * when no request with that clientOid can still arrive.
 *
 * <p>Implementations are safe for concurrent use. {@code TransferGatewayContract} in
 * {@code transfer-testkit} states the behaviour as tests.
 */
public interface TransferHistory {

    /**
     * What the exchange's history says of the transfer made with {@code query}'s clientOid and coin.
     *
     * @param query the clientOid and the coin of the transfer (the exchange files records by coin)
     * @return applied (with the record), failed, processing, or not found
     * @throws TransferHistoryUnavailableException when the history could not be read; nothing is
     *         known then, either way
     */
    TransferStatus statusOf(TransferQuery query);

    /**
     * What became of {@code transfer}: {@code statusOf(TransferQuery.of(transfer))}.
     *
     * @throws TransferHistoryUnavailableException when the history could not be read
     */
    default TransferStatus statusOf(Transfer transfer) {
        return statusOf(TransferQuery.of(transfer));
    }
}
