package dev.transfers.bitget.adapter.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.transfers.bitget.domain.Transfer;

/**
 * The JSON body of {@code POST /api/v2/spot/wallet/transfer}: every value a string, in Bitget's
 * documented order, {@code symbol} left out unless a side is isolated margin.
 */
@JsonPropertyOrder({"fromType", "toType", "amount", "coin", "symbol", "clientOid"})
@JsonInclude(JsonInclude.Include.NON_NULL)
record TransferRequestBody(String fromType, String toType, String amount, String coin, String symbol,
        String clientOid) {

    /** The body for a transfer; the amount as a plain decimal ({@code 1000}, never {@code 1E+3}). */
    static TransferRequestBody of(Transfer transfer) {
        return new TransferRequestBody(
                transfer.from().wireCode(),
                transfer.to().wireCode(),
                transfer.amount().toPlainString(),
                transfer.coin(),
                transfer.involvesIsolatedMargin() ? transfer.symbol() : null,
                transfer.clientOid());
    }
}
