package dev.transfers.bitget.adapter.fake.simulator;

import static dev.transfers.bitget.adapter.fake.simulator.BitgetTestClient.body;
import static dev.transfers.bitget.adapter.fake.simulator.BitgetTestClient.code;
import static dev.transfers.bitget.adapter.fake.simulator.BitgetTestClient.json;
import static dev.transfers.bitget.adapter.fake.simulator.SimulatorFixture.LIVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.transfers.bitget.adapter.fake.InMemoryTransferGateway;
import dev.transfers.bitget.domain.AccountType;
import dev.transfers.bitget.domain.RejectionReason;
import dev.transfers.bitget.domain.Transfer;
import dev.transfers.bitget.domain.TransferRejectedException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The in-memory fake and the simulator share one ledger: the same case gets the same rejection. */
class FakeAndSimulatorAgreeTest extends RunningSimulatorTest {

    @ParameterizedTest(name = "{0} {1} -> {2} {3}")
    @CsvSource({
            "DOGE, 1, 43129, UNSUPPORTED_COIN_OR_SYMBOL",
            "USDT, 1000.00000001, 43012, INSUFFICIENT_BALANCE"})
    void sameCaseSameRejection(String coin, String amount, String expectedCode, RejectionReason expectedReason)
            throws Exception {
        InMemoryTransferGateway fake = new InMemoryTransferGateway();
        fake.seedBalance(AccountType.SPOT, "USDT", new BigDecimal("1000"));
        Transfer transfer = Transfer.builder().from(AccountType.SPOT).to(AccountType.P2P)
                .amount(new BigDecimal(amount)).coin(coin).clientOid("agree-1").build();

        TransferRejectedException fakeAnswer =
                catchThrowableOfType(TransferRejectedException.class, () -> fake.transfer(transfer));
        HttpResponse<String> simulatorAnswer = client.transfer(LIVE,
                body("spot", "p2p", amount, coin, null, "agree-1")).send();

        assertThat(fakeAnswer).isNotNull();
        assertThat(fakeAnswer.reason()).isEqualTo(expectedReason);
        assertThat(fakeAnswer.exchangeCode()).contains(expectedCode);
        assertThat(code(simulatorAnswer)).isEqualTo(expectedCode);
        assertThat(fakeAnswer.exchangeMessage()).contains(json(simulatorAnswer).get("msg").getAsString());
    }
}
