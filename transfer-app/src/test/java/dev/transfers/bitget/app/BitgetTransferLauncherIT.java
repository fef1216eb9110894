package dev.transfers.bitget.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code bitget-transfer} launcher script the build leaves next to the jar, run as a user runs it:
 * no credentials, so the embedded simulator (no network), with {@code JAVA_HOME} set to this JVM (the
 * one that made its class-data-sharing archive). It must run the command with the build's archive,
 * without it, and with a corrupt one, and pass the arguments through unchanged.
 */
class BitgetTransferLauncherIT {
    private static final Path LAUNCHER = Path.of(System.getProperty("bitget.transfer.launcher",
            "target/bitget-transfer"));
    private static final String ARCHIVE = "bitget-transfer.jsa";
    private static final String CHECKSUM = ARCHIVE + ".cksum";
    private static final String JSON_RECEIPT = "\\{\"transferId\":\"\\d+\",\"clientOid\":\"launcher-it\"}\\R";

    @TempDir
    Path copy;

    private static CliProcess.Result run(Path launcher, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(Arrays.asList(args));
        // JAVA_TOOL_OPTIONS would add JVM output; JAVA_HOME is this JVM, the one that made the archive.
        return CliProcess.run(command, Map.of("JAVA_TOOL_OPTIONS", "", "JDK_JAVA_OPTIONS", "",
                "JAVA_HOME", System.getProperty("java.home")));
    }

    private static CliProcess.Result transfer(Path launcher) throws IOException, InterruptedException {
        return run(launcher, "transfer", "--from", "spot", "--to", "usdt_futures", "--amount", "25", "--coin", "USDT",
                "--client-oid", "launcher-it", "--json");
    }

    /** The launcher and the jar in a directory of their own, with the build's archive and checksum when asked. */
    private Path copyOfTheBuild(boolean withArchive) throws IOException {
        Path build = LAUNCHER.toAbsolutePath().getParent();
        for (String file : withArchive ? List.of("bitget-transfer", "bitget-transfer.jar", ARCHIVE, CHECKSUM)
                : List.of("bitget-transfer", "bitget-transfer.jar")) {
            Files.copy(build.resolve(file), copy.resolve(file), StandardCopyOption.COPY_ATTRIBUTES);
        }
        copy.resolve(ARCHIVE).toFile().setWritable(true);
        return copy.resolve("bitget-transfer");
    }

    @Test
    void theBuildLeavesTheLauncherWithItsArchiveAndItsChecksum() {
        Path build = LAUNCHER.toAbsolutePath().getParent();

        assertThat(LAUNCHER).isExecutable();
        assertThat(build.resolve(ARCHIVE)).isNotEmptyFile();
        assertThat(build.resolve(CHECKSUM)).content().matches("\\d+ \\d+\\R");
    }

    @Test
    void theLauncherAppliesATransferAndPrintsOnlyTheResultOnStdout() throws Exception {
        CliProcess.Result result = transfer(LAUNCHER);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).matches(JSON_RECEIPT);
        assertThat(result.err()).contains("No real money moves").doesNotContain("INFO", "SLF4J", "warning");
    }

    @Test
    void theLauncherPassesArgumentsThroughUnchanged() throws Exception {
        CliProcess.Result result = run(LAUNCHER, "transfer", "--from", "spot  'x' \"$HOME\" *", "--to", "usdt_futures",
                "--amount", "1", "--coin", "USDT");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("not 'spot  'x' \"$HOME\" *'");
    }

    @Test
    void withoutTheArchiveTheLauncherStillRunsTheCommand() throws Exception {
        CliProcess.Result result = transfer(copyOfTheBuild(false));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).matches(JSON_RECEIPT);
    }

    @Test
    void aTruncatedArchiveIsNotUsedAndTheCommandStillRuns() throws Exception {
        Path launcher = copyOfTheBuild(true);
        byte[] archive = Files.readAllBytes(copy.resolve(ARCHIVE));
        Files.write(copy.resolve(ARCHIVE), Arrays.copyOf(archive, archive.length / 2));

        CliProcess.Result result = transfer(launcher);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).matches(JSON_RECEIPT);
    }

    @Test
    void anArchiveTheJvmCannotReadIsIgnoredEvenWithAMatchingChecksum() throws Exception {
        Path launcher = copyOfTheBuild(true);
        Files.writeString(copy.resolve(ARCHIVE), "not a class-data-sharing archive\n");
        Process checksum = new ProcessBuilder("sh", "-c", "cksum < " + ARCHIVE + " > " + CHECKSUM)
                .directory(copy.toFile()).start();
        assertThat(checksum.waitFor(10, TimeUnit.SECONDS) && checksum.exitValue() == 0).isTrue();

        CliProcess.Result result = transfer(launcher);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).matches(JSON_RECEIPT);
    }
}
