package dev.transfers.bitget.adapter.http;

import static dev.transfers.bitget.adapter.http.WireFixture.spotToFutures;
import static org.assertj.core.api.Assertions.assertThat;

import dev.transfers.bitget.domain.Transfer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Closing a gateway closes the connection it kept alive, instead of leaving it to the client's idle limit (minutes). */
class GatewayCloseTest {

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void closingTheGatewayClosesItsKeptAliveConnection() throws Exception {
        Transfer transfer = spotToFutures();
        CompletableFuture<Integer> readAfterTheAnswer = new CompletableFuture<>();
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> answerThenWaitForTheClient(listener, transfer, readAfterTheAnswer),
                    "keep-alive-server");
            server.setDaemon(true);
            server.start();
            BitgetTransferGateway gateway = WireFixture.gateway(URI.create("http://127.0.0.1:" + listener.getLocalPort()),
                    new FakeTime(), UnaryOperator.identity());

            assertThat(gateway.transfer(transfer).transferId()).isEqualTo("kept-alive-1");
            assertThat(readAfterTheAnswer).as("the connection stays open while the gateway is in use").isNotDone();
            gateway.close();

            assertThat(readAfterTheAnswer.get(5, TimeUnit.SECONDS)).as("the server reads the end of the stream").isEqualTo(-1);
        }
    }

    /** Answers one transfer on a keep-alive connection, then reads that connection until the client closes it. */
    private static void answerThenWaitForTheClient(ServerSocket listener, Transfer transfer,
            CompletableFuture<Integer> readAfterTheAnswer) {
        try (Socket connection = listener.accept()) {
            StalledBodyTest.readRequestBody(connection.getInputStream());
            String body = WireFixture.success("kept-alive-1", transfer.clientOid());
            OutputStream out = connection.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
                    + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            readAfterTheAnswer.complete(connection.getInputStream().read());
        } catch (IOException failed) {
            readAfterTheAnswer.completeExceptionally(failed);
        }
    }
}
