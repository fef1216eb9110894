package dev.transfers.bitget.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transfers.bitget.domain.AccountType;
import dev.transfers.bitget.domain.Transfer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TransferRequestBodyTest {
    @Test
    void isolatedMarginBodyMatchesBitgetsExampleByteForByte() {
        Transfer transfer = Transfer.builder().from(AccountType.SPOT).to(AccountType.ISOLATED_MARGIN)
                .amount(new BigDecimal("300")).coin("USDT").symbol("BTCUSDT").clientOid("1").build();

        assertThat(new String(TransferRequestBody.of(transfer).json(), StandardCharsets.UTF_8)).isEqualTo(
                "{\"fromType\":\"spot\",\"toType\":\"isolated_margin\",\"amount\":\"300\",\"coin\":\"USDT\","
                        + "\"symbol\":\"BTCUSDT\",\"clientOid\":\"1\"}");
    }

    @Test
    void symbolIsLeftOutWhenNoSideIsIsolatedMargin() {
        Transfer transfer = Transfer.builder().from(AccountType.SPOT).to(AccountType.USDT_FUTURES)
                .amount(new BigDecimal("12.50")).coin("USDT").clientOid("abc-1").build();

        assertThat(new String(TransferRequestBody.of(transfer).json(), StandardCharsets.UTF_8)).isEqualTo(
                "{\"fromType\":\"spot\",\"toType\":\"usdt_futures\",\"amount\":\"12.50\",\"coin\":\"USDT\","
                        + "\"clientOid\":\"abc-1\"}");
    }

    @ParameterizedTest
    @CsvSource({"1E+3, 1000", "0.00000001, 0.00000001", "1E-8, 0.00000001", "300, 300", "12.50, 12.50"})
    void amountIsAlwaysAPlainDecimalString(String amount, String onTheWire) {
        Transfer transfer = Transfer.builder().from(AccountType.P2P).to(AccountType.SPOT)
                .amount(new BigDecimal(amount)).coin("BTC").build();

        assertThat(TransferRequestBody.of(transfer).amount()).isEqualTo(onTheWire);
    }
}
