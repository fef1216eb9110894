package dev.transfers.bitget.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.transfers.bitget.domain.AccountType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class BalanceSpecTest {
    @Test
    void parsesAccountCoinAndAmount() {
        assertThat(BalanceSpec.parse("usdt_futures:USDT=1000.5"))
                .isEqualTo(new BalanceSpec(AccountType.USDT_FUTURES, null, "USDT", new java.math.BigDecimal("1000.5")));
    }

    @Test
    void parsesIsolatedMarginWithItsSymbol() {
        BalanceSpec spec = BalanceSpec.parse("isolated_margin:BTCUSDT:USDT=7");

        assertThat(spec.symbol()).isEqualTo("BTCUSDT");
        assertThat(spec).hasToString("isolated_margin:BTCUSDT:USDT=7");
    }

    @ParameterizedTest
    @ValueSource(strings = {"spot", "spot:USDT", "spot:USDT=", "spott:USDT=1", "spot:usdt=1", "spot:USDT=-1",
        "spot:USDT=1e3", "isolated_margin:USDT=1", "spot:BTCUSDT:USDT=1", "isolated_margin:btc:USDT=1"})
    void refusesAnInvalidSpecNamingIt(String spec) {
        assertThatThrownBy(() -> BalanceSpec.parse(spec)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + spec + "'");
    }
}
