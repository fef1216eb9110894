package dev.transfers.bitget.adapter.http;

import static dev.transfers.bitget.adapter.http.WireFixture.spotToFutures;
import static dev.transfers.bitget.adapter.http.WireFixture.thrownBy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.transfers.bitget.domain.Transfer;
import dev.transfers.bitget.domain.TransferOutcomeUnknownException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The fault that made Bitget's own SDK unsafe: a keep-alive connection that the server drops after
 * the request was sent. An HTTP client that retries on connection failures resends the POST on a
 * new connection, unseen by the gateway (the same signature, an attempt not counted). The
 * gateway's client must not: the transfer is sent once and ends in doubt.
 */
class DroppedKeepAliveTest {

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aPostOnAKeepAliveConnectionThatDropsIsNotResent() throws Exception {
        List<String> bodiesReceived = new CopyOnWriteArrayList<>();
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> answerOnceThenDrop(listener, bodiesReceived), "dropping-server");
            server.setDaemon(true);
            server.start();
            Transfer first = spotToFutures();
            Transfer second = spotToFutures();
            BitgetTransferGateway gateway = WireFixture.gateway(URI.create("http://127.0.0.1:" + listener.getLocalPort()),
                    new FakeTime(), b -> b.retryPolicy(RetryPolicy.builder().maxAttempts(1).jitter(0).build()));

            gateway.transfer(first);
            TransferOutcomeUnknownException unknown = thrownBy(TransferOutcomeUnknownException.class,
                    () -> gateway.transfer(second));

            assertThat(unknown.getMessage()).contains("the connection failed after the request was sent");
            assertThat(bodiesReceived).filteredOn(body -> !body.isEmpty())
                    .containsExactly(WireFixture.expectedBody(first), WireFixture.expectedBody(second));
        }
    }

    /**
     * Answers the first request with a success on a keep-alive connection, closes that connection
     * when the second request has arrived on it, and answers every later request (on new
     * connections) with an HTTP 500.
     */
    private static void answerOnceThenDrop(ServerSocket listener, List<String> bodies) {
        while (!listener.isClosed()) {
            try (Socket connection = listener.accept()) {
                while (true) {
                    bodies.add(StalledBodyTest.readRequestBody(connection.getInputStream()));
                    if (bodies.size() == 2) {
                        break; // dropped after the request was sent
                    }
                    String body = bodies.size() == 1 ? WireFixture.success("kept-alive", "x") : "down";
                    OutputStream out = connection.getOutputStream();
                    out.write(((bodies.size() == 1 ? "HTTP/1.1 200 OK" : "HTTP/1.1 500 Server Error")
                            + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n"
                            + body).getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
            } catch (IOException closed) {
                // The client closed the connection, or the listener closed at the end of the test.
            }
        }
    }
}
