package dev.transfers.bitget.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.transfers.bitget.adapter.fake.RecordedTransfer;
import dev.transfers.bitget.adapter.fake.simulator.SimulatedBitget;
import dev.transfers.bitget.app.batch.StopSignal;
import dev.transfers.bitget.domain.AccountType;
import dev.transfers.bitget.domain.Transfer;
import dev.transfers.bitget.domain.TransferGateway;
import dev.transfers.bitget.domain.TransferHistory;
import dev.transfers.bitget.domain.TransferQuery;
import dev.transfers.bitget.domain.TransferReceipt;
import dev.transfers.bitget.domain.TransferStatus;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The {@code batch} command end to end against a {@link SimulatedBitget} through the HTTP adapter. */
class BatchCommandTest {
    private static final String KEY = "batch-test-key";
    private static final String SECRET = "batch-test-secret";
    private static final String PASSPHRASE = "batch-test-passphrase";
    private static final Map<String, String> ENV = Map.of("BITGET_API_KEY", KEY, "BITGET_API_SECRET", SECRET,
            "BITGET_API_PASSPHRASE", PASSPHRASE);
    private static final String HEADER = "from,to,amount,coin,symbol,clientOid\n";

    @TempDir
    Path dir;

    private SimulatedBitget sim;

    @BeforeEach
    void startSimulator() {
        sim = SimulatedBitget.builder()
                .credentials(SimulatedBitget.Credentials.live(KEY, SECRET, PASSPHRASE, "uid-batch")).start();
        sim.seedBalance(AccountType.SPOT, "USDT", new BigDecimal("1000"));
    }

    @AfterEach
    void stopSimulator() {
        sim.close();
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private CliRunner.Run batch(Path file, String... extra) {
        String[] base = {"batch", file.toString(), "--base-url", sim.baseUri().toString()};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CliRunner.run(ENV, args);
    }

    private static List<String> rowLines(CliRunner.Run run) {
        return run.out().lines().filter(line -> line.startsWith("line ")).toList();
    }

    @Test
    void runningTheSameFileTwiceAppliesEachTransferOnceAndShowsTheSameTransferIds() throws IOException {
        Path file = file("transfers.csv", HEADER
                + "spot,usdt_futures,10,USDT,,\n"
                + "spot,usdt_futures,10,USDT,,\n"
                + "spot,isolated_margin,5,USDT,BTCUSDT,\n"
                + "spot,coin_futures,1,USDT,,own-oid-1\n");

        CliRunner.Run first = batch(file);
        CliRunner.Run second = batch(file);

        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(rowLines(first)).hasSize(4).allMatch(line -> line.contains(": applied transferId="));
        assertThat(rowLines(second)).isEqualTo(rowLines(first));
        assertThat(sim.appliedTransfers()).hasSize(4);
        assertThat(sim.appliedTransfers()).extracting(RecordedTransfer::clientOid).doesNotHaveDuplicates()
                .contains("own-oid-1");
        assertThat(sim.balance(AccountType.SPOT, "USDT")).isEqualByComparingTo("974");
        assertThat(first.out()).contains("batch transfers.csv: 4 rows: 4 applied; exit code 0");
    }

    @Test
    void aCorrectedFailedRowAppliesOnReRunWhileTheOthersAreNotRepeated() throws IOException {
        Path file = file("payday.csv", HEADER
                + "spot,usdt_futures,100,USDT,,\n"
                + "spot,usdt_futures,5000,USDT,,\n"
                + "spot,coin_futures,50,USDT,,\n");

        CliRunner.Run first = batch(file);

        assertThat(first.exitCode()).as(first.toString()).isEqualTo(3);
        assertThat(rowLines(first).get(1)).startsWith("line 3: rejected").contains("43012");
        assertThat(sim.appliedTransfers()).hasSize(2);

        Files.writeString(file, HEADER
                + "spot,usdt_futures,100,USDT,,\n"
                + "spot,usdt_futures,500,USDT,,\n"
                + "spot,coin_futures,50,USDT,,\n");
        CliRunner.Run second = batch(file);

        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(sim.appliedTransfers()).hasSize(3);
        assertThat(rowLines(second).get(0)).isEqualTo(rowLines(first).get(0));
        assertThat(rowLines(second).get(2)).isEqualTo(rowLines(first).get(2));
        assertThat(sim.balance(AccountType.SPOT, "USDT")).isEqualByComparingTo("350");
    }

    @Test
    void aMalformedRowIsReportedWithItsLineNumberAndTheOthersStillRun() throws IOException {
        Path file = file("mixed.csv", HEADER
                + "spot,usdt_futures,1,USDT,,\n"
                + "\n"
                + "spot,usdt_futures,2,USDT\n"
                + "spott,usdt_futures,3,USDT,,\n"
                + "spot,usdt_futures,4,USDT,,\n");

        CliRunner.Run run = batch(file);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(rowLines(run)).hasSize(4);
        assertThat(rowLines(run).get(0)).startsWith("line 2: applied");
        assertThat(rowLines(run).get(1)).startsWith("line 4: invalid").contains("expected 6 columns", "found 4");
        assertThat(rowLines(run).get(2)).startsWith("line 5: invalid")
                .contains("must be one of spot, p2p, coin_futures, usdt_futures, usdc_futures, crossed_margin,"
                        + " isolated_margin, not 'spott'");
        assertThat(rowLines(run).get(3)).startsWith("line 6: applied");
        assertThat(sim.appliedTransfers()).extracting(RecordedTransfer::amount)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("1"), new BigDecimal("4"));
        assertThat(run.out()).contains("4 rows: 2 applied, 2 invalid; exit code 2");
    }

