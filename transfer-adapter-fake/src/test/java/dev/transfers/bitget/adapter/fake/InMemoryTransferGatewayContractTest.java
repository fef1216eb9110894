package dev.transfers.bitget.adapter.fake;

import dev.transfers.bitget.domain.Holding;
import dev.transfers.bitget.domain.TransferGateway;
import dev.transfers.bitget.domain.TransferHistory;
import dev.transfers.bitget.testkit.TransferGatewayContract;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;

class InMemoryTransferGatewayContractTest extends TransferGatewayContract {
    private InMemoryTransferGateway fake;

    @BeforeEach
    void newFake() {
        fake = new InMemoryTransferGateway();
    }

    @Override
    protected TransferGateway gateway() {
        return fake;
    }

    @Override
    protected void seedBalance(Holding holding, BigDecimal amount) {
        fake.seedBalance(holding, amount);
    }

    @Override
    protected BigDecimal balanceOf(Holding holding) {
        return fake.balance(holding);
    }

    @Override
    protected Optional<TransferHistory> history() {
        return Optional.of(fake);
    }

    @Override
    protected boolean applyNextTransferButLoseTheAnswer() {
        fake.outcomeUnknownNext(true);
        return true;
    }
}
