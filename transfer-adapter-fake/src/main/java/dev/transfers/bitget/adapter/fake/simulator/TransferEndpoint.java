package dev.transfers.bitget.adapter.fake.simulator;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.sun.net.httpserver.Headers;
import dev.transfers.bitget.adapter.fake.ExchangeLedger;
import dev.transfers.bitget.adapter.fake.RecordedTransfer;
import dev.transfers.bitget.domain.AccountType;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * {@code POST /api/v2/spot/wallet/transfer}: authenticates, rate-limits, validates and applies one
 * request, in the order {@link SimulatedBitget}'s documentation gives.
 */
final class TransferEndpoint {
    static final String PATH = "/api/v2/spot/wallet/transfer";

    private static final int MAX_BODY_BYTES = 64 * 1024;
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("[0-9]+(\\.[0-9]+)?");
    private static final Pattern CLIENT_OID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final List<String> STRING_FIELDS =
            List.of("fromType", "toType", "amount", "coin", "symbol", "clientOid");
    private static final List<String> REQUIRED_FIELDS = List.of("fromType", "toType", "amount", "coin");

    private final Authenticator authenticator;
    private final SlidingWindowRateLimiter rateLimiter;
    private final ExchangeLedger ledger;
    private final Supplier<Instant> serverTime;

    TransferEndpoint(Authenticator authenticator, SlidingWindowRateLimiter rateLimiter, ExchangeLedger ledger,
                     Supplier<Instant> serverTime) {
        this.authenticator = authenticator;
        this.rateLimiter = rateLimiter;
        this.ledger = ledger;
        this.serverTime = serverTime;
    }

    /** Answers one request; applies it when every check passes. */
    Response handle(String rawPath, String rawQuery, Headers headers, byte[] body) {
        try {
            SimulatedBitget.Credentials credentials =
                    authenticator.authenticate("POST", rawPath, rawQuery, headers, body, rateLimiter);
            if (!isJson(Authenticator.header(headers, "Content-Type"))) {
                throw Rejection.badRequest("40007", "Invalid Content_Type, please use the application/json format");
            }
            RecordedTransfer transfer = ledger.apply(credentials.uid(), parse(body));
            JsonObject data = new JsonObject();
            data.addProperty("transferId", transfer.transferId());
            data.addProperty("clientOid", transfer.clientOid());
            return Response.success(serverTime.get(), data);
        } catch (ExchangeLedger.Refused refused) {
            return Response.error(400, refused.refusal().code(), refused.refusal().message(), serverTime.get());
        } catch (Rejection rejection) {
            return Response.error(rejection.httpStatus(), rejection.code(), rejection.getMessage(), serverTime.get());
        }
    }

    private static ExchangeLedger.Order parse(byte[] body) {
        JsonObject json = parseObject(body);
        for (String field : STRING_FIELDS) {
            JsonElement value = json.get(field);
            boolean stringOrAbsent = value == null || value.isJsonNull()
                    || value.isJsonPrimitive() && value.getAsJsonPrimitive().isString();
            if (!stringOrAbsent) {
                throw parameterError(field);
            }
        }
        for (String field : REQUIRED_FIELDS) {
            if (text(json, field) == null) {
                throw Rejection.badRequest("40019", "Parameter " + field + " cannot be empty");
            }
        }
        AccountType from = AccountType.findByWireCode(text(json, "fromType")).orElseThrow(() -> parameterError("fromType"));
        AccountType to = AccountType.findByWireCode(text(json, "toType")).orElseThrow(() -> parameterError("toType"));
        if (from == to) {
            throw parameterError("toType");
        }
        String symbol = text(json, "symbol");
        if (symbol == null && (from == AccountType.ISOLATED_MARGIN || to == AccountType.ISOLATED_MARGIN)) {
            throw Rejection.badRequest("43048", "symbol is null");
        }
        String amountText = text(json, "amount");
        if (!PLAIN_DECIMAL.matcher(amountText).matches() || new BigDecimal(amountText).signum() <= 0) {
            throw parameterError("amount");
        }
        JsonElement clientOidValue = json.get("clientOid");
        String clientOid = clientOidValue == null || clientOidValue.isJsonNull() ? null : clientOidValue.getAsString();
        if (clientOid != null && !CLIENT_OID.matcher(clientOid).matches()) {
            throw Rejection.badRequest("40305",
                    "clientOid must be 1 to 64 characters of letters, digits and . _ : -");
        }
        return new ExchangeLedger.Order(from, to, new BigDecimal(amountText), text(json, "coin"), symbol, clientOid);
    }

    private static JsonObject parseObject(byte[] body) {
        Rejection unparseable = Rejection.badRequest("40017", "Parameter verification failed");
        if (body.length > MAX_BODY_BYTES) {
            throw unparseable;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw unparseable;
        }
        try (JsonReader reader = new JsonReader(new StringReader(text))) {
            reader.setStrictness(Strictness.STRICT);
            JsonElement element = JsonParser.parseReader(reader);
            if (!element.isJsonObject() || reader.peek() != JsonToken.END_DOCUMENT) {
                throw unparseable;
            }
            return element.getAsJsonObject();
        } catch (JsonParseException | IOException e) {
            throw unparseable;
        }
    }

    /** A string field's value, or null when it is absent, JSON null or blank. */
    private static String text(JsonObject json, String field) {
        JsonElement value = json.get(field);
        if (value == null || value.isJsonNull() || value.getAsString().isBlank()) {
            return null;
        }
        return value.getAsString();
    }

    private static Rejection parameterError(String field) {
        return Rejection.badRequest("40020", "Parameter " + field + " error");
    }

    private static boolean isJson(String contentType) {
        return contentType != null
                && contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT).equals("application/json");
    }
}
