package dev.transfers.bitget.adapter.http;

import dev.transfers.bitget.adapter.fake.simulator.SimulatedBitget;
import dev.transfers.bitget.domain.Holding;
import dev.transfers.bitget.domain.TransferGateway;
import dev.transfers.bitget.domain.TransferHistory;
import dev.transfers.bitget.testkit.TransferGatewayContract;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The HTTP adapter passes the port's contract end to end: real HTTP on loopback to the simulated
 * exchange, which checks signatures, headers and the body as Bitget does. A lost answer is the
 * simulator dropping the connection after applying; the adapter's retry with the same clientOid
 * then usually brings back the receipt, which the contract accepts.
 */
class BitgetTransferGatewayOverSimulatorContractTest extends TransferGatewayContract {
    private SimulatedBitget exchange;
    private BitgetTransferGateway gateway;

    @BeforeEach
    void startAnEmptyExchange() {
        String run = UUID.randomUUID().toString();
        String apiKey = "contract-key-" + run;
        exchange = SimulatedBitget.builder()
                .credentials(SimulatedBitget.Credentials.live(apiKey, "contract-secret", "contract-passphrase",
                        "contract-uid-" + run))
                .start();
        gateway = BitgetTransferGateway.builder()
                .baseUrl(exchange.baseUri())
                .credentials(BitgetCredentials.hmac(apiKey, "contract-secret", "contract-passphrase"))
                .build();
    }

    @AfterEach
    void stopTheExchange() {
        exchange.close();
    }

    @Override
    protected TransferGateway gateway() {
        return gateway;
    }

    @Override
    protected void seedBalance(Holding holding, BigDecimal amount) {
        exchange.seedBalance(holding, amount);
    }

    @Override
    protected BigDecimal balanceOf(Holding holding) {
        return exchange.balance(holding);
    }

    @Override
    protected Optional<TransferHistory> history() {
        return Optional.of(gateway);
    }

    @Override
    protected boolean applyNextTransferButLoseTheAnswer() {
        exchange.faults().dropConnectionAfterApplying();
        return true;
    }
}
