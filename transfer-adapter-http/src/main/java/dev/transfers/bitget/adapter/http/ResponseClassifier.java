package dev.transfers.bitget.adapter.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.transfers.bitget.domain.AccountType;
import dev.transfers.bitget.domain.RejectionReason;
import dev.transfers.bitget.domain.TransferQuery;
import dev.transfers.bitget.domain.TransferRecord;
import dev.transfers.bitget.domain.TransferStatus;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Turns one HTTP answer of the transfer endpoint into an {@link AttemptResult}, and one of the
 * transfer-records endpoint into a {@link LookupAttempt}, defensively: an HTML page, an empty or
 * truncated body, wrong JSON types or a missing {@code transferId} are never a success, never a
 * record and never an exception. Any {@code code} other than {@code "00000"} is an error whatever
 * the HTTP status.
 */
final class ResponseClassifier {
    /** The one header of an answer that is read: how long to wait before the next attempt. */
    static final String RETRY_AFTER = "Retry-After";
    static final String SUCCESS_CODE = "00000";
    private static final int MAX_MESSAGE_LENGTH = 200;

    /**
     * Strict: an answer with a repeated key (two {@code code}s, say) or trailing content is not a
     * Bitget envelope, so it can never pass for a success.
     */
    private static final JsonFactory STRICT_JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Clock clock;

    ResponseClassifier(Clock clock) {
        this.clock = clock;
    }

    AttemptResult classify(int status, Map<String, Collection<String>> headers, byte[] body) {
        return classify(status, headers, body, envelope(body));
    }

    /**
     * An answer to {@code POST /api/v2/spot/wallet/transfer}, read once: what {@link #classify} and
     * {@link #requestTime} say of it.
     */
    TransferAnswer transferAnswer(int status, Map<String, Collection<String>> headers, byte[] body) {
        Optional<JsonNode> envelope = envelope(body);
        return new TransferAnswer(classify(status, headers, body, envelope), requestTime(envelope));
    }

    /** What an answer to a transfer says, and when the exchange handled the request (see {@link #requestTime}). */
    record TransferAnswer(AttemptResult result, OptionalLong requestTime) {
    }

    private AttemptResult classify(int status, Map<String, Collection<String>> headers, byte[] body,
            Optional<JsonNode> envelope) {
        Optional<Duration> retryAfter = retryAfter(headers);
        Optional<String> code = envelope.flatMap(node -> text(node, "code"));
        String message = envelope.flatMap(node -> text(node, "msg")).map(ResponseClassifier::shorten).orElse(null);

        if (status == 429) {
            return new AttemptResult.RateLimited(code.orElse("429"), message, retryAfter,
                    "HTTP 429" + codeText(code, message));
        }
        if (code.isEmpty()) {
            return new AttemptResult.InDoubt(retryAfter, null,
                    "HTTP " + status + " with " + describeBody(body) + ", not a Bitget answer");
        }
        if (code.get().equals(SUCCESS_CODE)) {
            return success(status, envelope.get(), retryAfter);
        }
        return error(status, code.get(), message, retryAfter);
    }

