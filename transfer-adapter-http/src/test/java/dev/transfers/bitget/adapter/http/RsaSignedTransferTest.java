package dev.transfers.bitget.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.transfers.bitget.adapter.fake.simulator.RsaTestKey;
import dev.transfers.bitget.adapter.fake.simulator.SimulatedBitget;
import dev.transfers.bitget.domain.AccountType;
import dev.transfers.bitget.domain.Transfer;
import dev.transfers.bitget.domain.TransferException;
import java.math.BigDecimal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An RSA API key end to end: the simulator checks SHA256withRSA signatures with the key's public half. */
class RsaSignedTransferTest {
    private static final RsaTestKey KEY = RsaTestKey.generate();

    private SimulatedBitget exchange;

    @BeforeEach
    void start() {
        exchange = SimulatedBitget.builder()
                .credentials(SimulatedBitget.Credentials.liveRsa("rsa-key", KEY.publicKey(), "rsa-passphrase", "rsa-uid"))
                .start();
        exchange.seedBalance(AccountType.SPOT, "USDT", new BigDecimal("100"));
    }

    @AfterEach
    void stop() {
        exchange.close();
    }

    @Test
    void transfersWithAnRsaKey() {
        try (BitgetTransferGateway gateway = gatewaySignedWith(KEY.privateKeyPem())) {
            gateway.transfer(usdt("rsa-1"));
        }

        assertThat(exchange.balance(AccountType.P2P, "USDT")).isEqualByComparingTo("10");
    }

    @Test
    void anotherRsaKeysSignatureIsRefusedWithBitgetsSignatureCode() {
        try (BitgetTransferGateway gateway = gatewaySignedWith(RsaTestKey.generate().privateKeyPem())) {
            assertThatThrownBy(() -> gateway.transfer(usdt("rsa-2")))
                    .isInstanceOf(TransferException.class)
                    .hasMessageContaining("40009");
        }
        assertThat(exchange.balance(AccountType.P2P, "USDT")).isEqualByComparingTo("0");
    }

    private BitgetTransferGateway gatewaySignedWith(String privateKeyPem) {
        return BitgetTransferGateway.builder()
                .baseUrl(exchange.baseUri())
                .credentials(BitgetCredentials.rsa("rsa-key", privateKeyPem, "rsa-passphrase"))
                .build();
    }

    private static Transfer usdt(String clientOid) {
        return Transfer.builder().from(AccountType.SPOT).to(AccountType.P2P).amount(new BigDecimal("10"))
                .coin("USDT").clientOid(clientOid).build();
    }
}
