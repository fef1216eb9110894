package dev.transfers.bitget.adapter.fake.simulator;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.sun.net.httpserver.Headers;
import dev.transfers.bitget.domain.AccountType;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code POST /api/v2/spot/wallet/transfer}: authenticates, rate-limits, validates and applies one
 * request, in the order {@link SimulatedBitget}'s documentation gives.
 */
final class TransferEndpoint {
    static final String PATH = "/api/v2/spot/wallet/transfer";

    private static final Duration TIMESTAMP_TOLERANCE = Duration.ofSeconds(30);
    private static final int MAX_BODY_BYTES = 64 * 1024;
    private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{1,18}");
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("[0-9]+(\\.[0-9]+)?");
    private static final Pattern CLIENT_OID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final List<String> STRING_FIELDS =
            List.of("fromType", "toType", "amount", "coin", "symbol", "clientOid");
    private static final List<String> REQUIRED_FIELDS = List.of("fromType", "toType", "amount", "coin");

    private final Map<String, SimulatedBitget.Credentials> credentialsByKey;
    private final SlidingWindowRateLimiter rateLimiter;
    private final Ledger ledger;
    private final Supplier<Instant> serverTime;

    TransferEndpoint(Map<String, SimulatedBitget.Credentials> credentialsByKey, SlidingWindowRateLimiter rateLimiter,
                     Ledger ledger, Supplier<Instant> serverTime) {
        this.credentialsByKey = Map.copyOf(credentialsByKey);
        this.rateLimiter = rateLimiter;
        this.ledger = ledger;
        this.serverTime = serverTime;
    }

    /** Answers one request; applies it when every check passes. */
    Response handle(String rawPath, String rawQuery, Headers headers, byte[] body) {
        try {
            SimulatedBitget.Credentials credentials = authenticate(rawPath, rawQuery, headers, body);
            AppliedTransfer transfer = ledger.apply(credentials.uid(), parse(body));
            JsonObject data = new JsonObject();
            data.addProperty("transferId", transfer.transferId());
            data.addProperty("clientOid", transfer.clientOid());
            return Response.success(serverTime.get(), data);
        } catch (Rejection rejection) {
            return Response.error(rejection.httpStatus(), rejection.code(), rejection.getMessage(), serverTime.get());
        }
    }

    private SimulatedBitget.Credentials authenticate(String rawPath, String rawQuery, Headers headers, byte[] body) {
        String apiKey = header(headers, "ACCESS-KEY");
        if (apiKey == null) {
            throw Rejection.badRequest("40001", "ACCESS_KEY cannot be empty");
        }
        SimulatedBitget.Credentials credentials = credentialsByKey.get(apiKey);
        if (credentials == null) {
            throw Rejection.badRequest("40006", "Invalid ACCESS_KEY");
        }
        if (!rateLimiter.tryAcquire(credentials.uid())) {
            throw new Rejection(429, "429", "Too Many Requests");
        }
        String sign = header(headers, "ACCESS-SIGN");
        if (sign == null) {
            throw Rejection.badRequest("40002", "ACCESS_SIGN cannot be empty");
        }
        String timestamp = header(headers, "ACCESS-TIMESTAMP");
        if (timestamp == null || !TIMESTAMP.matcher(timestamp).matches()) {
            throw Rejection.badRequest("40005", "Invalid ACCESS_TIMESTAMP");
        }
        String passphrase = header(headers, "ACCESS-PASSPHRASE");
        if (passphrase == null) {
            throw Rejection.badRequest("40011", "ACCESS_PASSPHRASE cannot be empty");
        }
        long skewMillis = Math.abs(Long.parseLong(timestamp) - serverTime.get().toEpochMilli());
        if (skewMillis > TIMESTAMP_TOLERANCE.toMillis()) {
            throw Rejection.badRequest("40008", "Request timestamp expired");
        }
        if (!constantTimeEquals(passphrase, credentials.passphrase())) {
            throw Rejection.badRequest("40012", "apikey/password is incorrect");
        }
        String prehashHead = timestamp + "POST" + rawPath + (rawQuery == null ? "" : "?" + rawQuery);
        if (!constantTimeEquals(sign, hmacSha256Base64(credentials.secret(), prehashHead, body))) {
            throw Rejection.badRequest("40009", "sign signature error");
        }
        boolean demoRequested = "1".equals(header(headers, "paptrading"));
        if (demoRequested != credentials.isDemo()) {
            throw Rejection.badRequest("40099", "exchange environment is incorrect");
        }
        if (!isJson(header(headers, "Content-Type"))) {
            throw Rejection.badRequest("40007", "Invalid Content_Type, please use the application/json format");
        }
        return credentials;
    }

    private static TransferOrder parse(byte[] body) {
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
        return new TransferOrder(from, to, new BigDecimal(amountText), text(json, "coin"), symbol, clientOid);
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

    /** A header's first value, or null when it is absent or blank. */
    private static String header(Headers headers, String name) {
        String value = headers.getFirst(name);
        return value == null || value.isBlank() ? null : value;
    }

    private static boolean isJson(String contentType) {
        return contentType != null
                && contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT).equals("application/json");
    }

    private static boolean constantTimeEquals(String given, String expected) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    /** Base64(HMAC-SHA256(secret, prehashHead + body)), over the body's bytes exactly as received. */
    private static String hmacSha256Base64(String secret, String prehashHead, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(prehashHead.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
