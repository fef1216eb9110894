package dev.transfers.bitget.app.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transfers.bitget.adapter.fake.simulator.SimulatedBitget;
import dev.transfers.bitget.adapter.http.BitgetCredentials;
import dev.transfers.bitget.adapter.http.BitgetTransferGateway;
import dev.transfers.bitget.adapter.http.RetryPolicy;
import dev.transfers.bitget.domain.AccountType;
import dev.transfers.bitget.domain.Transfer;
import dev.transfers.bitget.domain.TransferException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Canary credentials go through every path the adapter has (success, each wire fault, refused
 * signature and passphrase, clock resync, insufficient balance), with every logger at TRACE
 * writing to {@code target/test-trace.log} (set for this module's tests in its pom). Neither the
 * secret, the passphrase nor any signature sent may then appear in a log line, an exception's
 * message or stack trace, or the {@code toString()} of the public types used.
 */
class SecretCanaryTest {
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String API_KEY = "canary-key-" + RUN;
    private static final String SECRET = "CANARY-SECRET-" + RUN;
    private static final String PASSPHRASE = "CANARY-PASSPHRASE-" + RUN;
    private static final RetryPolicy SHORT_BACKOFF = RetryPolicy.builder()
            .initialBackoff(Duration.ofMillis(10)).maxBackoff(Duration.ofMillis(80)).build();
    private static final Path TRACE_LOG = Path.of(System.getProperty("org.slf4j.simpleLogger.logFile",
            "target/test-trace.log"));

    private final List<String> seen = new ArrayList<>();
    private String firstClientOid;

    @Test
    void noSecretPassphraseOrSignatureLeavesTheLibrary() throws Exception {
        assertThat(System.getProperty("org.slf4j.simpleLogger.defaultLogLevel")).isEqualTo("trace");
        try (SimulatedBitget exchange = SimulatedBitget.builder()
                .credentials(SimulatedBitget.Credentials.live(API_KEY, SECRET, PASSPHRASE, "canary-uid-" + RUN))
                .start()) {
            exchange.seedBalance(AccountType.SPOT, "USDT", new BigDecimal("1000"));
            BitgetCredentials credentials = BitgetCredentials.hmac(API_KEY, SECRET, PASSPHRASE);
            BitgetTransferGateway gateway = gatewayTo(exchange, credentials);

            List<Consumer<SimulatedBitget>> faults = List.of(
                    sim -> { },
                    sim -> sim.faults().dropConnectionAfterApplying(),
                    sim -> sim.faults().dropConnectionBeforeApplying(),
                    sim -> sim.faults().htmlError(502),
                    sim -> sim.faults().truncatedBody(),
                    sim -> sim.faults().delay(Duration.ofMillis(500)),
                    sim -> sim.faults().tooManyRequests(),
                    sim -> sim.faults().answer(400, "40010", "Request timed out"),
                    sim -> sim.clockOffset(Duration.ofMinutes(5)),
                    sim -> {
                        for (int i = 0; i < 6; i++) {
                            sim.faults().dropConnectionAfterApplying();
                        }
                    });
            for (Consumer<SimulatedBitget> fault : faults) {
                fault.accept(exchange);
                send(gateway, aTransfer("1"));
                exchange.clockOffset(Duration.ZERO);
            }
            send(gateway, aTransfer("5000"));
            send(gatewayTo(exchange, BitgetCredentials.hmac(API_KEY, SECRET + "-wrong", PASSPHRASE)), aTransfer("1"));
            send(gatewayTo(exchange, BitgetCredentials.hmac(API_KEY, SECRET, PASSPHRASE + "-wrong")), aTransfer("1"));
            seen.add(gateway.toString());
            seen.add(credentials.toString());
            seen.add(exchange.toString());
            exchange.requests().forEach(request -> seen.add(request.toString()));

            List<String> signatures = exchange.requests().stream()
                    .map(request -> request.header("ACCESS-SIGN"))
                    .flatMap(java.util.Optional::stream)
                    .toList();
            assertThat(signatures).hasSizeGreaterThan(15);

            String log = Files.readString(TRACE_LOG);
            assertThat(log).as("the trace log must capture the adapter's logging of these transfers")
                    .contains(firstClientOid);
            String everything = String.join("\n", seen) + "\n" + log;
            assertThat(everything).doesNotContain(SECRET).doesNotContain(PASSPHRASE);
            for (String signature : signatures) {
                assertThat(everything).doesNotContain(signature);
            }
        }
    }

    private static BitgetTransferGateway gatewayTo(SimulatedBitget exchange, BitgetCredentials credentials) {
        return BitgetTransferGateway.builder()
                .baseUrl(exchange.baseUri())
                .credentials(credentials)
                .readTimeout(Duration.ofMillis(250))
                .retryPolicy(SHORT_BACKOFF)
                .build();
    }

    private static Transfer aTransfer(String amount) {
        return Transfer.builder().from(AccountType.SPOT).to(AccountType.USDT_FUTURES)
                .amount(new BigDecimal(amount)).coin("USDT").build();
    }

    private void send(BitgetTransferGateway gateway, Transfer transfer) {
        if (firstClientOid == null) {
            firstClientOid = transfer.clientOid();
        }
        seen.add(transfer.toString());
        try {
            seen.add(gateway.transfer(transfer).toString());
        } catch (TransferException outcome) {
            seen.add(outcome.toString());
            StringWriter trace = new StringWriter();
            outcome.printStackTrace(new PrintWriter(trace));
            seen.add(trace.toString());
        }
    }
}
