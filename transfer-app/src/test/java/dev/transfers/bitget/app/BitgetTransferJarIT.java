package dev.transfers.bitget.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The shaded jar as a user runs it: a separate JVM, no credentials in its environment, so it uses
 * the embedded simulator (no network). Proves the manifest, the shading (services, Feign, Jackson,
 * Hibernate Validator) and the logging set-up.
 */
class BitgetTransferJarIT {
    private static final Path JAR = Path.of(System.getProperty("bitget.transfer.jar", "target/bitget-transfer.jar"));

    private record Result(int exitCode, String out, String err) {
    }

    private static Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("bitget-transfer", ".out");
        Path err = Files.createTempFile("bitget-transfer", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("BITGET_"));
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("bitget-transfer did not finish in 60 s: " + command);
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void theFirstCommandOfTheReadmeAppliesATransferOnTheEmbeddedSimulator() throws Exception {
        Result result = run("transfer", "--from", "spot", "--to", "usdt_futures", "--amount", "25", "--coin", "USDT");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).matches("applied transferId=\\S+ clientOid=\\S+\\R");
        assertThat(result.err()).contains("No real money moves").doesNotContain("INFO", "SLF4J");
    }

    @Test
    void invalidInputExitsTwoWithoutAStackTrace() throws Exception {
        Result result = run("transfer", "--from", "spott", "--to", "usdt_futures", "--amount", "1", "--coin", "USDT",
                "--json");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("valid").doesNotContain("\tat ");
    }
}
