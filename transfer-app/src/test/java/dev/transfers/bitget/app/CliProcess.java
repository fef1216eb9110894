package dev.transfers.bitget.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the built command line as a separate process, as a user would: without {@code BITGET_*}
 * variables (so the embedded simulator, no network) and within 60 s, and returns what it printed.
 */
final class CliProcess {
    private CliProcess() {
    }

    /** The exit code and the text on stdout and stderr. */
    record Result(int exitCode, String out, String err) {
    }

    /** Runs the command with these variables added to an environment without {@code BITGET_*} ones. */
    static Result run(List<String> command, Map<String, String> environment) throws IOException, InterruptedException {
        Path out = Files.createTempFile("bitget-transfer", ".out");
        Path err = Files.createTempFile("bitget-transfer", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("BITGET_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("bitget-transfer did not finish in 60 s: " + command);
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