    @Test
    void theExitCodeIsTheWorstRowsOutcomeUnknownBeatsRejected() throws IOException {
        for (int i = 0; i < CliRunner.ATTEMPTS; i++) {
            sim.faults().dropConnectionAfterApplying();
        }
        // The call's own read of the records and the batch's second look both fail.
        for (int i = 0; i < 2 * CliRunner.ATTEMPTS; i++) {
            sim.recordsFaults().htmlError(502);
        }
        Path file = file("worst.csv", HEADER
                + "spot,usdt_futures,1,USDT,,in-doubt-1\n"
                + "spot,usdt_futures,9999,USDT,,\n");

        // One row after another: the simulator's faults go to requests in the order they arrive.
        CliRunner.Run run = batch(file, "--rows-in-flight", "1");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(4);
        assertThat(rowLines(run).get(0)).startsWith("line 2: outcome unknown").contains("in-doubt-1");
        assertThat(rowLines(run).get(1)).startsWith("line 3: rejected");
    }

    @Test
    void aRowInDoubtIsLookedUpOnceMoreBeforeItIsReported() throws IOException {
        for (int i = 0; i < CliRunner.ATTEMPTS; i++) {
            sim.faults().dropConnectionAfterApplying();
            sim.recordsFaults().htmlError(502);   // the call's own read of the records fails...
        }
        Path file = file("settled.csv", HEADER + "spot,usdt_futures,1,USDT,,settled-1\n");

        CliRunner.Run run = batch(file);

        // ...and the batch's second look finds it applied.
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(rowLines(run).get(0)).startsWith("line 2: applied transferId="
                + sim.appliedTransfers().get(0).transferId());
    }

