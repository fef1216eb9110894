package dev.transfers.bitget.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.transfers.bitget.adapter.fake.RecordedTransfer;
import dev.transfers.bitget.adapter.fake.simulator.SimulatedBitget;
import dev.transfers.bitget.domain.AccountType;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code transfer} command end to end, in process: picocli, the real HTTP adapter and a
 * {@link SimulatedBitget} on 127.0.0.1 with credentials registered in it. One test per exit code.
 */
class TransferCommandTest {
    private static final String KEY = "cli-test-key";
    private static final String SECRET = "cli-test-secret-must-never-print";
    private static final String PASSPHRASE = "cli-test-passphrase-must-never-print";
    private static final String DEMO_KEY = "cli-test-demo-key";
    private static final Map<String, String> LIVE = Map.of("BITGET_API_KEY", KEY, "BITGET_API_SECRET", SECRET,
            "BITGET_API_PASSPHRASE", PASSPHRASE);
    private static final Map<String, String> DEMO = Map.of("BITGET_API_KEY", DEMO_KEY, "BITGET_API_SECRET", SECRET,
            "BITGET_API_PASSPHRASE", PASSPHRASE);

    private SimulatedBitget sim;

    @BeforeEach
    void startSimulator() {
        sim = SimulatedBitget.builder().port(0)
                .credentials(SimulatedBitget.Credentials.live(KEY, SECRET, PASSPHRASE, "uid-live"))
                .credentials(SimulatedBitget.Credentials.demoTrading(DEMO_KEY, SECRET, PASSPHRASE, "uid-demo"))
                .start();
        sim.seedBalance(AccountType.SPOT, "USDT", new BigDecimal("1000"));
    }

    @AfterEach
    void stopSimulator() {
        sim.close();
    }

    private CliRunner.Run transfer(Map<String, String> env, String... extra) {
        String[] base = {"transfer", "--base-url", sim.baseUri().toString()};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        CliRunner.Run run = CliRunner.run(env, args);
        assertThat(run.out() + run.err()).as("no secret is ever printed").doesNotContain(SECRET, PASSPHRASE);
        return run;
    }

    @Test
    void exit0_appliedPrintsTransferIdAndClientOid() {
        CliRunner.Run run = transfer(LIVE, "--from", "spot", "--to", "isolated_margin", "--amount", "300",
                "--coin", "USDT", "--symbol", "BTCUSDT", "--client-oid", "cli-0001");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        RecordedTransfer applied = sim.appliedTransfers().get(0);
        assertThat(run.out()).isEqualTo("applied transferId=" + applied.transferId() + " clientOid=cli-0001"
                + System.lineSeparator());
        assertThat(sim.balance(AccountType.ISOLATED_MARGIN, "BTCUSDT", "USDT")).isEqualByComparingTo("300");
        assertThat(sim.balance(AccountType.SPOT, "USDT")).isEqualByComparingTo("700");
    }

