package dev.transfers.bitget.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.bigDecimals;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * For arbitrary input, building a transfer either gives a valid one whose fields round-trip
 * exactly, or the one {@link InvalidTransferException}; never any other exception. A refusal must
 * be deserved: the fields it names are exactly those that break a rule of {@link Transfer}'s
 * Javadoc, as checked here independently of the constraints (so narrowing or widening any rule,
 * the clientOid alphabet say, fails a property).
 */
class TransferPropertiesTest {
    private static final int TRIES = 2000;
    /** Each kind of answer must come up this often in {@value #TRIES} tries, or the property proved little. */
    private static final int FEWEST_OF_EACH_OUTCOME = 10;

    private static final Pattern COIN_RULE = Pattern.compile("[A-Z0-9]{1,20}");
    private static final Pattern SYMBOL_RULE = Pattern.compile("[A-Z0-9]{1,40}");
    private static final Pattern CLIENT_OID_RULE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Pattern PLAIN_DECIMAL_RULE = Pattern.compile("(0|[1-9][0-9]*)(\\.[0-9]+)?");
    private static final int LONG_TEXT_LENGTH = 10_000;
    private static final String CLIENT_OID_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._:-";

    /** The six fields as typed on a command line or read from a file. */
    record Text(String from, String to, String amount, String coin, String symbol, String clientOid) {
    }

    /** The fields as a program passes them to the builder. */
    record Values(AccountType from, AccountType to, BigDecimal amount, String coin, String symbol) {
    }

    @Test
    void parsingArbitraryTextGivesAnExactTransferOrTheValidationException() {
        Gen<String> accountCodes = accountCodes();
        Gen<String> amounts = amounts();
        Gen<String> coins = coins();
        Gen<String> clientOids = clientOids();
        Gen<Text> texts = random -> new Text(accountCodes.generate(random), accountCodes.generate(random),
                amounts.generate(random), coins.generate(random), coins.generate(random), clientOids.generate(random));
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();

        qt().withExamples(TRIES).forAll(texts).checkAssert(text -> {
            Transfer transfer;
            try {
                transfer = Transfer.parse(text.from(), text.to(), text.amount(), text.coin(), text.symbol(),
                        text.clientOid());
            } catch (InvalidTransferException invalid) {
                refused.incrementAndGet();
                assertThat(fieldsOf(invalid)).as("the fields refused").isEqualTo(rulesBrokenBy(text)).isNotEmpty();
                assertThat(invalid.getMessage()).startsWith("Invalid transfer, nothing was sent: ");
                return;
            }
            accepted.incrementAndGet();
            assertThat(rulesBrokenBy(text)).as("the rules broken by an accepted transfer").isEmpty();
            assertThat(transfer.from().wireCode()).isEqualTo(text.from());
            assertThat(transfer.to().wireCode()).isEqualTo(text.to());
            assertThat(transfer.amount().toPlainString()).isEqualTo(text.amount());
            assertThat(transfer.coin()).isEqualTo(text.coin());
            assertThat(transfer.symbol()).isEqualTo(isAbsent(text.symbol()) ? null : text.symbol());
            if (!isAbsent(text.clientOid())) {
                assertThat(transfer.clientOid()).isEqualTo(text.clientOid());
            }
            assertThat(transfer.clientOid()).hasSizeBetween(1, Transfer.MAX_CLIENT_OID_LENGTH);
            assertThat(transfer.amount().signum()).isPositive();
            assertThat(new Transfer(transfer.from(), transfer.to(), transfer.amount(), transfer.coin(),
                    transfer.symbol(), transfer.clientOid())).isEqualTo(transfer);
        });

        assertThat(accepted).as("accepted texts").hasValueGreaterThanOrEqualTo(FEWEST_OF_EACH_OUTCOME);
        assertThat(refused).as("refused texts").hasValueGreaterThanOrEqualTo(FEWEST_OF_EACH_OUTCOME);
    }

