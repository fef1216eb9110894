package dev.transfers.bitget.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transfers.bitget.adapter.fake.simulator.SimulatedBitget;
import dev.transfers.bitget.domain.AccountType;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile values on the command line and in batch files: always exit 2 with a short, printable
 * message naming the field, never a stack trace, and nothing sent to the exchange.
 */
class HostileInputTest {
    private static final String KEY = "hostile-key";
    private static final Map<String, String> ENV = Map.of("BITGET_API_KEY", KEY, "BITGET_API_SECRET",
            "hostile-secret", "BITGET_API_PASSPHRASE", "hostile-passphrase");
    private static final String HUGE = "9".repeat(10_000);
    private static SimulatedBitget sim;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSimulator() {
        sim = SimulatedBitget.builder()
                .credentials(SimulatedBitget.Credentials.live(KEY, "hostile-secret", "hostile-passphrase", "uid-h"))
                .start();
        sim.seedBalance(AccountType.SPOT, "USDT", new BigDecimal("1000"));
    }

    @AfterAll
    static void stopSimulator() {
        sim.close();
    }

    @AfterEach
    void nothingWasSent() {
        assertThat(sim.requests()).as("hostile input must never reach the exchange").isEmpty();
    }

    static Stream<Arguments> hostileTransfers() {
        List<Arguments> cases = new ArrayList<>();
        for (String amount : List.of("1e3", "1E+3", "NaN", "Infinity", "-1", "-0", "0", "0.0000000000000000001",
                "123456789012345678901", "١٢٣", "１２３", " 1", "1 ", "1\u0000", "1\n2", "0x10", "1,000", "+1", "",
                ".", "1.", HUGE, "1." + HUGE)) {
            cases.add(Arguments.of("amount", List.of("--from", "spot", "--to", "usdt_futures", "--amount", amount,
                    "--coin", "USDT")));
        }
        for (String coin : List.of("usdt", "", " ", "US DT", "USDT\n", "U\u0007SDT", "Ü", "X".repeat(10_000))) {
            cases.add(Arguments.of("coin", List.of("--from", "spot", "--to", "usdt_futures", "--amount", "1",
                    "--coin", coin)));
        }
        for (String account : List.of("SPOT", "spot\u0007", "", "\u202espot", "s".repeat(10_000))) {
            cases.add(Arguments.of("from", List.of("--from", account, "--to", "usdt_futures", "--amount", "1",
                    "--coin", "USDT")));
        }
        for (String clientOid : List.of("a b", "\u0000", "é", "o".repeat(10_000), "x;rm -rf /")) {
            cases.add(Arguments.of("clientOid", List.of("--from", "spot", "--to", "usdt_futures", "--amount", "1",
                    "--coin", "USDT", "--client-oid", clientOid)));
        }
        cases.add(Arguments.of("symbol", List.of("--from", "spot", "--to", "isolated_margin", "--amount", "1",
                "--coin", "USDT")));
        cases.add(Arguments.of("symbol", List.of("--from", "spot", "--to", "usdt_futures", "--amount", "1",
                "--coin", "USDT", "--symbol", "BTCUSDT")));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {index}")
    @MethodSource("hostileTransfers")
    void aHostileTransferIsExit2WithAShortReadableMessage(String field, List<String> options) {
        List<String> args = new ArrayList<>(List.of("transfer", "--base-url", sim.baseUri().toString()));
        args.addAll(options);

        CliRunner.Run run = CliRunner.run(ENV, args.toArray(String[]::new));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertReadable(run.err());
        assertThat(run.err()).contains(field);
    }

    @Test
    void aBatchOfHostileRowsReportsEachByLineAndSendsNothing() throws IOException {
        String content = "from,to,amount,coin,symbol,clientOid\n"
                + "spot,usdt_futures,1e3,USDT,,\n"
                + "spot,usdt_futures,NaN,USDT,,\n"
                + "spot,usdt_futures,,USDT,,\n"
                + ",,,,,\n"
                + "spot,usdt_futures,1,USDT\n"
                + "spot,usdt_futures,1,USDT,,,extra\n"
                + "spot,usdt_futures,1,usdt,,\n"
                + "spot,usdt_futures,1,USDT,BTCUSDT,\n"
                + "spot,usdt_futures," + HUGE + ",USDT,,\n"
                + "spot,usdt_futures,1,USDT,,\u0007bell\n"
                + "\"spot\",\"usdt_futures\",\"١٢٣\",\"USDT\",\"\",\"\"\n";
        Path file = Files.writeString(dir.resolve("hostile.csv"), content, StandardCharsets.UTF_8);

        CliRunner.Run run = CliRunner.run(ENV, "batch", file.toString(), "--base-url", sim.baseUri().toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertReadable(run.out() + run.err());
        for (int line = 2; line <= 12; line++) {
            assertThat(run.out()).contains("line " + line + ": invalid");
        }
    }

    @Test
    void aCsvThatIsNotCsvIsExit2() throws IOException {
        Path file = Files.writeString(dir.resolve("broken.csv"),
                "from,to,amount,coin,symbol,clientOid\n\"spot,usdt_futures,1,USDT,,\n", StandardCharsets.UTF_8);

        CliRunner.Run run = CliRunner.run(ENV, "batch", file.toString(), "--base-url", sim.baseUri().toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertReadable(run.out() + run.err());
    }

    /** Short, printable, and no stack trace: what a person can read. */
    private static void assertReadable(String text) {
        assertThat(text).isNotBlank();
        assertThat(text).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(text.chars().filter(c -> Character.isISOControl(c) && c != '\n' && c != '\r'))
                .as("control characters in %s", text).isEmpty();
        text.lines().forEach(line -> assertThat(line.length()).as("line length of %s", line).isLessThan(1_000));
    }
}
