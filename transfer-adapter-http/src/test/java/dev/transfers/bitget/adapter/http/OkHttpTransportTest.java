package dev.transfers.bitget.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import feign.Request;
import feign.Response;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** {@link OkHttpTransport} on its own, against a loopback server that records what it received. */
class OkHttpTransportTest {
    private static final Request.Options OPTIONS = new Request.Options(Duration.ofSeconds(5), Duration.ofSeconds(5),
            false);

    /** The transport keeps the last URL it parsed: a call to another URL, or back to an earlier one, goes there. */
    @Test
    void eachCallGoesToItsOwnUrlWhateverTheCallBeforeIt() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            byte[] answer = exchange.getRequestURI().toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Retry-After", "7");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        try {
            OkHttpTransport transport = new OkHttpTransport(BitgetTransferGateway.Builder.defaultSslContext(),
                    List.of("TLSv1.2"), Duration.ofSeconds(5), Duration.ofSeconds(5));
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            List<String> sent = List.of("/api/v2/spot/wallet/transfer", "/api/v2/spot/account/transferRecords?coin=USDT&clientOid=a",
                    "/api/v2/spot/account/transferRecords?coin=USDT&clientOid=b", "/api/v2/spot/wallet/transfer",
                    "/api/v2/spot/wallet/transfer", "/api/v2/spot/account/transferRecords?coin=USDT&clientOid=a");
            for (String pathAndQuery : sent) {
                Request request = Request.create(Request.HttpMethod.GET, base + pathAndQuery, Map.of(), null, null, null);
                try (Response response = transport.execute(request, OPTIONS)) {
                    assertThat(new String(Wire.readBody(response), StandardCharsets.UTF_8)).isEqualTo(pathAndQuery);
                    assertThat(response.headers().get("Retry-After")).as("the header the adapter reads").containsExactly("7");
                }
            }

            assertThat(received).containsExactlyElementsOf(sent.stream().map(pathAndQuery -> "GET " + pathAndQuery).toList());
        } finally {
            server.stop(0);
        }
    }
}
