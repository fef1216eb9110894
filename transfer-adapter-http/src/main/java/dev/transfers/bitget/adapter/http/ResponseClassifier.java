package dev.transfers.bitget.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.transfers.bitget.domain.RejectionReason;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Turns one HTTP answer of the transfer endpoint into an {@link AttemptResult}, defensively: an
 * HTML page, an empty or truncated body, wrong JSON types or a missing {@code transferId} are
 * never a success and never an exception. Any {@code code} other than {@code "00000"} is an
 * error whatever the HTTP status.
 */
final class ResponseClassifier {
    static final String SUCCESS_CODE = "00000";
    private static final int MAX_MESSAGE_LENGTH = 200;

    private final ObjectMapper json;
    private final Clock clock;

    ResponseClassifier(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    AttemptResult classify(int status, Map<String, Collection<String>> headers, byte[] body) {
        Optional<Duration> retryAfter = retryAfter(headers);
        Optional<JsonNode> envelope = envelope(body);
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

    private Optional<JsonNode> envelope(byte[] body) {
        if (body == null || body.length == 0) {
            return Optional.empty();
        }
        try {
            JsonNode node = json.readTree(body);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (IOException notJson) {
            return Optional.empty();
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

    /** Retry-After as delta-seconds or an HTTP date; absent when missing, negative or unreadable. */
    private Optional<Duration> retryAfter(Map<String, Collection<String>> headers) {
        Optional<String> value = headers.entrySet().stream()
                .filter(header -> header.getKey() != null && header.getKey().equalsIgnoreCase("Retry-After"))
                .flatMap(header -> header.getValue().stream())
                .map(String::trim)
                .findFirst();
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
