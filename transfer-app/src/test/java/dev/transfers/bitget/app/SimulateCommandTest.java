package dev.transfers.bitget.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transfers.bitget.adapter.fake.simulator.SimulatedBitget;
import dev.transfers.bitget.domain.AccountType;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The {@code simulate} command, started in process with an injected lifetime that uses it and returns. */
class SimulateCommandTest {
    private static final Map<String, String> SIMULATOR_CREDENTIALS = Map.of(
            "BITGET_API_KEY", SimulatedBitget.TEST_API_KEY,
            "BITGET_API_SECRET", SimulatedBitget.TEST_API_SECRET,
            "BITGET_API_PASSPHRASE", SimulatedBitget.TEST_API_PASSPHRASE);

    @Test
    void servesTransfersWithSeededBalancesUntilStopped() {
        List<CliRunner.Run> transfers = new ArrayList<>();
        AtomicReference<SimulatedBitget> running = new AtomicReference<>();
        AtomicReference<String> serverTime = new AtomicReference<>();
        SimulatorLifetime useItThenStop = simulator -> {
            running.set(simulator);
            String baseUrl = simulator.baseUri().toString();
            transfers.add(CliRunner.run(SIMULATOR_CREDENTIALS, "transfer", "--base-url", baseUrl,
                    "--from", "spot", "--to", "usdt_futures", "--amount", "60", "--coin", "USDT"));
            transfers.add(CliRunner.run(SIMULATOR_CREDENTIALS, "transfer", "--base-url", baseUrl,
                    "--from", "spot", "--to", "usdt_futures", "--amount", "50", "--coin", "USDT"));
            serverTime.set(get(simulator.baseUri().resolve("/api/v2/public/time")));
        };

        CliRunner.Run run = CliRunner.run(new AppContext(Environment.of(Map.of()), CliRunner.FAST_HTTP, useItThenStop),
                "simulate", "--port", "0", "--balance", "spot:USDT=50", "--balance", "isolated_margin:BTCUSDT:USDT=7");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("Simulated Bitget listening on " + running.get().baseUri())
                .contains("BITGET_API_KEY=" + SimulatedBitget.TEST_API_KEY)
                .contains("BITGET_API_SECRET=" + SimulatedBitget.TEST_API_SECRET)
                .contains("BITGET_API_PASSPHRASE=" + SimulatedBitget.TEST_API_PASSPHRASE)
                .contains("spot:USDT=50, isolated_margin:BTCUSDT:USDT=7");
        assertThat(transfers.get(0).exitCode()).as(transfers.get(0).toString()).isEqualTo(3);
        assertThat(transfers.get(1).exitCode()).as(transfers.get(1).toString()).isZero();
        assertThat(serverTime.get()).contains("serverTime");
        assertThat(running.get().balance(AccountType.USDT_FUTURES, "USDT")).isEqualByComparingTo("50");
        assertThat(running.get().balance(AccountType.ISOLATED_MARGIN, "BTCUSDT", "USDT")).isEqualByComparingTo("7");
        assertThat(running.get().toString()).as("closed when the lifetime ends").contains("closed");
    }

    @Test
    void withoutBalancesItSeedsTheDemoBalances() {
        AtomicReference<SimulatedBitget> running = new AtomicReference<>();
        CliRunner.Run run = CliRunner.run(new AppContext(Environment.of(Map.of()), CliRunner.FAST_HTTP, running::set),
                "simulate", "--port", "0");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(running.get().balance(AccountType.SPOT, "USDT")).isEqualByComparingTo("10000");
        assertThat(running.get().balance(AccountType.SPOT, "BTC")).isEqualByComparingTo("1");
    }

    @Test
    void exit2_anInvalidBalanceSpecIsNamed() {
        CliRunner.Run run = CliRunner.run(Map.of(), "simulate", "--port", "0", "--balance", "spott:USDT=5");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("spott:USDT=5").contains("valid: spot, p2p");
    }

    @Test
    void exit1_aPortAlreadyBoundIsAOneLineError() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            CliRunner.Run run = CliRunner.run(Map.of(), "simulate", "--port", String.valueOf(taken.getLocalPort()));

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
            assertThat(run.err()).contains("cannot bind 127.0.0.1:" + taken.getLocalPort())
                    .contains("--port 0").doesNotContain("\tat ");
            assertThat(run.err().lines()).hasSize(1);
        }
    }

    private static String get(URI uri) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
