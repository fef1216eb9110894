package dev.transfers.bitget.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AccountTypeTest {

    @ParameterizedTest
    @CsvSource({
            "spot, SPOT", "p2p, P2P", "coin_futures, COIN_FUTURES", "usdt_futures, USDT_FUTURES",
            "usdc_futures, USDC_FUTURES", "crossed_margin, CROSSED_MARGIN", "isolated_margin, ISOLATED_MARGIN"})
    void eachWireCodeParsesToItsAccountTypeAndBack(String code, AccountType type) {
        assertThat(AccountType.fromWireCode(code)).isEqualTo(type);
        assertThat(type.wireCode()).isEqualTo(code);
    }

    @Test
    void thereAreExactlySevenAccountTypes() {
        assertThat(AccountType.values()).hasSize(7);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SPOT", "margin", "", " spot", "futures"})
    void anUnknownCodeFailsWithAMessageListingTheValidOnes(String code) {
        assertThatThrownBy(() -> AccountType.fromWireCode(code))
                .isInstanceOf(InvalidTransferException.class)
                .hasMessageContaining("spot, p2p, coin_futures, usdt_futures, usdc_futures, crossed_margin, isolated_margin");
    }

    @Test
    void aNullCodeFailsTheSameWay() {
        assertThatThrownBy(() -> AccountType.fromWireCode(null))
                .isInstanceOf(InvalidTransferException.class)
                .hasMessageContaining("must be one of spot");
    }
}
