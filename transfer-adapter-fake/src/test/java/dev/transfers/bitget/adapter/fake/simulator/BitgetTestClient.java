package dev.transfers.bitget.adapter.fake.simulator;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A hand-written Bitget client for driving the simulator: its own HMAC signing, written from
 * REFERENCE.md, shared with nothing in main code.
 */
final class BitgetTestClient {
    static final String TRANSFER_PATH = "/api/v2/spot/wallet/transfer";
    static final String RECORDS_PATH = "/api/v2/spot/account/transferRecords";

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final URI baseUri;

    BitgetTestClient(URI baseUri) {
        this.baseUri = baseUri;
    }

    /** Base64(HMAC-SHA256(secret, prehash)). */
    static String sign(String secret, String prehash) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(prehash.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /** A transfer body; null values are left out. Values are written as JSON strings. */
    static String body(String fromType, String toType, String amount, String coin, String symbol, String clientOid) {
        JsonObject json = new JsonObject();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("fromType", fromType);
        fields.put("toType", toType);
        fields.put("amount", amount);
        fields.put("coin", coin);
        fields.put("symbol", symbol);
        fields.put("clientOid", clientOid);
        fields.forEach((name, value) -> {
            if (value != null) {
                json.addProperty(name, value);
            }
        });
        return json.toString();
    }

    static JsonObject json(HttpResponse<String> response) {
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }

    static String code(HttpResponse<String> response) {
        return json(response).get("code").getAsString();
    }

    /** A signed {@code POST} of a transfer with this body. */
    Call transfer(SimulatedBitget.Credentials credentials, String body) {
        return new Call(credentials, "POST", TRANSFER_PATH, null, body);
    }

    /** A signed {@code GET} of the transfer records with this raw query (sent and signed exactly as given). */
    Call records(SimulatedBitget.Credentials credentials, String rawQuery) {
        return new Call(credentials, "GET", RECORDS_PATH, rawQuery, "");
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(baseUri.resolve(path)).timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** One signed request; every header can be replaced or left out before sending. */
    final class Call {
        private final SimulatedBitget.Credentials credentials;
        private final String method;
        private final String path;
        private final String rawQuery;
        private final String body;
        private long timestamp = System.currentTimeMillis();
        private String signSecret;
        private Duration timeout = Duration.ofSeconds(5);
        private final Map<String, String> overrides = new LinkedHashMap<>();

        private Call(SimulatedBitget.Credentials credentials, String method, String path, String rawQuery,
                     String body) {
            this.credentials = credentials;
            this.method = method;
            this.path = path;
            this.rawQuery = rawQuery;
            this.body = body;
            this.signSecret = credentials.secret();
        }

        Call timestamp(long millis) {
            this.timestamp = millis;
            return this;
        }

        Call signedWith(String secret) {
            this.signSecret = secret;
            return this;
        }

        Call header(String name, String value) {
            overrides.put(name, value);
            return this;
        }

        Call without(String name) {
            overrides.put(name, null);
            return this;
        }

        Call timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /** What is signed: timestamp + method + path [+ "?" + raw query] + body. */
        String prehash() {
            return timestamp + method + pathAndQuery() + body;
        }

        /** The headers as they will be sent, signed over {@link #prehash()}. */
        Map<String, String> headers() {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("ACCESS-KEY", credentials.apiKey());
            headers.put("ACCESS-SIGN", sign(signSecret, prehash()));
            headers.put("ACCESS-TIMESTAMP", Long.toString(timestamp));
            headers.put("ACCESS-PASSPHRASE", credentials.passphrase());
            if (method.equals("POST")) {
                headers.put("Content-Type", "application/json");
            }
            headers.put("locale", "en-US");
            if (credentials.environment() == SimulatedBitget.Credentials.Environment.DEMO_TRADING) {
                headers.put("paptrading", "1");
            }
            overrides.forEach((name, value) -> {
                headers.remove(name);
                if (value != null) {
                    headers.put(name, value);
                }
            });
            return headers;
        }

        String body() {
            return body;
        }

        HttpResponse<String> send() throws IOException, InterruptedException {
            return http.send(request(), HttpResponse.BodyHandlers.ofString());
        }

        CompletableFuture<HttpResponse<String>> sendAsync() {
            return http.sendAsync(request(), HttpResponse.BodyHandlers.ofString());
        }

        private String pathAndQuery() {
            return rawQuery == null ? path : path + "?" + rawQuery;
        }

        private HttpRequest request() {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUri + pathAndQuery()))
                    .timeout(timeout);
            if (method.equals("POST")) {
                request.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            } else {
                request.GET();
            }
            headers().forEach(request::header);
            return request.build();
        }
    }
}
