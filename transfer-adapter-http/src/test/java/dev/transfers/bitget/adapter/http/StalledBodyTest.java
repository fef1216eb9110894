package dev.transfers.bitget.adapter.http;

import static dev.transfers.bitget.adapter.http.WireFixture.API_KEY;
import static dev.transfers.bitget.adapter.http.WireFixture.PASSPHRASE;
import static dev.transfers.bitget.adapter.http.WireFixture.SECRET;
import static dev.transfers.bitget.adapter.http.WireFixture.spotToFutures;
import static dev.transfers.bitget.adapter.http.WireFixture.thrownBy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.transfers.bitget.domain.Transfer;
import dev.transfers.bitget.domain.TransferOutcomeUnknownException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A server that sends the headers and half a body, then stalls (WireMock delays headers and body
 * together, so it cannot stage this). The attempt must end within its read timeout, in doubt.
 */
class StalledBodyTest {
    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?i)content-length:\\s*(\\d+)");

    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aBodyThatStallsAfterTheHeadersEndsTheAttemptAtTheReadTimeout() throws Exception {
        List<String> bodiesReceived = new CopyOnWriteArrayList<>();
        List<Socket> connections = new CopyOnWriteArrayList<>();
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> serveHalfAnswers(listener, bodiesReceived, connections), "stalling-server");
            server.setDaemon(true);
            server.start();
            Transfer transfer = spotToFutures();
            FakeTime time = new FakeTime();
            BitgetTransferGateway gateway = BitgetTransferGateway.builder()
                    .baseUrl(URI.create("http://127.0.0.1:" + listener.getLocalPort()))
                    .credentials(BitgetCredentials.hmac(API_KEY, SECRET, PASSPHRASE))
                    .readTimeout(Duration.ofMillis(300))
                    .retryPolicy(RetryPolicy.builder().maxAttempts(2).jitter(0).build())
                    .clock(time)
                    .sleeper(time)
                    .build();

            TransferOutcomeUnknownException unknown = thrownBy(TransferOutcomeUnknownException.class,
                    () -> gateway.transfer(transfer));

            assertThat(unknown.clientOid()).isEqualTo(transfer.clientOid());
            // Two transfer attempts, then reads of the records (GETs, no body), which stall too.
            assertThat(bodiesReceived).filteredOn(body -> !body.isEmpty())
                    .hasSize(2).containsOnly(WireFixture.expectedBody(transfer));
            assertThat(unknown.getMessage()).contains("transfer records could not be read");
        } finally {
            for (Socket connection : connections) {
                connection.close();
            }
        }
    }

    /** For each connection: reads one request, answers with the headers and half the body, stalls. */
    private static void serveHalfAnswers(ServerSocket listener, List<String> bodies, List<Socket> connections) {
        while (!listener.isClosed()) {
            try {
                Socket connection = listener.accept();
                connections.add(connection);
                bodies.add(readRequestBody(connection.getInputStream()));
                String body = WireFixture.success("never-complete", "x");
                OutputStream out = connection.getOutputStream();
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
                        + "\r\n\r\n" + body.substring(0, body.length() / 2)).getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException closed) {
                return;
            }
        }
    }

    /** The body of the next HTTP/1.1 request on {@code in} (by its Content-Length), its head skipped. */
    static String readRequestBody(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int next = in.read();
            if (next < 0) {
                throw new IOException("request ended early");
            }
            head.write(next);
        }
        Matcher length = CONTENT_LENGTH.matcher(head.toString(StandardCharsets.US_ASCII));
        int bodyLength = length.find() ? Integer.parseInt(length.group(1)) : 0;
        return new String(in.readNBytes(bodyLength), StandardCharsets.UTF_8);
    }
}
