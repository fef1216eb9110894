package dev.transfers.bitget.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transfers.bitget.adapter.fake.InMemoryTransferGateway;
import dev.transfers.bitget.domain.AccountType;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which gateway the commands are composed with, checked at the port with the in-memory fake (no network). */
class CompositionTest {
    private static final Map<String, String> ENV = Map.of("BITGET_API_KEY", "k-1", "BITGET_API_SECRET", "s-1",
            "BITGET_API_PASSPHRASE", "p-1");

    private final List<ExchangeTarget> targets = new ArrayList<>();
    private final InMemoryTransferGateway ledger = new InMemoryTransferGateway();

    private AppContext capturing() {
        ledger.seedBalance(AccountType.SPOT, "USDT", new BigDecimal("100"));
        return new AppContext(Environment.of(ENV), target -> {
            targets.add(target);
            return ledger;
        }, CliRunner.NO_WAIT);
    }

    @Test
    void credentialsWithoutBaseUrlMeanBitgetItself() {
        CliRunner.Run run = CliRunner.run(capturing(), "transfer", "--from", "spot", "--to", "usdt_futures",
                "--amount", "5", "--coin", "USDT");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(targets).singleElement().satisfies(target -> {
            assertThat(target.baseUrl()).isEqualTo(URI.create("https://api.bitget.com"));
            assertThat(target.credentials()).isEqualTo(new ApiCredentials("k-1", "s-1", "p-1"));
            assertThat(target.demoTrading()).isFalse();
        });
        assertThat(run.err()).doesNotContain("simulated");
        assertThat(ledger.balance(AccountType.USDT_FUTURES, "USDT")).isEqualByComparingTo("5");
    }

    @Test
    void credentialsAreNeverShownByToString() {
        assertThat(new ApiCredentials("k-1", "s-1", "p-1").toString()).doesNotContain("k-1", "s-1", "p-1");
    }

    @Test
    void aBatchUsesOneGatewayForEveryRow(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("one.csv"), "from,to,amount,coin,symbol,clientOid\n"
                + "spot,usdt_futures,1,USDT,,\nspot,usdt_futures,2,USDT,,\nspot,coin_futures,3,USDT,,\n");

        CliRunner.Run run = CliRunner.run(capturing(), "batch", file.toString(), "--demo");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(targets).singleElement().extracting(ExchangeTarget::demoTrading).isEqualTo(true);
        assertThat(ledger.appliedTransfers()).hasSize(3);
    }

    @Test
    void aBatchOfOnlyInvalidRowsOpensNoGateway(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("bad.csv"), "from,to,amount,coin,symbol,clientOid\n"
                + "spot,spot,1,USDT,,\n");

        CliRunner.Run run = CliRunner.run(capturing(), "batch", file.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(targets).isEmpty();
    }
}
