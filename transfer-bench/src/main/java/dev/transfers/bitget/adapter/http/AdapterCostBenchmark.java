package dev.transfers.bitget.adapter.http;

import dev.transfers.bitget.domain.AccountType;
import dev.transfers.bitget.domain.Transfer;
import feign.Request;
import feign.RequestTemplate;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
 * The HTTP adapter's own per-call work, without any network: its HMAC signer, its JSON encoder
 * ({@link TransferRequestBodyEncoder}: {@link TransferRequestBody} written by Jackson's streaming generator), the signing target making the
 * encoded template the signed request, and the response classifier on a success answer. The class sits in the
 * adapter's package (in this module, not the adapter's jar) to reach those package-private parts
 * without widening the adapter's public API; each is built as {@link BitgetTransferGateway} builds it.
 *
 * <p>Run it with {@code LibraryCostBenchmark}, whose {@code baselineHandJsonAndHmac} (hand-written
 * JSON and its HMAC) is the floor the ratios are taken against (docs/BENCHMARKS.md, benchmark 1).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
@State(Scope.Thread)
public class AdapterCostBenchmark {
    private static final byte[] SUCCESS_ANSWER = ("{\"code\":\"00000\",\"msg\":\"success\","
            + "\"requestTime\":1700000000000,\"data\":{\"transferId\":\"1180000000000000001\",\"clientOid\":\"bench-client-oid\"}}")
            .getBytes(StandardCharsets.UTF_8);

    private RequestSigner signer;
    private TransferRequestBodyEncoder encoder;
    private SigningTarget target;
    private ResponseClassifier classifier;
    private Transfer transfer;
    private String body;

    /** The adapter's parts, and a transfer already built (its validation is LibraryCostBenchmark's). */
    @Setup
    public void adapterParts() {
        BitgetCredentials credentials = BitgetCredentials.hmac("bench-key", "bench-secret", "bench-passphrase");
        signer = new RequestSigner.HmacSha256("bench-secret");
        encoder = new TransferRequestBodyEncoder();
        target = new SigningTarget("https://api.bitget.com", credentials, new ExchangeClock(Clock.systemUTC()), "en-US",
                false);
        classifier = new ResponseClassifier(Clock.systemUTC());
        transfer = Transfer.builder().from(AccountType.SPOT).to(AccountType.USDT_FUTURES)
                .amount(new BigDecimal("0.01")).coin("USDT").build();
        body = new String(encode().body(), StandardCharsets.UTF_8);
    }

    /** The signer alone: Bitget's prehash of the encoded body with a fresh timestamp, HMAC-SHA256, Base64. */
    @Benchmark
    public String adapterSign() {
        return signer.sign(RequestSigner.prehash(Long.toString(System.currentTimeMillis()), "POST",
                BitgetApi.TRANSFER_PATH, body));
    }

    /** The encoder alone: the transfer's request body written into a request template. */
    @Benchmark
    public RequestTemplate adapterEncode() {
        return encode();
    }

    /** What the adapter does to a transfer before sending it: encode, then sign it into the request with its headers. */
    @Benchmark
    public Request adapterEncodeAndSign() {
        return target.apply(encode());
    }

    /** The classifier alone, on Bitget's success answer to a transfer. */
    @Benchmark
    public AttemptResult adapterClassifySuccess() {
        return classifier.classify(200, Map.of(), SUCCESS_ANSWER);
    }

    private RequestTemplate encode() {
        RequestTemplate template = new RequestTemplate().method(Request.HttpMethod.POST).uri(BitgetApi.TRANSFER_PATH);
        encoder.encode(TransferRequestBody.of(transfer), TransferRequestBody.class, template);
        return template;
    }
}