    @Test
    void buildingFromArbitraryNumbersGivesAnExactTransferOrTheValidationException() {
        Gen<BigDecimal> decimals = decimals();
        Gen<AccountType> accounts = withNullOneTimeInTen(arbitrary().enumValues(AccountType.class));
        Gen<String> coins = coins();
        Gen<Values> values = random -> new Values(accounts.generate(random), accounts.generate(random),
                decimals.generate(random), coins.generate(random), coins.generate(random));
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();

        qt().withExamples(TRIES).forAll(values).checkAssert(value -> {
            Transfer transfer;
            try {
                transfer = Transfer.builder().from(value.from()).to(value.to()).amount(value.amount())
                        .coin(value.coin()).symbol(value.symbol()).build();
            } catch (InvalidTransferException invalid) {
                refused.incrementAndGet();
                assertThat(fieldsOf(invalid)).as("the fields refused").isEqualTo(rulesBrokenBy(value)).isNotEmpty();
                return;
            }
            accepted.incrementAndGet();
            assertThat(rulesBrokenBy(value)).as("the rules broken by an accepted transfer").isEmpty();
            assertThat(transfer.amount()).isEqualTo(value.amount());
            assertThat(transfer.amount().toPlainString()).isEqualTo(value.amount().toPlainString());
            assertThat(transfer.from()).isEqualTo(value.from()).isNotEqualTo(value.to());
            assertThat(transfer.coin()).isEqualTo(value.coin());
            assertThat(transfer.symbol()).isEqualTo(value.symbol());
            assertThat(transfer.symbol() != null).isEqualTo(transfer.involvesIsolatedMargin());
        });

        assertThat(accepted).as("accepted values").hasValueGreaterThanOrEqualTo(FEWEST_OF_EACH_OUTCOME);
        assertThat(refused).as("refused values").hasValueGreaterThanOrEqualTo(FEWEST_OF_EACH_OUTCOME);
    }

    // The rules of Transfer's Javadoc, restated here without the constraints, naming the field each
    // violation is reported on (the class-level rules report on "to" and "symbol").

    private static Set<String> rulesBrokenBy(Text text) {
        Set<String> broken = new TreeSet<>();
        AccountType from = accountWithCode(text.from());
        AccountType to = accountWithCode(text.to());
        if (isAbsent(text.amount()) || !PLAIN_DECIMAL_RULE.matcher(text.amount()).matches()
                || breaksTheAmountRule(new BigDecimal(text.amount()))) {
            broken.add("amount");
        }
        String symbol = isAbsent(text.symbol()) ? null : text.symbol();
        addAccountAndTextRules(broken, from, to, text.coin(), symbol);
        if (!isAbsent(text.clientOid()) && !CLIENT_OID_RULE.matcher(text.clientOid()).matches()) {
            broken.add("clientOid");
        }
        return broken;
    }

    private static Set<String> rulesBrokenBy(Values value) {
        Set<String> broken = new TreeSet<>();
        if (value.amount() == null || breaksTheAmountRule(value.amount())) {
            broken.add("amount");
        }
        addAccountAndTextRules(broken, value.from(), value.to(), value.coin(), value.symbol());
        return broken;
    }

    private static void addAccountAndTextRules(Set<String> broken, AccountType from, AccountType to, String coin,
            String symbol) {
        if (from == null) {
            broken.add("from");
        }
        if (to == null || to == from) {
            broken.add("to");
        }
        if (coin == null || !COIN_RULE.matcher(coin).matches()) {
            broken.add("coin");
        }
        if (symbol != null && !SYMBOL_RULE.matcher(symbol).matches()) {
            broken.add("symbol");
        }
        boolean isolated = from == AccountType.ISOLATED_MARGIN || to == AccountType.ISOLATED_MARGIN;
        if (from != null && to != null && isolated != (symbol != null)) {
            broken.add("symbol");
        }
    }

    /** Greater than 0, at most 20 digits before the point and 18 after it, counted on the plain text. */
    private static boolean breaksTheAmountRule(BigDecimal amount) {
        String[] parts = amount.abs().toPlainString().split("\\.", 2);
        int integerDigits = parts[0].equals("0") ? 0 : parts[0].length();
        int fractionDigits = parts.length == 2 ? parts[1].length() : 0;
        return amount.signum() <= 0 || integerDigits > Transfer.MAX_INTEGER_DIGITS
                || fractionDigits > Transfer.MAX_FRACTION_DIGITS;
    }

