package dev.transfers.bitget.adapter.fake.simulator;

import static dev.transfers.bitget.adapter.fake.simulator.BitgetTestClient.body;
import static dev.transfers.bitget.adapter.fake.simulator.BitgetTestClient.code;
import static dev.transfers.bitget.adapter.fake.simulator.BitgetTestClient.json;
import static dev.transfers.bitget.adapter.fake.simulator.SimulatorFixture.LIVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.transfers.bitget.domain.AccountType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SimulatedBitgetFaultsTest extends RunningSimulatorTest {

    private BitgetTestClient.Call tenUsdtToP2p(String clientOid) {
        return client.transfer(LIVE, body("spot", "p2p", "10", "USDT", null, clientOid));
    }

    @Test
    void dropAfterApplyingLeavesTheClientWithAnIoExceptionAndTheTransferApplied() throws Exception {
        sim.faults().dropConnectionAfterApplying();

        assertThatThrownBy(() -> tenUsdtToP2p("dropped").send()).isInstanceOf(IOException.class);

        assertThat(sim.balance(AccountType.P2P, "USDT")).isEqualByComparingTo("10");
        assertThat(sim.appliedCount("dropped")).isEqualTo(1);
        HttpResponse<String> retry = tenUsdtToP2p("dropped").send();
        assertThat(json(retry).getAsJsonObject("data").get("transferId").getAsString())
                .isEqualTo(sim.appliedTransfers().get(0).transferId());
        assertThat(sim.balance(AccountType.P2P, "USDT")).isEqualByComparingTo("10");
    }

    @Test
    void dropBeforeApplyingLeavesTheClientWithAnIoExceptionAndNothingApplied() throws Exception {
        sim.faults().dropConnectionBeforeApplying();

        assertThatThrownBy(() -> tenUsdtToP2p("never").send()).isInstanceOf(IOException.class);

        assertThat(sim.appliedTransfers()).isEmpty();
        assertThat(sim.balance(AccountType.SPOT, "USDT")).isEqualByComparingTo("1000");
        assertThat(code(tenUsdtToP2p("never").send())).isEqualTo("00000");
        assertThat(sim.appliedCount("never")).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {502, 503})
    void htmlErrorAnswersA5xxPageAndAppliesNothing(int status) throws Exception {
        sim.faults().htmlError(status);

        HttpResponse<String> response = tenUsdtToP2p("html").send();

        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(response.body()).startsWith("<html>").contains("<title>" + status + " ");
        assertThat(sim.appliedTransfers()).isEmpty();
    }

    @Test
    void delayAppliesThenAnswersLateSoAShortReadTimeoutExpiresAfterApplying() throws Exception {
        sim.faults().delay(Duration.ofSeconds(3));

        assertThatThrownBy(() -> tenUsdtToP2p("slow").timeout(Duration.ofMillis(300)).send())
                .isInstanceOf(HttpTimeoutException.class);

        assertThat(sim.appliedCount("slow")).isEqualTo(1);
        assertThat(sim.balance(AccountType.P2P, "USDT")).isEqualByComparingTo("10");
    }

    @Test
    void delayedAnswerArrivesNoSoonerThanTheDelay() throws Exception {
        Duration delay = Duration.ofMillis(400);
        sim.faults().delay(delay);

        long started = System.nanoTime();
        HttpResponse<String> response = tenUsdtToP2p("late").send();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(delay);
        assertThat(code(response)).isEqualTo("00000");
    }

    @Test
    void truncatedBodyGivesTheClientAnErrorAfterApplying() throws Exception {
        sim.faults().truncatedBody();

        assertThatThrownBy(() -> tenUsdtToP2p("cut").send()).isInstanceOf(IOException.class);

        assertThat(sim.appliedCount("cut")).isEqualTo(1);
        assertThat(sim.balance(AccountType.P2P, "USDT")).isEqualByComparingTo("10");
    }

    @Test
    void truncatedBodySendsFewerBytesThanContentLengthThenCloses() throws Exception {
        sim.faults().truncatedBody();
        BitgetTestClient.Call call = tenUsdtToP2p("cut-raw");

        String raw = exchangeOverRawSocket(sim.baseUri(), call.headers(), call.body());

        int headerEnd = raw.indexOf("\r\n\r\n");
        assertThat(headerEnd).isPositive();
        Matcher length = Pattern.compile("(?im)^content-length:\\s*(\\d+)").matcher(raw.substring(0, headerEnd));
        assertThat(length.find()).isTrue();
        int received = raw.substring(headerEnd + 4).getBytes(StandardCharsets.UTF_8).length;
        assertThat(received).isPositive().isLessThan(Integer.parseInt(length.group(1)));
        assertThat(sim.appliedCount("cut-raw")).isEqualTo(1);
    }

    @Test
    void answerSendsTheGivenCodeAndStatusAndAppliesNothing() throws Exception {
        sim.faults().answer(400, "40015", "system abnormal");

        HttpResponse<String> response = tenUsdtToP2p("answered").send();

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(code(response)).isEqualTo("40015");
        assertThat(json(response).get("msg").getAsString()).isEqualTo("system abnormal");
        assertThat(json(response).get("data").isJsonNull()).isTrue();
        assertThat(sim.appliedTransfers()).isEmpty();
    }

    @Test
    void tooManyRequestsAnswers429AndAppliesNothing() throws Exception {
        sim.faults().tooManyRequests();

        HttpResponse<String> response = tenUsdtToP2p("limited").send();

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(code(response)).isEqualTo("429");
        assertThat(json(response).get("msg").getAsString()).isEqualTo("Too Many Requests");
        assertThat(sim.appliedTransfers()).isEmpty();
    }

    @Test
    void faultsAreOneShotAndTakenInOrder() throws Exception {
        sim.faults().htmlError(502).answer(400, "40010", "Request timed out");

        HttpResponse<String> first = tenUsdtToP2p("queued").send();
        HttpResponse<String> second = tenUsdtToP2p("queued").send();
        HttpResponse<String> third = tenUsdtToP2p("queued").send();

        assertThat(first.statusCode()).isEqualTo(502);
        assertThat(code(second)).isEqualTo("40010");
        assertThat(code(third)).isEqualTo("00000");
        assertThat(sim.appliedCount("queued")).isEqualTo(1);
    }

    @Test
    void faultsDoNotTouchTheServerTimeEndpoint() throws Exception {
        sim.faults().htmlError(503);

        HttpResponse<String> time = client.get("/api/v2/public/time");
        HttpResponse<String> transfer = tenUsdtToP2p("after-time").send();

        assertThat(code(time)).isEqualTo("00000");
        assertThat(transfer.statusCode()).isEqualTo(503);
    }

    /** Sends one HTTP/1.1 request and reads until the server closes (bounded by a 5 s read timeout). */
    private static String exchangeOverRawSocket(URI baseUri, Map<String, String> headers, String body)
            throws IOException {
        byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder("POST " + BitgetTestClient.TRANSFER_PATH + " HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(baseUri.getPort()).append("\r\n")
                .append("Content-Length: ").append(bodyBytes.length).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("\r\n");
        try (Socket socket = new Socket(baseUri.getHost(), baseUri.getPort())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(bodyBytes);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            in.transferTo(received);
            return received.toString(StandardCharsets.UTF_8);
        }
    }
}
