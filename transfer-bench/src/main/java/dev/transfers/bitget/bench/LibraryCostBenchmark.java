package dev.transfers.bitget.bench;

import dev.transfers.bitget.domain.AccountType;
import dev.transfers.bitget.domain.Transfer;
import java.math.BigDecimal;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The library's own CPU cost per transfer, without any network, next to the floor a hand-written
 * client pays anyway: HMAC-SHA256 (Base64) of a hand-written JSON body with a fresh UUID clientOid.
 *
 * <p>Only public API is measured: building (and so validating) a {@link Transfer}, and
 * {@link Transfer#parse} from text. The adapter's signer, Jackson encoder and response decoder
 * are package-private and are not called here; their cost shows up in
 * {@link EndToEndLatencyBenchmark} against a canned loopback server. {@link #buildThenSign} adds
 * the baseline's JSON and HMAC to a built transfer: the cheapest a wire path using the domain
 * model could be.
 *
 * <p>Warm-up: the first validation in a JVM bootstraps Hibernate Validator (about a second), so the
 * first warm-up iteration is spent on it; give at least five warm-up iterations of 2 s.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
@State(Scope.Thread)
public class LibraryCostBenchmark {
    private static final BigDecimal ONE_CENT = new BigDecimal("0.01");
    private Mac mac;

    @Setup
    public void keyedMac() {
        mac = HandSigned.hmac("bench-secret");
    }

    /** Baseline: hand-written JSON (with a UUID clientOid) and its Base64 HMAC-SHA256 signature. */
    @Benchmark
    public String baselineHandJsonAndHmac() {
        String timestamp = Long.toString(System.currentTimeMillis());
        return HandSigned.sign(mac, timestamp, HandSigned.handWrittenJson());
    }

    /** {@code Transfer.builder()...build()}: Bean Validation of every constraint and a UUID clientOid. */
    @Benchmark
    public Transfer buildAndValidate() {
        return Transfer.builder().from(AccountType.SPOT).to(AccountType.USDT_FUTURES)
                .amount(ONE_CENT).coin("USDT").build();
    }

    /** {@code Transfer.parse} of command-line text: parsing, then the same validation. */
    @Benchmark
    public Transfer parseText() {
        return Transfer.parse("spot", "usdt_futures", "0.01", "USDT", null, null);
    }

    /** A built transfer, written as JSON by hand from its fields, then signed as the baseline signs. */
    @Benchmark
    public String buildThenSign() {
        Transfer transfer = buildAndValidate();
        String body = "{\"fromType\":\"" + transfer.from().wireCode() + "\",\"toType\":\"" + transfer.to().wireCode()
                + "\",\"amount\":\"" + transfer.amount().toPlainString() + "\",\"coin\":\"" + transfer.coin()
                + "\",\"clientOid\":\"" + transfer.clientOid() + "\"}";
        return HandSigned.sign(mac, Long.toString(System.currentTimeMillis()), body);
    }
}