    @Test
    void exit0_repeatingAClientOidReturnsTheFirstReceiptAndMovesNothingMore() {
        CliRunner.Run first = transfer(LIVE, "--from", "spot", "--to", "usdt_futures", "--amount", "10",
                "--coin", "USDT", "--client-oid", "cli-repeat");
        CliRunner.Run second = transfer(LIVE, "--from", "spot", "--to", "usdt_futures", "--amount", "10",
                "--coin", "USDT", "--client-oid", "cli-repeat");

        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.out()).isEqualTo(first.out());
        assertThat(sim.appliedCount("cli-repeat")).isEqualTo(1);
        assertThat(sim.balance(AccountType.SPOT, "USDT")).isEqualByComparingTo("990");
    }

    @Test
    void exit2_invalidInputNamesEveryProblemListsValidAccountTypesAndSendsNothing() {
        CliRunner.Run run = transfer(LIVE, "--from", "spott", "--to", "usdt_futures", "--amount", "-5",
                "--coin", "usdt");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("from must be one of spot, p2p, coin_futures, usdt_futures, usdc_futures,"
                        + " crossed_margin, isolated_margin, not 'spott'")
                .contains("amount must be a plain decimal number").contains("coin must be 1 to 20 upper-case")
                .doesNotContain("\tat ", "Exception");
        assertThat(run.err().lines().filter(line -> line.startsWith("  "))).hasSize(3);
        assertThat(run.out()).isEmpty();
        assertThat(sim.requests()).isEmpty();
    }

    @Test
    void exit2_baseUrlWithoutCredentialsNamesTheMissingVariables() {
        CliRunner.Run none = transfer(Map.of(), "--from", "spot", "--to", "usdt_futures", "--amount", "5",
                "--coin", "USDT");
        CliRunner.Run partial = transfer(Map.of("BITGET_API_KEY", KEY), "--from", "spot", "--to", "usdt_futures",
                "--amount", "5", "--coin", "USDT");

        assertThat(none.exitCode()).as(none.toString()).isEqualTo(2);
        assertThat(none.err()).contains("BITGET_API_KEY", "BITGET_API_SECRET", "BITGET_API_PASSPHRASE");
        assertThat(partial.exitCode()).as(partial.toString()).isEqualTo(2);
        assertThat(partial.err()).contains("BITGET_API_SECRET, BITGET_API_PASSPHRASE")
                .doesNotContain("set BITGET_API_KEY");
        assertThat(sim.requests()).isEmpty();
    }

    @Test
    void exit2_missingOptionIsAUsageError() {
        CliRunner.Run run = CliRunner.run(LIVE, "transfer", "--from", "spot");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required options").contains("--to").contains("--amount");
    }

    @Test
    void exit3_rejectedShowsReasonAndTheExchangesCodeAndMessage() {
        CliRunner.Run run = transfer(LIVE, "--from", "spot", "--to", "usdt_futures", "--amount", "5000",
                "--coin", "USDT");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertThat(run.err()).contains("rejected, nothing was applied", "INSUFFICIENT_BALANCE", "43012",
                "Insufficient balance");
        assertThat(sim.appliedTransfers()).isEmpty();
        assertThat(sim.balance(AccountType.SPOT, "USDT")).isEqualByComparingTo("1000");
    }

    @Test
    void exit0_everyAnswerLostAfterApplyingIsSettledFromTheRecords() {
        for (int i = 0; i < CliRunner.ATTEMPTS; i++) {
            sim.faults().dropConnectionAfterApplying();
        }

        CliRunner.Run run = transfer(LIVE, "--from", "spot", "--to", "usdt_futures", "--amount", "25",
                "--coin", "USDT", "--client-oid", "cli-lost-answers");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("applied transferId=" + sim.appliedTransfers().get(0).transferId());
        assertThat(sim.appliedCount("cli-lost-answers")).isEqualTo(1);
    }

    @Test
    void exit4_outcomeUnknownNamesTheClientOidToRetryWithAndRetryingAppliesItOnce() {
        for (int i = 0; i < CliRunner.ATTEMPTS; i++) {
            sim.faults().dropConnectionAfterApplying();
            sim.recordsFaults().htmlError(502);
        }

        CliRunner.Run unknown = transfer(LIVE, "--from", "spot", "--to", "usdt_futures", "--amount", "25",
                "--coin", "USDT", "--client-oid", "cli-in-doubt");

        assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(4);
        assertThat(unknown.err()).contains("outcome unknown")
                .contains("run 'bitget-transfer status --client-oid cli-in-doubt --coin USDT'")
                .contains("run again with --client-oid cli-in-doubt");
        assertThat(sim.appliedCount("cli-in-doubt")).isEqualTo(1);

        CliRunner.Run retry = transfer(LIVE, "--from", "spot", "--to", "usdt_futures", "--amount", "25",
                "--coin", "USDT", "--client-oid", "cli-in-doubt");

        assertThat(retry.exitCode()).as(retry.toString()).isZero();
        assertThat(retry.out()).contains("transferId=" + sim.appliedTransfers().get(0).transferId());
        assertThat(sim.appliedCount("cli-in-doubt")).isEqualTo(1);
        assertThat(sim.balance(AccountType.SPOT, "USDT")).isEqualByComparingTo("975");
    }

    @Test
    void exit4_withoutAClientOidNamesTheGeneratedOne() {
        for (int i = 0; i < CliRunner.ATTEMPTS; i++) {
            sim.faults().dropConnectionAfterApplying();
            sim.recordsFaults().htmlError(502);
        }

        CliRunner.Run run = transfer(LIVE, "--from", "spot", "--to", "usdt_futures", "--amount", "25",
                "--coin", "USDT");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(4);
        String generated = sim.appliedTransfers().get(0).clientOid();
        assertThat(run.err()).contains("run again with --client-oid " + generated);
    }

    @Test
    void exit4_anUnreachableExchangeSentNothingButItsRecordsCannotProveAnEarlierRunDidNot() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        CliRunner.Run run = CliRunner.run(LIVE, "transfer", "--base-url", "http://127.0.0.1:" + closedPort,
                "--from", "spot", "--to", "usdt_futures", "--amount", "5", "--coin", "USDT");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(4);
        assertThat(run.err()).contains("could not connect", "transfer records could not be read")
                .doesNotContain("\tat ");
    }

    @Test
    void theRestartScenarioEndsWithTheReceiptInTheSecondProcessAndNeverRejected() {
        // Run 1: the exchange applies it, every answer is lost, and the records cannot be read.
        for (int i = 0; i < CliRunner.ATTEMPTS; i++) {
            sim.faults().dropConnectionAfterApplying();
            sim.recordsFaults().htmlError(502);
        }
        CliRunner.Run first = transfer(LIVE, "--from", "spot", "--to", "usdt_futures", "--amount", "25",
                "--coin", "USDT", "--client-oid", "cli-restart");
        assertThat(first.exitCode()).as(first.toString()).isEqualTo(4);

        // Run 2, a new process: 429 to every attempt, records still unreadable: in doubt, never "rejected".
        for (int i = 0; i < CliRunner.ATTEMPTS; i++) {
            sim.faults().tooManyRequests();
            sim.recordsFaults().htmlError(502);
        }
        CliRunner.Run second = transfer(LIVE, "--from", "spot", "--to", "usdt_futures", "--amount", "25",
                "--coin", "USDT", "--client-oid", "cli-restart");
        assertThat(second.exitCode()).as(second.toString()).isEqualTo(4);

        // Run 3: 429 to every attempt again, and now the records answer: the receipt.
        for (int i = 0; i < CliRunner.ATTEMPTS; i++) {
            sim.faults().tooManyRequests();
        }
        CliRunner.Run third = transfer(LIVE, "--from", "spot", "--to", "usdt_futures", "--amount", "25",
                "--coin", "USDT", "--client-oid", "cli-restart");
        assertThat(third.exitCode()).as(third.toString()).isZero();
        assertThat(third.out()).contains("transferId=" + sim.appliedTransfers().get(0).transferId());
        assertThat(sim.appliedCount("cli-restart")).isEqualTo(1);
        assertThat(sim.balance(AccountType.SPOT, "USDT")).isEqualByComparingTo("975");
    }

    @Test
    void exit1_unexpectedFailureIsOneLineNamingTheClientOidWithoutStackTrace() {
        AppContext broken = new AppContext(Environment.of(LIVE), target -> transfer -> {
            throw new IllegalStateException("a bug behind the port");
        }, CliRunner.NO_WAIT);

        CliRunner.Run run = CliRunner.run(broken, "transfer", "--base-url", sim.baseUri().toString(),
                "--from", "spot", "--to", "usdt_futures", "--amount", "5", "--coin", "USDT", "--client-oid", "x-1");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).contains("unexpected error", "a bug behind the port", "--client-oid x-1")
                .doesNotContain("\tat ");
    }

    @Test
    void exit1_verbosePrintsTheStackTrace() {
        AppContext broken = new AppContext(Environment.of(LIVE), target -> transfer -> {
            throw new IllegalStateException("a bug behind the port");
        }, CliRunner.NO_WAIT);

        CliRunner.Run run = CliRunner.run(broken, "transfer", "--base-url", sim.baseUri().toString(),
                "--from", "spot", "--to", "usdt_futures", "--amount", "5", "--coin", "USDT", "--verbose");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("\tat ");
    }

    @Test
    void jsonPrintsExactlyOneObjectWithTransferIdAndClientOid() {
        CliRunner.Run run = transfer(LIVE, "--from", "spot", "--to", "usdt_futures", "--amount", "5",
                "--coin", "USDT", "--client-oid", "cli-json", "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out().lines()).hasSize(1);
        JsonElement parsed = JsonParser.parseString(run.out());
        assertThat(parsed.isJsonObject()).isTrue();
        JsonObject object = parsed.getAsJsonObject();
        assertThat(object.keySet()).containsExactly("transferId", "clientOid");
        assertThat(object.get("transferId").getAsString()).isEqualTo(sim.appliedTransfers().get(0).transferId());
        assertThat(object.get("clientOid").getAsString()).isEqualTo("cli-json");
    }

    @Test
    void jsonFailureIsOneObjectOnStdoutAndTheExplanationOnStderr() {
        CliRunner.Run run = transfer(LIVE, "--from", "spot", "--to", "usdt_futures", "--amount", "5000",
                "--coin", "USDT", "--json");

        assertThat(run.exitCode()).isEqualTo(3);
        JsonObject object = JsonParser.parseString(run.out()).getAsJsonObject();
        assertThat(object.get("status").getAsString()).isEqualTo("rejected");
        assertThat(object.get("exchangeCode").getAsString()).isEqualTo("43012");
        assertThat(run.err()).contains("Insufficient balance");
    }

    @Test
    void demoSendsThePaptradingHeader() {
        CliRunner.Run run = transfer(DEMO, "--demo-trading", "--from", "spot", "--to", "usdt_futures", "--amount", "5",
                "--coin", "USDT");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(sim.requests()).filteredOn(request -> request.method().equals("POST"))
                .isNotEmpty()
                .allSatisfy(request -> assertThat(request.header("paptrading")).contains("1"));
    }

    @Test
    void withoutDemoNoPaptradingHeaderIsSentAndADemoKeyIsRefused() {
        CliRunner.Run run = transfer(DEMO, "--from", "spot", "--to", "usdt_futures", "--amount", "5",
                "--coin", "USDT");

        // The records refuse the demo key too, so nothing proves an earlier run did not apply it.
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(4);
        assertThat(run.err()).contains("40099");
        assertThat(sim.requests()).filteredOn(request -> request.method().equals("POST"))
                .extracting(request -> request.header("paptrading")).allSatisfy(header -> assertThat(header).isEmpty());
    }

    @Test
    void withoutCredentialsOrBaseUrlAnEmbeddedSimulatorIsUsedAndSaidSo() {
        CliRunner.Run run = CliRunner.run(Map.of(), "transfer", "--from", "spot", "--to", "usdt_futures",
                "--amount", "25", "--coin", "USDT");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).matches("applied transferId=\\S+ clientOid=\\S+\\R");
        assertThat(run.err()).contains("embedded simulated Bitget").contains("No real money moves");
        assertThat(sim.requests()).isEmpty();
    }

    @Test
    void embeddedSimulatorHonoursDemo() {
        CliRunner.Run run = CliRunner.run(Map.of(), "transfer", "--demo", "--from", "spot", "--to", "isolated_margin",
                "--symbol", "BTCUSDT", "--amount", "0.5", "--coin", "BTC", "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(JsonParser.parseString(run.out()).getAsJsonObject().keySet())
                .containsExactly("transferId", "clientOid");
    }

    @Test
    void helpListsTheExitCodes() {
        CliRunner.Run run = CliRunner.run(Map.of(), "transfer", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Exit codes:").contains("0   applied").contains("2   invalid input")
                .contains("3   rejected").contains("4   outcome unknown").contains("5   exchange (or the Redis-shared rate limiter) unreachable")
                .contains("1   unexpected");
    }
}
