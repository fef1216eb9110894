package dev.transfers.bitget.adapter.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.transfers.bitget.domain.Transfer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The JSON body of {@code POST /api/v2/spot/wallet/transfer}: every value a string, in Bitget's
 * documented order, {@code symbol} left out unless a side is isolated margin.
 */
record TransferRequestBody(String fromType, String toType, String amount, String coin, String symbol,
        String clientOid) {
    private static final JsonFactory JSON = new JsonFactory();
    private static final int TYPICAL_LENGTH = 160;

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

    /**
     * The body as sent, UTF-8: written field by field with Jackson's streaming generator (escaping
     * included), without the object mapper's reflection on every call.
     */
    byte[] json() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(TYPICAL_LENGTH);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("fromType", fromType);
            json.writeStringField("toType", toType);
            json.writeStringField("amount", amount);
            json.writeStringField("coin", coin);
            if (symbol != null) {
                json.writeStringField("symbol", symbol);
            }
            json.writeStringField("clientOid", clientOid);
            json.writeEndObject();
        } catch (IOException cannotHappen) {
            throw new UncheckedIOException("writing to memory failed", cannotHappen);
        }
        return out.toByteArray();
    }
}
