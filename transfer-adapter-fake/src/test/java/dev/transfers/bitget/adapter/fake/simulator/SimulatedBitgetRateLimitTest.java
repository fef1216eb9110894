package dev.transfers.bitget.adapter.fake.simulator;

import static dev.transfers.bitget.adapter.fake.simulator.BitgetTestClient.body;
import static dev.transfers.bitget.adapter.fake.simulator.BitgetTestClient.code;
import static dev.transfers.bitget.adapter.fake.simulator.BitgetTestClient.json;
import static dev.transfers.bitget.adapter.fake.simulator.SimulatorFixture.LIVE;
import static dev.transfers.bitget.adapter.fake.simulator.SimulatorFixture.OTHER_UID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.transfers.bitget.domain.AccountType;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SimulatedBitgetRateLimitTest extends RunningSimulatorTest {

    @Test
    void eleventhRequestFromOneUidWithinASecondGets429AndIsNotApplied() throws Exception {
        client.get("/api/v2/public/time"); // warms the client up; the time endpoint is not rate limited
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            calls.add(client.transfer(LIVE, body("spot", "p2p", "1", "USDT", null, "burst-" + i)).sendAsync());
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

        List<HttpResponse<String>> limited = calls.stream().map(CompletableFuture::join)
                .filter(response -> response.statusCode() == 429).toList();
        long accepted = calls.stream().map(CompletableFuture::join).filter(response -> response.statusCode() == 200).count();
        assertThat(limited).isNotEmpty().allSatisfy(response -> {
            assertThat(code(response)).isEqualTo("429");
            assertThat(json(response).get("msg").getAsString()).isEqualTo("Too Many Requests");
            assertThat(json(response).get("data").isJsonNull()).isTrue();
        });
        assertThat(accepted).isLessThanOrEqualTo(10).isEqualTo(11 - limited.size());
        assertThat(sim.appliedTransfers()).hasSize((int) accepted);
        assertThat(sim.balance(AccountType.P2P, "USDT")).isEqualByComparingTo(Long.toString(accepted));

        HttpResponse<String> otherUid = client.transfer(OTHER_UID, body("spot", "p2p", "1", "USDT", null, "other")).send();
        assertThat(code(otherUid)).isEqualTo("00000");
    }

    @Test
    void requestsWithUnknownKeysAreNotCountedAgainstAnyUid() throws Exception {
        for (int i = 0; i < 12; i++) {
            HttpResponse<String> unknown = client.transfer(LIVE, body("spot", "p2p", "1", "USDT", null, null))
                    .header("ACCESS-KEY", "unknown").send();
            assertThat(code(unknown)).isEqualTo("40006");
        }

        assertThat(code(client.transfer(LIVE, body("spot", "p2p", "1", "USDT", null, null)).send())).isEqualTo("00000");
    }
}
