package dev.transfers.bitget.app;

import dev.transfers.bitget.adapter.http.RetryPolicy;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;

/** Runs the CLI in process with captured stdout and stderr and an injected environment. */
final class CliRunner {
    /** Attempts per transfer in tests: the adapter's default count, with short backoffs to keep tests fast. */
    static final int ATTEMPTS = 5;
    static final GatewayFactory FAST_HTTP = new HttpGatewayFactory(builder -> builder
            .retryPolicy(RetryPolicy.builder().maxAttempts(ATTEMPTS).initialBackoff(Duration.ofMillis(10))
                    .maxBackoff(Duration.ofMillis(50)).build())
            .connectTimeout(Duration.ofSeconds(2))
            .readTimeout(Duration.ofSeconds(3))
            .deadline(Duration.ofSeconds(10)));
    static final SimulatorLifetime NO_WAIT = simulator -> { };

    /** What one run printed and returned. */
    record Run(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private CliRunner() {
    }

    static Run run(Map<String, String> environment, String... args) {
        return run(new AppContext(Environment.of(environment), FAST_HTTP, NO_WAIT), args);
    }

    static Run run(AppContext context, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = BitgetTransferCli.commandLine(context, new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args);
        return new Run(code, out.toString(), err.toString());
    }
}
