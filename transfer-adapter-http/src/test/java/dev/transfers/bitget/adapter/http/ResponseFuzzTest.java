package dev.transfers.bitget.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * 12,000 generated and mutated answers (bodies, statuses, headers; seeded, so reproducible) fed
 * to the adapter's decoding of a transfer answer. None may throw, and none may be misread in
 * either direction, as judged here by a separate strict parse:
 * <ul>
 *   <li>no false success: an answer is {@code Applied} only with a 2xx status and a strictly
 *       well-formed envelope with code {@code 00000} and a non-blank string {@code transferId};</li>
 *   <li>no false refusal: an answer is taken as "not applied" (a rejection, a 429, a timestamp
 *       error) only when it is HTTP 429 or a strictly well-formed envelope carrying that very error
 *       code; and as a rejection of the transfer itself, which settles the call, only for a code of
 *       Bitget's table. An HTML 502 or a truncated body is never one.</li>
 * </ul>
 */
class ResponseFuzzTest {
    private static final long SEED = 77_2026L;
    private static final int CASES = 12_000;
    private static final List<String> SEEDS = List.of(
            "{\"code\":\"00000\",\"msg\":\"success\",\"requestTime\":1683875302853,"
                    + "\"data\":{\"transferId\":\"123456\",\"clientOid\":\"x123\"}}",
            "{\"code\":\"00000\",\"msg\":\"success\",\"requestTime\":1683875302853,"
                    + "\"data\":{\"transferId\":\"98\",\"clientOrderId\":null}}",
            "{\"code\":\"43012\",\"msg\":\"Insufficient balance\",\"requestTime\":1679196063659,\"data\":null}",
            "{\"code\":\"429\",\"msg\":\"Too Many Requests\",\"requestTime\":1679196063659,\"data\":null}",
            "{\"code\":\"40010\",\"msg\":\"Request timed out\",\"requestTime\":1679196063659,\"data\":null}",
            "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>",
            "");
    private static final List<String> JSON_VALUES = List.of("null", "true", "0", "-1", "1e999", "\"\"", "\" \"",
            "\"00000\"", "00000", "[]", "{}", "[\"123\"]", "{\"transferId\":\"1\"}", "\"\\u0000\"", "123456",
            "\"9999999999999999999999999999\"", "NaN");
    private static final int[] STATUSES = {200, 200, 200, 201, 204, 301, 400, 401, 403, 404, 409, 429, 500, 502, 503,
            504};