    /**
     * What one answer of {@code GET /api/v2/spot/account/transferRecords} says of {@code query}.
     * Only records with the query's clientOid (exactly) and coin (in any case: Bitget's own sample
     * writes {@code "btc"}) count; a record of it that cannot be read whole (status, accounts,
     * amount, time, transferId) makes the answer unreadable, never a guess. When several records
     * carry the clientOid, a successful one wins over a processing one, and that over a failed one.
     */
    LookupAttempt classifyRecords(int status, Map<String, Collection<String>> headers, byte[] body,
            TransferQuery query) {
        Optional<Duration> retryAfter = retryAfter(headers);
        Optional<JsonNode> envelope = envelope(body);
        Optional<String> code = envelope.flatMap(node -> text(node, "code"));
        String message = envelope.flatMap(node -> text(node, "msg")).map(ResponseClassifier::shorten).orElse(null);
        String seen = "HTTP " + status + codeText(code, message);
        if (status == 429) {
            return new LookupAttempt.RateLimited(retryAfter, seen);
        }
        if (code.isEmpty()) {
            return new LookupAttempt.Retryable(retryAfter, null,
                    "HTTP " + status + " with " + describeBody(body) + ", not a Bitget answer");
        }
        if (!code.get().equals(SUCCESS_CODE)) {
            return lookupError(status, code.get(), retryAfter, seen);
        }
        JsonNode data = envelope.get().get("data");
        if (status / 100 != 2 || data == null || !data.isArray()) {
            return new LookupAttempt.Retryable(retryAfter, null, seen + " but no list of records");
        }
        Optional<TransferStatus> best = Optional.empty();
        for (JsonNode entry : data) {
            if (!entry.isObject()) {
                return new LookupAttempt.Retryable(retryAfter, null, seen + " with a record that is not an object");
            }
            boolean ours = text(entry, "clientOid").filter(query.clientOid()::equals).isPresent()
                    && text(entry, "coin").filter(query.coin()::equalsIgnoreCase).isPresent();
            if (!ours) {
                continue;
            }
            Optional<TransferStatus> read = transferStatus(entry, query);
            if (read.isEmpty()) {
                return new LookupAttempt.Retryable(retryAfter, null,
                        seen + " with a record of clientOid " + query.clientOid() + " that could not be read");
            }
            if (best.isEmpty() || rank(read.get()) > rank(best.get())) {
                best = read;
            }
        }
        TransferStatus found = best.orElseGet(() -> new TransferStatus.NotFound(query));
        return new LookupAttempt.Seen(found, "the transfer records show " + describe(found));
    }

    /** The server time of a {@code GET /api/v2/public/time} answer, if it is a well-formed one. */
    Optional<Long> serverTime(int status, byte[] body) {
        if (status / 100 != 2) {
            return Optional.empty();
        }
        return envelope(body)
                .filter(node -> text(node, "code").filter(SUCCESS_CODE::equals).isPresent())
                .map(node -> node.get("data"))
                .filter(JsonNode::isObject)
                .flatMap(data -> text(data, "serverTime"))
                .flatMap(ResponseClassifier::parseLong);
    }

    /**
     * The {@code requestTime} of an answer that is a Bitget envelope (it has a {@code code}), in epoch
     * milliseconds of the exchange's clock: when the exchange handled the request. Empty for anything
     * else (an HTML page, a body without it, a value that is not a positive integer).
     */
    OptionalLong requestTime(byte[] body) {
        return requestTime(envelope(body));
    }

    private static OptionalLong requestTime(Optional<JsonNode> envelope) {
        return envelope
                .filter(node -> text(node, "code").isPresent())
                .map(node -> node.get("requestTime"))
                .flatMap(ResponseClassifier::epochMillis)
                .filter(millis -> millis > 0)
                .map(OptionalLong::of)
                .orElseGet(OptionalLong::empty);
    }

    private AttemptResult success(int status, JsonNode envelope, Optional<Duration> retryAfter) {
        JsonNode data = envelope.get("data");
        Optional<String> transferId = data != null && data.isObject()
                ? text(data, "transferId").filter(id -> !id.isBlank())
                : Optional.empty();
        if (status / 100 == 2 && transferId.isPresent()) {
            Optional<String> echo = text(data, "clientOid").or(() -> text(data, "clientOrderId"));
            return new AttemptResult.Applied(transferId.get(), echo, "applied as transfer " + transferId.get());
        }
        return new AttemptResult.InDoubt(retryAfter, null, "HTTP " + status + " with code " + SUCCESS_CODE
                + (transferId.isPresent() ? "" : " but no transferId"));
    }

