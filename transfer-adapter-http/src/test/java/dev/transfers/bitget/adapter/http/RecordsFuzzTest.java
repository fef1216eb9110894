package dev.transfers.bitget.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.transfers.bitget.domain.TransferQuery;
import dev.transfers.bitget.domain.TransferStatus;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * 12,000 generated and mutated answers of the transfer-records endpoint (seeded, so reproducible)
 * fed to the adapter's decoding of them. None may throw, and none may be misread in either
 * direction, as judged by a separate strict parse here: a clientOid is {@code Applied} only when a
 * well-formed answer holds a {@code Successful} record of it with that transferId; {@code NotFound}
 * (which, after an answered attempt, proves "not applied") only when a well-formed 2xx answer with
 * code {@code 00000} lists records none of which is of the clientOid; {@code Failed} or
 * {@code Processing} only when such a record of it is there and no successful one.
 */
class RecordsFuzzTest {
    private static final long SEED = 20_261_126L;
    private static final int CASES = 12_000;
    private static final TransferQuery QUERY = new TransferQuery("oid-1", "USDT");
    private static final String SAMPLE = "{\"coin\":\"usdt\",\"status\":\"Successful\",\"toType\":\"usdt_futures\","
            + "\"toSymbol\":\"\",\"fromType\":\"spot\",\"fromSymbol\":\"\",\"size\":\"1000.00000000\","
            + "\"ts\":\"1631070374488\",\"clientOid\":\"oid-1\",\"transferId\":\"1\"}";
    private static final List<String> SEEDS = List.of(
            envelope(SAMPLE),
            envelope(SAMPLE.replace("Successful", "Failed")),
            envelope(SAMPLE.replace("Successful", "Processing")),
            envelope(SAMPLE.replace("oid-1", "oid-2") + "," + SAMPLE.replace("Successful", "Processing")),
            envelope(SAMPLE.replace("oid-1", "other")),
            envelope(""),
            "{\"code\":\"429\",\"msg\":\"Too Many Requests\",\"requestTime\":1679196063659,\"data\":null}",
            "{\"code\":\"40009\",\"msg\":\"sign signature error\",\"requestTime\":1679196063659,\"data\":null}",
            "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>",
            "");
    private static final List<String> VALUES = List.of("null", "true", "0", "-1", "\"\"", "\"oid-1\"", "\"OID-1\"",
            "\"Successful\"", "\"successful\"", "\"Failed\"", "[]", "{}", "\"1.5e3\"", "\"-5\"", "1631070374488",
            "\"spot\"", "\"USDT\"", "\"00000\"", "[{}]");
    private static final int[] STATUSES = {200, 200, 200, 200, 201, 204, 400, 401, 404, 429, 500, 502, 503};

    private final ResponseClassifier classifier = new ResponseClassifier(Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC));
    private final ObjectMapper strict = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private static String envelope(String records) {
        return "{\"code\":\"00000\",\"msg\":\"success\",\"requestTime\":1631608142260,\"data\":[" + records + "]}";
    }

    @Test
    void noGeneratedAnswerThrowsOrIsMisreadEitherWay() {
        Random random = new Random(SEED);
        int applied = 0;
        int notFound = 0;
        for (int i = 0; i < CASES; i++) {
            String body = mutate(SEEDS.get(random.nextInt(SEEDS.size())), random);
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            int status = STATUSES[random.nextInt(STATUSES.length)];

            LookupAttempt result;
            try {
                result = classifier.classifyRecords(status, Map.of(), bytes, QUERY);
            } catch (RuntimeException thrown) {
                throw new AssertionError("case " + i + " threw " + thrown + " for " + body, thrown);
            }

            assertThat(result.description()).as("case %d", i).isNotNull();
            if (!(result instanceof LookupAttempt.Seen seen)) {
                continue;
            }
            List<JsonNode> ours = recordsOfTheClientOid(status, bytes);
            assertThat(ours).as("case %d: status %d body %s read as records", i, status, body).isNotNull();
            TransferStatus read = seen.status();
            if (read instanceof TransferStatus.Applied success) {
                applied++;
                assertThat(ours).as("case %d: %s taken for applied", i, body).anySatisfy(record -> {
                    assertThat(record.path("status").asText()).isEqualTo("Successful");
                    assertThat(record.path("transferId").asText()).isEqualTo(success.record().transferId());
                });
            } else if (read instanceof TransferStatus.NotFound) {
                notFound++;
                assertThat(ours).as("case %d: %s taken for no record", i, body).isEmpty();
            } else {
                String expected = read instanceof TransferStatus.Failed ? "Failed" : "Processing";
                assertThat(ours).as("case %d: %s taken for %s", i, body, expected)
                        .anySatisfy(record -> assertThat(record.path("status").asText()).isEqualTo(expected))
                        .noneSatisfy(record -> assertThat(record.path("status").asText()).isEqualTo("Successful"));
            }
        }
        assertThat(applied).as("the generator must also produce real records").isGreaterThan(100);
        assertThat(notFound).as("the generator must also produce real absences").isGreaterThan(100);
        System.out.printf("records fuzz: %d answers, %d applied and %d absent recognised, none misread%n", CASES,
                applied, notFound);
    }

    /**
     * The records of the clientOid (any coin case) in a strictly well-formed 2xx success answer;
     * {@code null} when the answer is not one.
     */
    private List<JsonNode> recordsOfTheClientOid(int status, byte[] bytes) {
        if (status / 100 != 2) {
            return null;
        }
        try {
            JsonNode root = strict.readTree(bytes);
            if (root == null || !root.isObject() || !root.path("code").isTextual()
                    || !root.get("code").asText().equals("00000") || !root.path("data").isArray()) {
                return null;
            }
            List<JsonNode> ours = new ArrayList<>();
            for (JsonNode record : root.get("data")) {
                if (!record.isObject()) {
                    return null;
                }
                if (record.path("clientOid").isTextual() && record.get("clientOid").asText().equals("oid-1")
                        && record.path("coin").isTextual() && record.get("coin").asText().equalsIgnoreCase("USDT")) {
                    ours.add(record);
                }
            }
            return ours;
        } catch (Exception notJson) {
            return null;
        }
    }

    private static String mutate(String seed, Random random) {
        String body = seed;
        int mutations = random.nextInt(4);
        for (int m = 0; m < mutations && !body.isEmpty(); m++) {
            int at = random.nextInt(body.length());
            switch (random.nextInt(8)) {
                case 0 -> body = body.substring(0, at);
                case 1 -> body = body.substring(0, at) + body.substring(Math.min(body.length(), at + 1 + random.nextInt(8)));
                case 2 -> body = body.substring(0, at) + (char) random.nextInt(0x3000) + body.substring(at);
                case 3, 4 -> body = replaceValue(body, List.of("\"status\":", "\"clientOid\":", "\"coin\":",
                        "\"transferId\":", "\"size\":", "\"ts\":", "\"fromType\":").get(random.nextInt(7)), random);
                case 5 -> body = replaceValue(body, random.nextBoolean() ? "\"code\":" : "\"data\":", random);
                case 6 -> body = body.replace("\"clientOid\"", "\"clientOid\":\"oid-1\",\"clientOid\"");
                default -> body = body + (random.nextBoolean() ? " {}" : "\n" + SEEDS.get(0));
            }
        }
        return body;
    }

    private static String replaceValue(String body, String key, Random random) {
        return JsonMutations.replaceValue(body, key, VALUES.get(random.nextInt(VALUES.size())));
    }
}