    @Test
    void jsonPrintsOneObjectPerRowAndTheSummaryOnStderr() throws IOException {
        Path file = file("json.csv", HEADER
                + "spot,usdt_futures,1,USDT,,\n"
                + "spot,usdt_futures,x,USDT,,\n"
                + "spot,usdt_futures,5000,USDT,,\n");

        CliRunner.Run run = batch(file, "--json");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        List<JsonObject> rows = run.out().lines().map(line -> JsonParser.parseString(line).getAsJsonObject()).toList();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).get("line").getAsInt()).isEqualTo(2);
        assertThat(rows.get(0).get("status").getAsString()).isEqualTo("applied");
        assertThat(rows.get(0).get("transferId").getAsString()).isEqualTo(sim.appliedTransfers().get(0).transferId());
        assertThat(rows.get(0).get("clientOid").getAsString()).startsWith("b-").hasSize(64);
        assertThat(rows.get(1).get("status").getAsString()).isEqualTo("invalid");
        assertThat(rows.get(1).getAsJsonArray("errors").get(0).getAsString()).contains("amount");
        assertThat(rows.get(2).get("status").getAsString()).isEqualTo("rejected");
        assertThat(rows.get(2).get("exchangeCode").getAsString()).isEqualTo("43012");
        assertThat(run.err()).contains("batch json.csv: 3 rows");
    }

    @Test
    void aWrongHeaderIsAUsageErrorAndNothingIsSent() throws IOException {
        Path file = file("bad-header.csv", "from,to,amount,coin\nspot,usdt_futures,1,USDT\n");

        CliRunner.Run run = batch(file);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("expected the header from,to,amount,coin,symbol,clientOid");
        assertThat(sim.requests()).isEmpty();
    }

    @Test
    void anUnreadableFileIsAUsageError() {
        CliRunner.Run run = batch(dir.resolve("missing.csv"));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("cannot read").contains("missing.csv").doesNotContain("\tat ");
    }

    @Test
    void theSameFileNameInAnotherDirectoryDerivesTheSameClientOids() throws IOException {
        String content = HEADER + "spot,usdt_futures,7,USDT,,\n";
        Path one = file("same.csv", content);
        Path other = Files.createDirectories(dir.resolve("elsewhere")).resolve("same.csv");
        Files.writeString(other, content);

        CliRunner.Run first = batch(one);
        CliRunner.Run second = batch(other);

        assertThat(second.out()).isEqualTo(first.out());
        assertThat(sim.appliedTransfers()).hasSize(1);
    }

    /** A gateway over the test's HTTP one that requests a stop when the given transfer (counting from 1) starts. */
    private static GatewayFactory stoppingAt(int transfer, StopSignal stop) {
        AtomicInteger calls = new AtomicInteger();
        return target -> {
            TransferGateway http = CliRunner.FAST_HTTP.create(target);
            return new StoppingGateway(http, (TransferHistory) http, () -> {
                if (calls.incrementAndGet() == transfer) {
                    stop.request();
                }
            });
        };
    }

    private record StoppingGateway(TransferGateway gateway, TransferHistory history, Runnable beforeEach)
            implements TransferGateway, TransferHistory {
        @Override
        public TransferReceipt transfer(Transfer transfer) {
            beforeEach.run();
            return gateway.transfer(transfer);
        }

        @Override
        public TransferStatus statusOf(TransferQuery query) {
            return history.statusOf(query);
        }
    }

    @Test
    void aStopEndsTheRowsInFlightPrintsTheSummarySoFarAndTheSameFileResumes() throws IOException {
        StringBuilder rows = new StringBuilder(HEADER);
        for (int i = 0; i < 40; i++) {
            rows.append("spot,usdt_futures,0.5,USDT,,\n");
        }
        Path file = file("interrupted.csv", rows.toString());
        StopSignal stop = new StopSignal();
        AppContext context = new AppContext(Environment.of(ENV), stoppingAt(3, stop), CliRunner.NO_WAIT);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new BatchCommand(context, stop));
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));

        int code = command.execute(file.toString(), "--base-url", sim.baseUri().toString(), "--rows-in-flight", "2");

        List<String> printed = out.toString().lines().filter(line -> line.startsWith("line ")).toList();
        int applied = sim.appliedTransfers().size();
        assertThat(code).as(out + "" + err).isZero();
        assertThat(applied).as("rows in flight at the stop end; no row is taken after it").isBetween(3, 4);
        assertThat(printed).hasSize(applied);
        for (int i = 0; i < printed.size(); i++) {
            assertThat(printed.get(i)).startsWith("line " + (i + 2) + ": applied transferId=");
        }
        assertThat(out.toString()).contains("batch interrupted.csv: stopped after " + applied + " rows: "
                + applied + " applied. The rows after these were not sent; run the same file again to resume");

        CliRunner.Run again = batch(file);

        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(rowLines(again)).hasSize(40).startsWith(printed.toArray(String[]::new));
        assertThat(sim.appliedTransfers()).as("every row applied once").hasSize(40);
        assertThat(again.out()).contains("batch interrupted.csv: 40 rows: 40 applied");
    }
}