    private static AttemptResult error(int status, String code, String message, Optional<Duration> retryAfter) {
        String description = "HTTP " + status + codeText(Optional.of(code), message);
        Optional<BitgetErrorCode> known = BitgetErrorCode.of(code);
        if (known.isEmpty()) {
            if (status / 100 == 4) {
                // A well-formed Bitget error envelope with a client-error status: refused, not applied.
                return new AttemptResult.Rejected(RejectionReason.OTHER, code, message, false, description);
            }
            return new AttemptResult.InDoubt(retryAfter, null, description + " (a code this client does not know)");
        }
        BitgetErrorCode family = known.get();
        return switch (family.handling()) {
            case REFUSED_REQUEST -> new AttemptResult.Rejected(family.reason(), code, message, false, description);
            case REJECTED_TRANSFER -> new AttemptResult.Rejected(family.reason(), code, message, true, description);
            case CLOCK_SKEW -> new AttemptResult.ClockRejected(code, message, description);
            case RATE_LIMITED -> new AttemptResult.RateLimited(code, message, retryAfter, description);
            case IN_DOUBT -> new AttemptResult.InDoubt(retryAfter, null, description);
        };
    }

    private static LookupAttempt lookupError(int status, String code, Optional<Duration> retryAfter, String seen) {
        Optional<BitgetErrorCode> known = BitgetErrorCode.of(code);
        if (known.isEmpty()) {
            return status / 100 == 4 ? new LookupAttempt.Refused(seen)
                    : new LookupAttempt.Retryable(retryAfter, null, seen + " (a code this client does not know)");
        }
        return switch (known.get().handling()) {
            case REFUSED_REQUEST, REJECTED_TRANSFER -> new LookupAttempt.Refused(seen);
            case CLOCK_SKEW -> new LookupAttempt.ClockRejected(seen);
            case RATE_LIMITED -> new LookupAttempt.RateLimited(retryAfter, seen);
            case IN_DOUBT -> new LookupAttempt.Retryable(retryAfter, null, seen);
        };
    }

    /** One record of the query's clientOid, read whole, or empty when any part is missing or malformed. */
    private static Optional<TransferStatus> transferStatus(JsonNode entry, TransferQuery query) {
        Optional<String> transferId = text(entry, "transferId").filter(id -> !id.isBlank());
        Optional<AccountType> from = text(entry, "fromType").flatMap(AccountType::findByWireCode);
        Optional<AccountType> to = text(entry, "toType").flatMap(AccountType::findByWireCode);
        Optional<BigDecimal> size = decimal(entry.get("size"));
        Optional<Instant> time = epochMillis(entry.get("ts")).map(Instant::ofEpochMilli);
        Optional<String> recordStatus = text(entry, "status");
        if (transferId.isEmpty() || from.isEmpty() || to.isEmpty() || size.isEmpty() || time.isEmpty()
                || recordStatus.isEmpty()) {
            return Optional.empty();
        }
        String symbol = text(entry, "fromSymbol").filter(s -> !s.isBlank())
                .or(() -> text(entry, "toSymbol").filter(s -> !s.isBlank()))
                .map(s -> s.toUpperCase(Locale.ROOT))
                .orElse(null);
        TransferRecord record = new TransferRecord(transferId.get(), query.clientOid(), from.get(), to.get(),
                size.get(), query.coin(), symbol, time.get());
        return switch (recordStatus.get()) {
            case "Successful" -> Optional.of(new TransferStatus.Applied(record));
            case "Failed" -> Optional.of(new TransferStatus.Failed(record));
            case "Processing" -> Optional.of(new TransferStatus.Processing(record));
            default -> Optional.empty();
        };
    }

    private static int rank(TransferStatus status) {
        if (status instanceof TransferStatus.Applied) {
            return 3;
        }
        return status instanceof TransferStatus.Processing ? 2 : 1;
    }

    /** The status in plain words, for logs and messages. */
    static String describe(TransferStatus status) {
        if (status instanceof TransferStatus.Applied applied) {
            return "clientOid " + status.clientOid() + " applied as transfer " + applied.record().transferId();
        }
        if (status instanceof TransferStatus.Failed failed) {
            return "clientOid " + status.clientOid() + " failed (transfer " + failed.record().transferId() + ")";
        }
        if (status instanceof TransferStatus.Processing processing) {
            return "clientOid " + status.clientOid() + " still processing (transfer "
                    + processing.record().transferId() + ")";
        }
        return "no transfer of " + ((TransferStatus.NotFound) status).query().coin() + " with clientOid "
                + status.clientOid();
    }

