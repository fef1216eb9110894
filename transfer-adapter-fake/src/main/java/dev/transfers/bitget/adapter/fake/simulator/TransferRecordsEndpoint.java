package dev.transfers.bitget.adapter.fake.simulator;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.Headers;
import dev.transfers.bitget.adapter.fake.ExchangeLedger;
import dev.transfers.bitget.adapter.fake.RecordedTransfer;
import dev.transfers.bitget.domain.AccountType;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * {@code GET /api/v2/spot/account/transferRecords}: authenticates and rate-limits like the transfer
 * (with its own budget), checks the query, and answers the caller's UID's records, newest first, in
 * the shape of Bitget's documented sample, in the order {@link SimulatedBitget}'s documentation gives.
 */
final class TransferRecordsEndpoint {
    static final String PATH = "/api/v2/spot/account/transferRecords";

    private static final Duration MAX_SPAN = Duration.ofDays(90);
    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 500;
    private static final int SIZE_DECIMALS = 8;
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,19}");
    private static final byte[] NO_BODY = new byte[0];

    private final Authenticator authenticator;
    private final SlidingWindowRateLimiter rateLimiter;
    private final ExchangeLedger ledger;
    private final Supplier<Instant> serverTime;
    private final Duration lag;

    /** @param lag how long after it was recorded a transfer starts to show */
    TransferRecordsEndpoint(Authenticator authenticator, SlidingWindowRateLimiter rateLimiter, ExchangeLedger ledger,
                            Supplier<Instant> serverTime, Duration lag) {
        this.authenticator = authenticator;
        this.rateLimiter = rateLimiter;
        this.ledger = ledger;
        this.serverTime = serverTime;
        this.lag = lag;
    }

    /** Answers one request. */
    Response handle(String rawPath, String rawQuery, Headers headers) {
        try {
            SimulatedBitget.Credentials credentials =
                    authenticator.authenticate("GET", rawPath, rawQuery, headers, NO_BODY, rateLimiter);
            Map<String, String> query = parseQuery(rawQuery);
            Predicate<RecordedTransfer> wanted = filter(query);
            long limit = query.containsKey("limit") ? number(query, "limit", 1, MAX_LIMIT) : DEFAULT_LIMIT;
            JsonArray data = new JsonArray();
            ledger.history(credentials.uid()).stream().filter(wanted).limit(limit).map(TransferRecordsEndpoint::json)
                    .forEach(data::add);
            return Response.envelope(200, "00000", "success", serverTime.get(), data);
        } catch (Rejection rejection) {
            return Response.error(rejection.httpStatus(), rejection.code(), rejection.getMessage(), serverTime.get());
        }
    }

    private Predicate<RecordedTransfer> filter(Map<String, String> query) {
        String coin = query.get("coin");
        if (coin == null) {
            throw Rejection.badRequest("40019", "Parameter coin cannot be empty");
        }
        Predicate<RecordedTransfer> wanted = record -> record.coin().equalsIgnoreCase(coin);
        String fromType = query.get("fromType");
        if (fromType != null) {
            AccountType from = AccountType.findByWireCode(fromType).orElseThrow(() -> parameterError("fromType"));
            wanted = wanted.and(record -> record.from() == from);
        }
        String clientOid = query.get("clientOid");
        if (clientOid != null) {
            wanted = wanted.and(record -> clientOid.equals(record.clientOid()));
        }
        if (query.containsKey("idLessThan")) {
            long cursor = number(query, "idLessThan", 0, Long.MAX_VALUE);
            wanted = wanted.and(record -> Long.parseLong(record.transferId()) < cursor);
        }
        Instant visibleBefore = serverTime.get().minus(lag);
        return wanted.and(span(query)).and(record -> !record.time().isAfter(visibleBefore));
    }

    /** The time filter; a span from startTime to endTime (now when absent) over 90 days is refused. */
    private Predicate<RecordedTransfer> span(Map<String, String> query) {
        Long start = query.containsKey("startTime") ? number(query, "startTime", 0, Long.MAX_VALUE) : null;
        Long end = query.containsKey("endTime") ? number(query, "endTime", 0, Long.MAX_VALUE) : null;
        long effectiveEnd = end != null ? end : serverTime.get().toEpochMilli();
        if (start != null && effectiveEnd < start) {
            throw Rejection.badRequest("40020", "Parameter endTime error: endTime is before startTime");
        }
        if (start != null && effectiveEnd - start > MAX_SPAN.toMillis()) {
            throw Rejection.badRequest("40020", "Parameter endTime error: the span from startTime to endTime "
                    + "may be at most " + MAX_SPAN.toDays() + " days");
        }
        return record -> {
            long ts = record.time().toEpochMilli();
            return (start == null || ts >= start) && (end == null || ts <= end);
        };
    }

    private static long number(Map<String, String> query, String name, long min, long max) {
        String text = query.get(name);
        long value;
        try {
            value = DIGITS.matcher(text).matches() ? Long.parseLong(text) : -1;
        } catch (NumberFormatException beyondLong) {
            value = -1;
        }
        if (value < min || value > max) {
            throw parameterError(name);
        }
        return value;
    }

    /** The query's parameters, decoded, first value of each, blank ones left out. */
    private static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery == null) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (!value.isBlank()) {
                query.putIfAbsent(name, value);
            }
        }
        return query;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            throw Rejection.badRequest("40017", "Parameter verification failed");
        }
    }

    private static Rejection parameterError(String name) {
        return Rejection.badRequest("40020", "Parameter " + name + " error");
    }

    /** One record as the docs' sample shows it: coin in lower case, size with 8 decimals, ts a string. */
    private static JsonObject json(RecordedTransfer record) {
        JsonObject json = new JsonObject();
        json.addProperty("coin", record.coin().toLowerCase(Locale.ROOT));
        json.addProperty("status", record.status().wireName());
        json.addProperty("toType", record.to().wireCode());
        json.addProperty("toSymbol", symbolOf(record, record.to()));
        json.addProperty("fromType", record.from().wireCode());
        json.addProperty("fromSymbol", symbolOf(record, record.from()));
        BigDecimal amount = record.amount();
        json.addProperty("size", amount.setScale(Math.max(SIZE_DECIMALS, amount.scale())).toPlainString());
        json.addProperty("ts", Long.toString(record.time().toEpochMilli()));
        json.addProperty("clientOid", record.clientOid() == null ? "" : record.clientOid());
        json.addProperty("transferId", record.transferId());
        return json;
    }

    private static String symbolOf(RecordedTransfer record, AccountType side) {
        return side == AccountType.ISOLATED_MARGIN && record.symbol() != null ? record.symbol() : "";
    }
}
