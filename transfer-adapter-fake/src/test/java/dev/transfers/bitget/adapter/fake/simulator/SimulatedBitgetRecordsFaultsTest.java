package dev.transfers.bitget.adapter.fake.simulator;

import static dev.transfers.bitget.adapter.fake.simulator.BitgetTestClient.body;
import static dev.transfers.bitget.adapter.fake.simulator.BitgetTestClient.code;
import static dev.transfers.bitget.adapter.fake.simulator.BitgetTestClient.json;
import static dev.transfers.bitget.adapter.fake.simulator.SimulatorFixture.LIVE;
import static dev.transfers.bitget.adapter.fake.simulator.SimulatorFixture.OTHER_UID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The records endpoint's own fault queue and its own rate limit, apart from the transfer's. */
class SimulatedBitgetRecordsFaultsTest extends RunningSimulatorTest {

    private BitgetTestClient.Call lookup() {
        return client.records(LIVE, "coin=USDT&clientOid=looked-up");
    }

    private BitgetTestClient.Call transfer(String clientOid) {
        return client.transfer(LIVE, body("spot", "p2p", "1", "USDT", null, clientOid));
    }

    @Test
    void tooManyRequestsAnswersTheLookupOnlyAndOnce() throws Exception {
        sim.recordsFaults().tooManyRequests();

        HttpResponse<String> transferred = transfer("looked-up").send();
        HttpResponse<String> limited = lookup().send();
        HttpResponse<String> answered = lookup().send();

        assertThat(code(transferred)).isEqualTo("00000");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(code(limited)).isEqualTo("429");
        assertThat(json(answered).getAsJsonArray("data")).hasSize(1);
    }

    @Test
    void transferFaultsDoNotTouchTheLookup() throws Exception {
        sim.faults().htmlError(502);

        HttpResponse<String> answered = lookup().send();
        HttpResponse<String> transferred = transfer("after").send();

        assertThat(code(answered)).isEqualTo("00000");
        assertThat(transferred.statusCode()).isEqualTo(502);
    }

    @Test
    void htmlErrorAnswersTheLookupWithAGatewayPage() throws Exception {
        sim.recordsFaults().htmlError(503);

        HttpResponse<String> response = lookup().send();

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(response.body()).startsWith("<html>");
    }

    /**
     * The JDK client silently resends a GET once when the connection drops before any answer, so
     * those faults are queued twice; a truncated answer is not resent.
     */
    @Test
    void droppedOrTruncatedAnswersLeaveTheClientWithAnIoException() throws Exception {
        sim.recordsFaults().dropConnectionBeforeApplying().dropConnectionBeforeApplying();
        assertThatThrownBy(() -> lookup().send()).isInstanceOf(IOException.class);

        sim.recordsFaults().dropConnectionAfterApplying().dropConnectionAfterApplying();
        assertThatThrownBy(() -> lookup().send()).isInstanceOf(IOException.class);

        sim.recordsFaults().truncatedBody();
        assertThatThrownBy(() -> lookup().send()).isInstanceOf(IOException.class);

        assertThat(code(lookup().send())).isEqualTo("00000");
        assertThat(sim.requests()).filteredOn(request -> request.path().equals(BitgetTestClient.RECORDS_PATH))
                .hasSize(6);
    }

    @Test
    void delayOutlastsAShortReadTimeout() throws Exception {
        sim.recordsFaults().delay(Duration.ofSeconds(3));

        assertThatThrownBy(() -> lookup().timeout(Duration.ofMillis(300)).send())
                .isInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void twentyFirstLookupWithinASecondGets429WhileTransfersKeepTheirOwnBudget() throws Exception {
        client.get("/api/v2/public/time"); // warms the client up; the time endpoint is not rate limited
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            calls.add(lookup().sendAsync());
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        HttpResponse<String> transferred = transfer("own-budget").send();
        HttpResponse<String> otherUid = client.records(OTHER_UID, "coin=USDT").send();

        List<HttpResponse<String>> responses = calls.stream().map(CompletableFuture::join).toList();
        long limited = responses.stream().filter(response -> response.statusCode() == 429).count();
        long accepted = responses.stream().filter(response -> response.statusCode() == 200).count();
        assertThat(limited).isPositive();
        assertThat(accepted).isLessThanOrEqualTo(20).isEqualTo(21 - limited);
        assertThat(code(transferred)).isEqualTo("00000");
        assertThat(code(otherUid)).isEqualTo("00000");
    }

    @Test
    void transfersDoNotSpendTheLookupsBudget() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> transfers = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            transfers.add(transfer("burst-" + i).sendAsync());
        }
        CompletableFuture.allOf(transfers.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

        HttpResponse<String> answered = lookup().send();

        assertThat(transfers.stream().map(CompletableFuture::join).filter(r -> r.statusCode() == 429)).isNotEmpty();
        assertThat(code(answered)).isEqualTo("00000");
    }
}