    /** A decimal written as a JSON string ({@code "1000.00000000"}) or number. */
    private static Optional<BigDecimal> decimal(JsonNode value) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.isNumber()) {
            return Optional.of(value.decimalValue());
        }
        if (!value.isTextual() || !value.asText().matches("[0-9]{1,40}(\\.[0-9]{1,40})?")) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(value.asText()));
    }

    /** Milliseconds since the epoch written as a JSON string of digits ({@code "1631070374488"}) or an integer. */
    private static Optional<Long> epochMillis(JsonNode value) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return Optional.of(value.asLong());
        }
        if (!value.isTextual() || !value.asText().matches("[0-9]{1,18}")) {
            return Optional.empty();
        }
        return parseLong(value.asText());
    }

    /**
     * The answer's top-level object, read as Jackson's tree model reads it (numbers as
     * {@code int}, {@code long}, {@code BigInteger} or {@code double} nodes) but straight from the
     * streaming parser, without an object mapper; empty for anything that is not one strictly
     * well-formed JSON object.
     */
    private static Optional<JsonNode> envelope(byte[] body) {
        if (body == null || body.length == 0) {
            return Optional.empty();
        }
        try (JsonParser parser = STRICT_JSON.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            JsonNode node = node(parser, first);
            return parser.nextToken() == null ? Optional.of(node) : Optional.empty();
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    /** The value that starts at {@code token}; the parser is left on its last token. */
    private static JsonNode node(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT: {
                ObjectNode object = NODES.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    object.set(name, node(parser, parser.nextToken()));
                }
                return object;
            }
            case START_ARRAY: {
                ArrayNode array = NODES.arrayNode();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    array.add(node(parser, next));
                }
                return array;
            }
            case VALUE_STRING:
                return NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT:
                return switch (parser.getNumberType()) {
                    case INT -> NODES.numberNode(parser.getIntValue());
                    case LONG -> NODES.numberNode(parser.getLongValue());
                    default -> NODES.numberNode(parser.getBigIntegerValue());
                };
            case VALUE_NUMBER_FLOAT:
                return parser.getNumberType() == JsonParser.NumberType.BIG_DECIMAL
                        ? NODES.numberNode(parser.getDecimalValue())
                        : NODES.numberNode(parser.getDoubleValue());
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new IOException("unexpected " + token);
        }
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }

    private static Optional<Long> parseLong(String text) {
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * The first value, trimmed, of the first header named {@code name} (in any case) that has one;
     * a plain loop, as it runs on every answer.
     */
    private static Optional<String> firstValue(Map<String, Collection<String>> headers, String name) {
        for (Map.Entry<String, Collection<String>> header : headers.entrySet()) {
            if (header.getKey() != null && header.getKey().equalsIgnoreCase(name)) {
                for (String value : header.getValue()) {
                    return Optional.of(value.trim());
                }
            }
        }
        return Optional.empty();
    }

    /** Retry-After as delta-seconds or an HTTP date; absent when missing, negative or unreadable. */
    private Optional<Duration> retryAfter(Map<String, Collection<String>> headers) {
        Optional<String> value = firstValue(headers, RETRY_AFTER);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        Optional<Long> seconds = parseLong(value.get());
        if (seconds.isPresent()) {
            return seconds.get() >= 0 ? Optional.of(Duration.ofSeconds(seconds.get())) : Optional.empty();
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(value.get(), DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration until = Duration.between(clock.instant(), at.toInstant());
            return Optional.of(until.isNegative() ? Duration.ZERO : until);
        } catch (DateTimeParseException unreadable) {
            return Optional.empty();
        }
    }

    private static String codeText(Optional<String> code, String message) {
        return code.map(c -> ", code " + c + (message == null ? "" : " (" + message + ")")).orElse("");
    }

    private static String describeBody(byte[] body) {
        if (body == null || body.length == 0) {
            return "an empty body";
        }
        return "a body of " + body.length + " bytes";
    }

    private static String shorten(String message) {
        return message.length() <= MAX_MESSAGE_LENGTH ? message : message.substring(0, MAX_MESSAGE_LENGTH) + "…";
    }
}