    private static AccountType accountWithCode(String code) {
        return Arrays.stream(AccountType.values()).filter(type -> type.wireCode().equals(code)).findFirst()
                .orElse(null);
    }

    private static Set<String> fieldsOf(InvalidTransferException invalid) {
        return invalid.violations().stream().map(InvalidTransferException.Violation::field)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static boolean isAbsent(String text) {
        return text == null || text.isEmpty();
    }

    // Generators: every kind of input the properties had, weighted towards valid fields so that
    // enough whole transfers are valid for an accepted transfer to be checked as often as a refused one.

    private static Gen<String> accountCodes() {
        return Generate.frequency(List.of(
                Pair.of(8, arbitrary().pick(Arrays.stream(AccountType.values()).map(AccountType::wireCode).toList())),
                Pair.of(1, strings().allPossible().ofLengthBetween(0, 20)),
                Pair.of(1, Generate.constant((String) null))));
    }

    private static Gen<String> amounts() {
        return Generate.frequency(List.of(
                Pair.of(6, longs().between(-10, 10_000_000_000L).zip(integers().between(0, 20), BigDecimal::valueOf)
                        .map(BigDecimal::toPlainString)),
                Pair.of(1, bigDecimals().ofBytes(14).withScale(10).map(BigDecimal::toPlainString)),
                Pair.of(1, stringsOf("0123456789.-+eE ,", 0, 45)),
                Pair.of(1, stringsOf("0123456789", 1, 30)),
                Pair.of(1, strings().allPossible().ofLengthBetween(0, 30)),
                Pair.of(1, Generate.constant((String) null))));
    }

    private static Gen<BigDecimal> decimals() {
        return Generate.frequency(List.of(
                Pair.of(1, bigDecimals().ofBytes(19).withScale(20)),
                Pair.of(3, integers().between(-100, 100_000).map(unscaled -> BigDecimal.valueOf(unscaled, 2))),
                Pair.of(1, longs().all().zip(integers().between(-30, 30), BigDecimal::valueOf)),
                Pair.of(1, Generate.constant((BigDecimal) null))));
    }

    private static Gen<String> coins() {
        return Generate.frequency(List.of(
                Pair.of(4, arbitrary().pick("USDT", "BTC", "BTCUSDT", "ETHUSDT", "")),
                Pair.of(2, stringsOf("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 1, 45)),
                Pair.of(1, strings().allPossible().ofLengthBetween(0, 25)),
                Pair.of(1, Generate.constant((String) null))));
    }

    private static Gen<String> clientOids() {
        return Generate.frequency(List.of(
                Pair.of(6, stringsOf(CLIENT_OID_ALPHABET, 1, 70)),
                Pair.of(1, strings().allPossible().ofLengthBetween(0, 70)),
                Pair.of(1, strings().allPossible().ofLengthBetween(1, 100).map(TransferPropertiesTest::tenThousandCharsOf)),
                Pair.of(2, Generate.constant((String) null))));
    }

    private static <T> Gen<T> withNullOneTimeInTen(Gen<T> values) {
        return Generate.frequency(List.of(Pair.of(9, values), Pair.of(1, Generate.constant((T) null))));
    }

    /**
     * {@code seed} repeated to 10,000 characters: generating each of them would cost more than the
     * property (every random draw is recorded for shrinking).
     */
    private static String tenThousandCharsOf(String seed) {
        return seed.repeat(LONG_TEXT_LENGTH / seed.length() + 1).substring(0, LONG_TEXT_LENGTH);
    }

    private static Gen<String> stringsOf(String alphabet, int minLength, int maxLength) {
        return lists().of(integers().between(0, alphabet.length() - 1)).ofSizeBetween(minLength, maxLength)
                .map(indices -> indices.stream().map(i -> String.valueOf(alphabet.charAt(i)))
                        .collect(Collectors.joining()));
    }
}
