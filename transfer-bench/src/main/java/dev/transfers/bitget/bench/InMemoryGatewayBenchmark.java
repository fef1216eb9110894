package dev.transfers.bitget.bench;

import dev.transfers.bitget.adapter.fake.InMemoryTransferGateway;
import dev.transfers.bitget.domain.AccountType;
import dev.transfers.bitget.domain.Transfer;
import dev.transfers.bitget.domain.TransferReceipt;
import java.math.BigDecimal;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of {@link InMemoryTransferGateway}, one thread against eight, with the cost of
 * building (validating) the {@link Transfer} alone as the baseline each call includes.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class InMemoryGatewayBenchmark {
    private static final BigDecimal ONE_CENT = new BigDecimal("0.01");
    private InMemoryTransferGateway gateway;

    @Setup(Level.Iteration)
    public void fundedGateway() {
        gateway = new InMemoryTransferGateway();
        gateway.seedBalance(AccountType.SPOT, "USDT", new BigDecimal("1000000000"));
    }

    private static Transfer aCent() {
        return Transfer.builder().from(AccountType.SPOT).to(AccountType.USDT_FUTURES)
                .amount(ONE_CENT).coin("USDT").build();
    }

    @Benchmark
    @Threads(1)
    public Transfer buildTransferOnly() {
        return aCent();
    }

    @Benchmark
    @Threads(1)
    public TransferReceipt transferOneThread() {
        return gateway.transfer(aCent());
    }

    @Benchmark
    @Threads(8)
    public TransferReceipt transferEightThreads() {
        return gateway.transfer(aCent());
    }
}
