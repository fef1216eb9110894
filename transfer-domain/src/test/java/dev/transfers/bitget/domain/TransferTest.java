package dev.transfers.bitget.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.transfers.bitget.domain.InvalidTransferException.Violation;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TransferTest {

    private static Transfer.Builder valid() {
        return Transfer.builder().from(AccountType.SPOT).to(AccountType.USDT_FUTURES)
                .amount(new BigDecimal("300")).coin("USDT");
    }

    private static InvalidTransferException invalid(Transfer.Builder builder) {
        InvalidTransferException e = catchThrowableOfType(InvalidTransferException.class, builder::build);
        assertThat(e).as("building must fail with InvalidTransferException").isNotNull();
        return e;
    }

    @Test
    void aValidTransferKeepsItsFieldsExactly() {
        Transfer transfer = valid().amount(new BigDecimal("300.50")).clientOid("order-1").build();

        assertThat(transfer.from()).isEqualTo(AccountType.SPOT);
        assertThat(transfer.to()).isEqualTo(AccountType.USDT_FUTURES);
        assertThat(transfer.amount().toPlainString()).isEqualTo("300.50");
        assertThat(transfer.coin()).isEqualTo("USDT");
        assertThat(transfer.symbol()).isNull();
        assertThat(transfer.clientOid()).isEqualTo("order-1");
    }

    @Test
    void aClientOidIsGeneratedOnceWhenNoneIsGiven() {
        Transfer transfer = valid().build();
        Transfer other = valid().build();

        assertThat(transfer.clientOid()).isNotBlank().hasSizeLessThanOrEqualTo(Transfer.MAX_CLIENT_OID_LENGTH);
        assertThat(transfer.clientOid()).isEqualTo(transfer.clientOid());
        assertThat(other.clientOid()).isNotEqualTo(transfer.clientOid());
    }

    @Test
    void rejectsIsolatedMarginWithoutSymbol() {
        InvalidTransferException e = invalid(valid().to(AccountType.ISOLATED_MARGIN));

        assertThat(e.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("symbol");
            assertThat(v.message()).contains("required when from or to is isolated_margin");
        });
    }

    @Test
    void acceptsIsolatedMarginWithSymbolOnEitherSide() {
        assertThat(valid().to(AccountType.ISOLATED_MARGIN).symbol("BTCUSDT").build().involvesIsolatedMargin()).isTrue();
        assertThat(valid().from(AccountType.ISOLATED_MARGIN).to(AccountType.SPOT).symbol("BTCUSDT").build().symbol())
                .isEqualTo("BTCUSDT");
    }

    @Test
    void rejectsASymbolWhereNoSideIsIsolatedMargin() {
        InvalidTransferException e = invalid(valid().symbol("BTCUSDT"));

        assertThat(e.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("symbol");
            assertThat(v.message()).contains("used only when").contains("spot to usdt_futures");
        });
    }

    @Test
    void rejectsTheSameAccountOnBothSides() {
        InvalidTransferException e = invalid(valid().to(AccountType.SPOT));

        assertThat(e.violations()).containsExactly(new Violation("to", "must differ from from (both are spot)"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "0.000", "-0.00000001"})
    void rejectsAnAmountThatIsNotPositive(String amount) {
        InvalidTransferException e = invalid(valid().amount(new BigDecimal(amount)));

        assertThat(e.violations()).containsExactly(new Violation("amount", "must be greater than 0"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1E+21", "123456789012345678901", "0.0000000000000000001", "1E-19", "1E+1000000", "1.5000000000000000000"})
    void rejectsAnAmountOfAbsurdSizeOrPrecision(String amount) {
        InvalidTransferException e = invalid(valid().amount(new BigDecimal(amount)));

        assertThat(e.violations()).singleElement().extracting(Violation::field).isEqualTo("amount");
        assertThat(e.getMessage()).contains("at most 20 digits before the decimal point and 18 after it");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1E+3", "12345678901234567890", "0.000000000000000001", "1.500000000000000000"})
    void acceptsAmountsAtTheLimitsAndKeepsThemAsGiven(String amount) {
        Transfer transfer = valid().amount(new BigDecimal(amount)).build();

        assertThat(transfer.amount()).isEqualTo(new BigDecimal(amount));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "usdt", "Usdt", "US DT", "USDT ", "ÜSDT", "ABCDEFGHIJKLMNOPQRSTU"})
    void rejectsBlankLowerCaseOrOddCoins(String coin) {
        InvalidTransferException e = invalid(valid().coin(coin));

        assertThat(e.violations()).containsExactly(
                new Violation("coin", "must be 1 to 20 upper-case letters or digits, such as USDT"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a b", "oid/1", "ü", "0123456789012345678901234567890123456789012345678901234567890123X"})
    void rejectsAClientOidThatIsEmptyTooLongOrUnsafe(String clientOid) {
        InvalidTransferException e = invalid(valid().clientOid(clientOid));

        assertThat(e.violations()).singleElement().extracting(Violation::field).isEqualTo("clientOid");
    }

    @Test
    void acceptsAClientOidOfExactly64SafeCharacters() {
        String clientOid = "Aa0._:-".repeat(9) + "z";

        assertThat(valid().clientOid(clientOid).build().clientOid()).hasSize(64).isEqualTo(clientOid);
    }

    @Test
    void oneExceptionListsEveryViolationFieldByField() {
        InvalidTransferException e = invalid(Transfer.builder().from(AccountType.ISOLATED_MARGIN)
                .amount(new BigDecimal("-5")).coin("usdt").clientOid("bad oid"));

        assertThat(e.violations()).extracting(Violation::field)
                .containsExactly("to", "amount", "coin", "clientOid");
        assertThat(e.getMessage())
                .startsWith("Invalid transfer, nothing was sent: ")
                .contains("to is required")
                .contains("amount must be greater than 0")
                .contains("coin must be 1 to 20 upper-case letters")
                .contains("clientOid must be 1 to 64 characters");
    }

    @Test
    void parseReadsWireCodesAndAPlainAmount() {
        Transfer transfer = Transfer.parse("spot", "isolated_margin", "300.00", "USDT", "BTCUSDT", "oid-1");

        assertThat(transfer).isEqualTo(new Transfer(AccountType.SPOT, AccountType.ISOLATED_MARGIN,
                new BigDecimal("300.00"), "USDT", "BTCUSDT", "oid-1"));
    }

    @Test
    void parseTreatsEmptySymbolAndClientOidAsNone() {
        Transfer transfer = Transfer.parse("spot", "p2p", "1", "BTC", "", "");

        assertThat(transfer.symbol()).isNull();
        assertThat(transfer.clientOid()).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e3", "+1", "1,000", " 1", "1 ", ".5", "5.", "NaN", "Infinity", "0x10", "١٢٣", "1_000", "01", "00.5"})
    void parseRejectsAnythingButAPlainDecimal(String amount) {
        InvalidTransferException e = catchThrowableOfType(InvalidTransferException.class,
                () -> Transfer.parse("spot", "p2p", amount, "USDT", null, null));

        assertThat(e.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("amount");
            assertThat(v.message()).startsWith("must be a plain decimal number such as 300 or 0.5, not '");
        });
    }

    @Test
    void parseReportsUnknownAccountTypesTogetherWithOtherViolations() {
        InvalidTransferException e = catchThrowableOfType(InvalidTransferException.class,
                () -> Transfer.parse("spott", "futures", "abc", "", "", "x y"));

        assertThat(e.violations()).extracting(Violation::field)
                .containsExactly("from", "to", "amount", "coin", "clientOid");
        assertThat(e.violations().get(0).message())
                .isEqualTo("must be one of spot, p2p, coin_futures, usdt_futures, usdc_futures, crossed_margin, "
                        + "isolated_margin, not 'spott'");
    }

    @Test
    void errorMessagesShowAtMostACutAndPrintableVersionOfTheInput() {
        String hostile = "\u0007".repeat(5) + "x".repeat(10_000);

        InvalidTransferException e = catchThrowableOfType(InvalidTransferException.class,
                () -> Transfer.parse("spot", hostile, "1", "USDT", null, null));

        assertThat(e.getMessage()).hasSizeLessThan(400).contains("\\u0007").contains("10005 characters, cut")
                .doesNotContain("\u0007");
    }

    @Test
    void sourceAndDestinationCarryTheSymbolOnlyOnTheIsolatedMarginSide() {
        Transfer transfer = valid().from(AccountType.ISOLATED_MARGIN).to(AccountType.SPOT).symbol("BTCUSDT").build();

        assertThat(transfer.source()).isEqualTo(Holding.isolated("BTCUSDT", "USDT"));
        assertThat(transfer.destination()).isEqualTo(Holding.of(AccountType.SPOT, "USDT"));
    }
}
