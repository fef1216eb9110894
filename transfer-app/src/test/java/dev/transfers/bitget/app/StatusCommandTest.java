package dev.transfers.bitget.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.transfers.bitget.adapter.fake.RecordedTransfer;
import dev.transfers.bitget.adapter.fake.simulator.SimulatedBitget;
import dev.transfers.bitget.domain.AccountType;
import dev.transfers.bitget.domain.Transfer;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code status} command end to end, in process, against a {@link SimulatedBitget}: one test per ending. */
class StatusCommandTest {
    private static final String KEY = "status-test-key";
    private static final String SECRET = "status-test-secret-must-never-print";
    private static final String PASSPHRASE = "status-test-passphrase-must-never-print";
    private static final String UID = "status-uid";
    private static final Map<String, String> LIVE = Map.of("BITGET_API_KEY", KEY, "BITGET_API_SECRET", SECRET,
            "BITGET_API_PASSPHRASE", PASSPHRASE);

    private SimulatedBitget sim;

    @BeforeEach
    void startSimulator() {
        sim = SimulatedBitget.builder()
                .credentials(SimulatedBitget.Credentials.live(KEY, SECRET, PASSPHRASE, UID))
                .start();
        sim.seedBalance(AccountType.SPOT, "USDT", new BigDecimal("1000"));
    }

    @AfterEach
    void stopSimulator() {
        sim.close();
    }

    private CliRunner.Run cli(String command, String... extra) {
        String[] base = {command, "--base-url", sim.baseUri().toString()};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        CliRunner.Run run = CliRunner.run(LIVE, args);
        assertThat(run.out() + run.err()).as("no secret is ever printed").doesNotContain(SECRET, PASSPHRASE);
        return run;
    }

    private long transfersSent() {
        return sim.requests().stream().filter(request -> request.method().equals("POST")).count();
    }

    @Test
    void exit0_anAppliedTransferWithItsTransferId() {
        CliRunner.Run transfer = cli("transfer", "--from", "spot", "--to", "usdt_futures", "--amount", "25",
                "--coin", "USDT", "--client-oid", "status-applied");
        assertThat(transfer.exitCode()).as(transfer.toString()).isZero();
        String transferId = sim.appliedTransfers().get(0).transferId();

        CliRunner.Run status = cli("status", "--client-oid", "status-applied", "--coin", "USDT");

        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.out()).isEqualTo("applied transferId=" + transferId + " clientOid=status-applied"
                + System.lineSeparator());
        assertThat(transfersSent()).as("status sends no transfer").isEqualTo(1);
    }

    @Test
    void exit0_jsonIsOneObjectWithTheRecord() {
        cli("transfer", "--from", "spot", "--to", "usdt_futures", "--amount", "25.5", "--coin", "USDT",
                "--client-oid", "status-json");

        CliRunner.Run status = cli("status", "--client-oid", "status-json", "--coin", "USDT", "--json");

        assertThat(status.exitCode()).as(status.toString()).isZero();
        JsonObject json = JsonParser.parseString(status.out()).getAsJsonObject();
        assertThat(json.get("status").getAsString()).isEqualTo("applied");
        assertThat(json.get("transferId").getAsString()).isEqualTo(sim.appliedTransfers().get(0).transferId());
        assertThat(json.get("clientOid").getAsString()).isEqualTo("status-json");
        assertThat(json.get("from").getAsString()).isEqualTo("spot");
        assertThat(json.get("to").getAsString()).isEqualTo("usdt_futures");
        assertThat(new BigDecimal(json.get("amount").getAsString())).isEqualByComparingTo("25.5");
    }

    @Test
    void exit6_aClientOidNeverSentIsNotFoundAndNothingIsSent() {
        CliRunner.Run status = cli("status", "--client-oid", "never-sent", "--coin", "USDT");

        assertThat(status.exitCode()).as(status.toString()).isEqualTo(6);
        assertThat(status.out()).startsWith("not found clientOid=never-sent coin=USDT").contains("not applied");
        assertThat(transfersSent()).isZero();
        assertThat(sim.appliedTransfers()).isEmpty();
    }

    @Test
    void exit3_failedAndExit4_processingRecords() {
        Transfer failed = Transfer.builder().from(AccountType.SPOT).to(AccountType.USDT_FUTURES)
                .amount(new BigDecimal("5")).coin("USDT").clientOid("status-failed").build();
        Transfer processing = Transfer.builder().from(AccountType.SPOT).to(AccountType.USDT_FUTURES)
                .amount(new BigDecimal("5")).coin("USDT").clientOid("status-processing").build();
        sim.recordTransfer(UID, failed, RecordedTransfer.Status.FAILED);
        sim.recordTransfer(UID, processing, RecordedTransfer.Status.PROCESSING);

        CliRunner.Run failedRun = cli("status", "--client-oid", "status-failed", "--coin", "USDT");
        CliRunner.Run processingRun = cli("status", "--client-oid", "status-processing", "--coin", "USDT");

        assertThat(failedRun.exitCode()).as(failedRun.toString()).isEqualTo(3);
        assertThat(failedRun.out()).startsWith("failed transferId=").contains("nothing was applied");
        assertThat(processingRun.exitCode()).as(processingRun.toString()).isEqualTo(4);
        assertThat(processingRun.out()).startsWith("processing transferId=");
    }

    @Test
    void exit5_unreadableRecordsSayNothingIsKnown() {
        for (int i = 0; i < CliRunner.ATTEMPTS; i++) {
            sim.recordsFaults().htmlError(502);
        }

        CliRunner.Run status = cli("status", "--client-oid", "status-unknown", "--coin", "USDT");

        assertThat(status.exitCode()).as(status.toString()).isEqualTo(5);
        assertThat(status.err()).contains("records unavailable, nothing is known", "HTTP 502");
    }

    @Test
    void exit2_anInvalidClientOidOrCoinIsNamedAndNothingIsSent() {
        CliRunner.Run status = cli("status", "--client-oid", "bad oid", "--coin", "usdt");

        assertThat(status.exitCode()).as(status.toString()).isEqualTo(2);
        assertThat(status.err()).contains("clientOid 'bad oid'");
        assertThat(sim.requests()).isEmpty();
    }

    @Test
    void helpListsItsOwnExitCodes() {
        CliRunner.Run help = CliRunner.run(LIVE, "status", "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Exit codes:", "0   applied", "6   not found");
    }
}
