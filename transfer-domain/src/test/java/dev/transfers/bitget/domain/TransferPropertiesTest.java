package dev.transfers.bitget.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.WithNull;

/**
 * For arbitrary input, building a transfer either gives a valid one whose fields round-trip
 * exactly, or the one {@link InvalidTransferException}; never any other exception.
 */
class TransferPropertiesTest {

    @Property(tries = 2000)
    void parsingArbitraryTextGivesAnExactTransferOrTheValidationException(
            @ForAll("accountCodes") String from, @ForAll("accountCodes") String to, @ForAll("amounts") String amount,
            @ForAll("coins") String coin, @ForAll("coins") String symbol, @ForAll("clientOids") String clientOid) {
        Transfer transfer;
        try {
            transfer = Transfer.parse(from, to, amount, coin, symbol, clientOid);
        } catch (InvalidTransferException invalid) {
            assertThat(invalid.violations()).isNotEmpty();
            assertThat(invalid.getMessage()).startsWith("Invalid transfer, nothing was sent: ");
            return;
        }
        assertThat(transfer.from().wireCode()).isEqualTo(from);
        assertThat(transfer.to().wireCode()).isEqualTo(to);
        assertThat(transfer.amount().toPlainString()).isEqualTo(amount);
        assertThat(transfer.coin()).isEqualTo(coin);
        assertThat(transfer.symbol()).isEqualTo(symbol == null || symbol.isEmpty() ? null : symbol);
        if (clientOid != null && !clientOid.isEmpty()) {
            assertThat(transfer.clientOid()).isEqualTo(clientOid);
        }
        assertThat(transfer.clientOid()).hasSizeBetween(1, Transfer.MAX_CLIENT_OID_LENGTH);
        assertThat(transfer.amount().signum()).isPositive();
        assertThat(new Transfer(transfer.from(), transfer.to(), transfer.amount(), transfer.coin(),
                transfer.symbol(), transfer.clientOid())).isEqualTo(transfer);
    }

    @Property(tries = 2000)
    void buildingFromArbitraryNumbersGivesAnExactTransferOrTheValidationException(
            @ForAll("decimals") BigDecimal amount, @ForAll @WithNull(0.1) AccountType from,
            @ForAll @WithNull(0.1) AccountType to, @ForAll("coins") String coin, @ForAll("coins") String symbol) {
        Transfer transfer;
        try {
            transfer = Transfer.builder().from(from).to(to).amount(amount).coin(coin).symbol(symbol).build();
        } catch (InvalidTransferException invalid) {
            assertThat(invalid.violations()).isNotEmpty();
            return;
        }
        assertThat(transfer.amount()).isEqualTo(amount);
        assertThat(transfer.amount().toPlainString()).isEqualTo(amount.toPlainString());
        assertThat(transfer.from()).isEqualTo(from).isNotEqualTo(to);
        assertThat(transfer.coin()).isEqualTo(coin);
        assertThat(transfer.symbol()).isEqualTo(symbol);
        assertThat(transfer.symbol() != null).isEqualTo(transfer.involvesIsolatedMargin());
    }

    @Provide
    Arbitrary<String> accountCodes() {
        return Arbitraries.oneOf(
                Arbitraries.of(AccountType.values()).map(AccountType::wireCode),
                Arbitraries.strings().ofMaxLength(20),
                Arbitraries.just(null));
    }

    @Provide
    Arbitrary<String> amounts() {
        return Arbitraries.oneOf(
                Arbitraries.bigDecimals().between(new BigDecimal("-10"), new BigDecimal("1E22")).ofScale(10)
                        .map(BigDecimal::toPlainString),
                Arbitraries.strings().withChars("0123456789.-+eE ,").ofMaxLength(45),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(30),
                Arbitraries.strings().ofMaxLength(30),
                Arbitraries.just(null));
    }

    @Provide
    Arbitrary<BigDecimal> decimals() {
        return Arbitraries.oneOf(
                Arbitraries.bigDecimals().between(new BigDecimal("-1E25"), new BigDecimal("1E25")).ofScale(20),
                Arbitraries.bigDecimals().between(new BigDecimal("-1"), new BigDecimal("1000")).ofScale(2),
                Arbitraries.integers().between(-30, 30).flatMap(scale ->
                        Arbitraries.longs().map(unscaled -> BigDecimal.valueOf(unscaled, scale))),
                Arbitraries.just(null));
    }

    @Provide
    Arbitrary<String> coins() {
        return Arbitraries.oneOf(
                Arbitraries.of("USDT", "BTC", "BTCUSDT", "ETHUSDT", ""),
                Arbitraries.strings().withCharRange('A', 'Z').numeric().ofMinLength(1).ofMaxLength(45),
                Arbitraries.strings().ofMaxLength(25),
                Arbitraries.just(null));
    }

    @Provide
    Arbitrary<String> clientOids() {
        return Arbitraries.oneOf(
                Arbitraries.strings().alpha().numeric().withChars("._:-").ofMinLength(1).ofMaxLength(70),
                Arbitraries.strings().ofMaxLength(70),
                Arbitraries.strings().ofLength(10_000),
                Arbitraries.just(null));
    }
}
