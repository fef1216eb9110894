package dev.transfers.bitget.adapter.fake.simulator;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/** An HTTP response the simulator sends, and the ways of sending it (whole or cut short). */
record Response(int status, String contentType, String body) {
    private static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();
    private static final String JSON = "application/json";
    private static final Map<Integer, String> GATEWAY_REASONS = Map.of(
            500, "Internal Server Error", 502, "Bad Gateway", 503, "Service Temporarily Unavailable",
            504, "Gateway Time-out");

    /** Bitget's envelope: {@code {"code","msg","requestTime","data"}}. */
    static Response envelope(int status, String code, String msg, Instant requestTime, JsonElement data) {
        JsonObject envelope = new JsonObject();
        envelope.addProperty("code", code);
        envelope.addProperty("msg", msg);
        envelope.addProperty("requestTime", requestTime.toEpochMilli());
        envelope.add("data", data);
        return new Response(status, JSON, GSON.toJson(envelope));
    }

    static Response success(Instant requestTime, JsonObject data) {
        return envelope(200, "00000", "success", requestTime, data);
    }

    static Response error(int status, String code, String msg, Instant requestTime) {
        return envelope(status, code, msg, requestTime, JsonNull.INSTANCE);
    }

    /** The kind of page a gateway in front of the API serves with a 5xx. */
    static Response html(int status) {
        String title = status + " " + GATEWAY_REASONS.getOrDefault(status, "Server Error");
        return new Response(status, "text/html; charset=utf-8",
                "<html>\r\n<head><title>" + title + "</title></head>\r\n<body>\r\n<center><h1>" + title
                        + "</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n");
    }

    void writeTo(HttpExchange exchange) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /**
     * Announces the whole body's length, sends the first half, and ends by throwing, which makes the
     * JDK server close the connection: the client sees fewer bytes than Content-Length promised.
     */
    void writeTruncatedTo(HttpExchange exchange) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        OutputStream out = exchange.getResponseBody();
        out.write(bytes, 0, bytes.length / 2);
        out.flush();
        throw new IOException("simulated fault: response truncated after " + bytes.length / 2 + " of "
                + bytes.length + " bytes");
    }
}
