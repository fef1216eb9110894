package dev.transfers.bitget.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Which transfer to look up in the {@link TransferHistory}: its clientOid and its coin. Both obey
 * the rules of {@link Transfer}, so a query can name only a transfer that could have been made.
 *
 * @param clientOid the idempotency key the transfer was made with
 * @param coin      the transfer's coin, such as {@code USDT}
 */
public record TransferQuery(String clientOid, String coin) {
    private static final Pattern CLIENT_OID = Pattern.compile(Transfer.CLIENT_OID_PATTERN);
    private static final Pattern COIN = Pattern.compile(Transfer.COIN_PATTERN);

    /**
     * @throws IllegalArgumentException naming the field that breaks {@link Transfer}'s rules
     */
    public TransferQuery {
        Objects.requireNonNull(clientOid, "clientOid");
        Objects.requireNonNull(coin, "coin");
        if (!CLIENT_OID.matcher(clientOid).matches()) {
            throw new IllegalArgumentException("clientOid " + Quoting.quote(clientOid) + " "
                    + Transfer.CLIENT_OID_RULE);
        }
        if (!COIN.matcher(coin).matches()) {
            throw new IllegalArgumentException("coin " + Quoting.quote(coin) + " " + Transfer.COIN_RULE);
        }
    }

    /** The query for {@code transfer}: its clientOid and coin. */
    public static TransferQuery of(Transfer transfer) {
        Objects.requireNonNull(transfer, "transfer");
        return new TransferQuery(transfer.clientOid(), transfer.coin());
    }
}