    private final ResponseClassifier classifier = new ResponseClassifier(Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC));
    private final ObjectMapper strict = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    @Test
    void noGeneratedAnswerThrowsOrPassesForASuccessOrARefusalItIsNot() {
        Random random = new Random(SEED);
        int successes = 0;
        int refusals = 0;
        for (int i = 0; i < CASES; i++) {
            String body = mutate(SEEDS.get(random.nextInt(SEEDS.size())), random);
            byte[] bytes = random.nextInt(20) == 0 ? randomBytes(random) : body.getBytes(StandardCharsets.UTF_8);
            int status = random.nextInt(10) == 0 ? 100 + random.nextInt(500) : STATUSES[random.nextInt(STATUSES.length)];
            Map<String, Collection<String>> headers = randomHeaders(random);

            AttemptResult result;
            try {
                result = classifier.classify(status, headers, bytes);
            } catch (RuntimeException thrown) {
                throw new AssertionError("case " + i + " threw " + thrown + " for status " + status + " body "
                        + new String(bytes, StandardCharsets.UTF_8), thrown);
            }

            assertThat(result).as("case %d", i).isNotNull();
            assertThat(result.description()).as("case %d", i).isNotNull();
            if (result instanceof AttemptResult.Applied applied) {
                successes++;
                assertThat(isRealSuccess(status, bytes, applied.transferId()))
                        .as("case %d: status %d body %s taken for a success", i, status,
                                new String(bytes, StandardCharsets.UTF_8))
                        .isTrue();
            }
            Optional<Optional<String>> refusedWith = refusalCode(result);
            if (refusedWith.isPresent()) {
                refusals++;
                assertThat(status == 429 && result instanceof AttemptResult.RateLimited
                        || refusedWith.get().filter(code -> isRealError(bytes, code)).isPresent())
                        .as("case %d: status %d body %s taken for a refusal", i, status,
                                new String(bytes, StandardCharsets.UTF_8))
                        .isTrue();
            }
            if (result instanceof AttemptResult.Rejected rejected && rejected.settlesTransfer()) {
                assertThat(BitgetErrorCode.of(rejected.code()).map(BitgetErrorCode::handling))
                        .as("case %d: only a listed code rejects the transfer itself", i)
                        .contains(BitgetErrorCode.Handling.REJECTED_TRANSFER);
            }
        }
        assertThat(successes).as("the generator must also produce real successes").isGreaterThan(100);
        assertThat(refusals).as("the generator must also produce real refusals").isGreaterThan(100);
        System.out.printf("response fuzz: %d answers, %d real successes and %d real refusals recognised,"
                + " no false success, no false refusal%n", CASES, successes, refusals);
    }

    /**
     * When an answer was read as "not applied": the error code it was read as refusing with (itself
     * empty when the reading gave none); empty when it was not read as a refusal.
     */
    private static Optional<Optional<String>> refusalCode(AttemptResult result) {
        if (result instanceof AttemptResult.Rejected rejected) {
            return Optional.of(Optional.ofNullable(rejected.code()));
        }
        if (result instanceof AttemptResult.RateLimited limited) {
            return Optional.of(Optional.ofNullable(limited.code()));
        }
        if (result instanceof AttemptResult.ClockRejected clock) {
            return Optional.of(Optional.ofNullable(clock.code()));
        }
        return Optional.empty();
    }

    /** A strictly well-formed envelope whose code is {@code code} (not success). */
    private boolean isRealError(byte[] bytes, String code) {
        try {
            JsonNode root = strict.readTree(bytes);
            return root != null && root.isObject() && root.path("code").isTextual()
                    && root.get("code").asText().equals(code) && !code.equals("00000");
        } catch (Exception notJson) {
            return false;
        }
    }

    private boolean isRealSuccess(int status, byte[] bytes, String transferId) {
        if (status < 200 || status > 299) {
            return false;
        }
        try {
            JsonNode root = strict.readTree(bytes);
            JsonNode data = root == null ? null : root.get("data");
            return root.isObject() && root.path("code").isTextual() && root.get("code").asText().equals("00000")
                    && data != null && data.isObject() && data.path("transferId").isTextual()
                    && !data.get("transferId").asText().isBlank() && data.get("transferId").asText().equals(transferId);
        } catch (Exception notJson) {
            return false;
        }
    }

    private static String mutate(String seed, Random random) {
        String body = seed;
        int mutations = random.nextInt(4);
        for (int m = 0; m < mutations && !body.isEmpty(); m++) {
            int at = random.nextInt(body.length());
            switch (random.nextInt(9)) {
                case 0 -> body = body.substring(0, at);
                case 1 -> body = body.substring(0, at) + body.substring(Math.min(body.length(), at + 1 + random.nextInt(8)));
                case 2 -> body = body.substring(0, at) + (char) random.nextInt(0x3000) + body.substring(at);
                case 3 -> body = replaceValue(body, "\"transferId\":", random);
                case 4 -> body = replaceValue(body, "\"code\":", random);
                case 5 -> body = replaceValue(body, "\"data\":", random);
                case 6 -> body = body.replace("\"code\"", "\"code\":\"00000\",\"code\"");
                case 7 -> body = "[".repeat(1 + random.nextInt(3000)) + body;
                default -> body = body + (random.nextBoolean() ? " {}" : "\n" + SEEDS.get(0));
            }
        }
        return body;
    }

    private static String replaceValue(String body, String key, Random random) {
        return JsonMutations.replaceValue(body, key, JSON_VALUES.get(random.nextInt(JSON_VALUES.size())));
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(300)];
        random.nextBytes(bytes);
        return bytes;
    }

    private static Map<String, Collection<String>> randomHeaders(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> Map.of();
            case 1 -> Map.of("Content-Type", List.of("application/json"));
            case 2 -> Map.of("Content-Type", List.of("text/html"), "Retry-After", List.of("120"));
            case 3 -> Map.of("Retry-After", List.of(random.nextBoolean() ? "-5" : "Wed, 21 Oct 2015 07:28:00 GMT"));
            default -> Map.of("Retry-After", List.of("99999999999999999999", "x"));
        };
    }
}
