package dev.transfers.bitget.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shaded jar as a user runs it: a separate JVM, no credentials in its environment, so it uses
 * the embedded simulator (no network). Proves the manifest, the shading (services, Feign, Jackson,
 * Hibernate Validator) and the logging set-up.
 */
class BitgetTransferJarIT {
    private static final Path JAR = Path.of(System.getProperty("bitget.transfer.jar", "target/bitget-transfer.jar"));

    private static CliProcess.Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return CliProcess.run(command, Map.of());
    }

    @Test
    void theFirstCommandOfTheReadmeAppliesATransferOnTheEmbeddedSimulator() throws Exception {
        CliProcess.Result result = run("transfer", "--from", "spot", "--to", "usdt_futures", "--amount", "25",
                "--coin", "USDT");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).matches("applied transferId=\\S+ clientOid=\\S+\\R");
        assertThat(result.err()).contains("No real money moves").doesNotContain("INFO", "SLF4J");
    }

    @Test
    void invalidInputExitsTwoWithoutAStackTrace() throws Exception {
        CliProcess.Result result = run("transfer", "--from", "spott", "--to", "usdt_futures", "--amount", "1",
                "--coin", "USDT", "--json");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("valid").doesNotContain("\tat ");
    }
}
