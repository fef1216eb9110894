package dev.transfers.bitget.app;

import dev.transfers.bitget.adapter.fake.simulator.SimulatedBitget;
import dev.transfers.bitget.domain.AccountType;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * A starting balance for {@code simulate --balance}: {@code ACCOUNT:COIN=AMOUNT}, or
 * {@code isolated_margin:SYMBOL:COIN=AMOUNT}, such as {@code spot:USDT=1000}.
 *
 * @param account the account type
 * @param symbol  the isolated-margin symbol, or {@code null} for other account types
 * @param coin    the coin
 * @param amount  the balance, 0 or more
 */
record BalanceSpec(AccountType account, String symbol, String coin, BigDecimal amount) {
    private static final Pattern SPEC = Pattern.compile("([^:=]+)(?::([^:=]+))?:([^:=]+)=([^:=]+)");
    private static final Pattern CODE = Pattern.compile("[A-Z0-9]{1,20}");
    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9]{1,40}");
    private static final Pattern AMOUNT = Pattern.compile("[0-9]+(\\.[0-9]+)?");

    BalanceSpec {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(coin, "coin");
        Objects.requireNonNull(amount, "amount");
    }

    /**
     * Parses a spec.
     *
     * @throws IllegalArgumentException naming the spec and what is wrong with it
     */
    static BalanceSpec parse(String spec) {
        Matcher matcher = SPEC.matcher(spec);
        if (!matcher.matches()) {
            throw invalid(spec, "expected ACCOUNT:COIN=AMOUNT or isolated_margin:SYMBOL:COIN=AMOUNT");
        }
        AccountType account = AccountType.findByWireCode(matcher.group(1)).orElseThrow(() -> invalid(spec,
                "unknown account type " + matcher.group(1) + "; valid: " + AccountType.validWireCodes()));
        String symbol = matcher.group(2);
        if (account == AccountType.ISOLATED_MARGIN && symbol == null) {
            throw invalid(spec, "isolated_margin needs a symbol: isolated_margin:SYMBOL:COIN=AMOUNT");
        }
        if (account != AccountType.ISOLATED_MARGIN && symbol != null) {
            throw invalid(spec, "only isolated_margin takes a symbol");
        }
        if (symbol != null && !SYMBOL.matcher(symbol).matches()) {
            throw invalid(spec, "symbol must be 1 to 40 upper-case letters or digits, such as BTCUSDT");
        }
        String coin = matcher.group(3);
        if (!CODE.matcher(coin).matches()) {
            throw invalid(spec, "coin must be 1 to 20 upper-case letters or digits, such as USDT");
        }
        if (!AMOUNT.matcher(matcher.group(4)).matches()) {
            throw invalid(spec, "amount must be a plain decimal of 0 or more, such as 1000 or 0.5");
        }
        return new BalanceSpec(account, symbol, coin, new BigDecimal(matcher.group(4)));
    }

    void seed(SimulatedBitget simulator) {
        if (symbol == null) {
            simulator.seedBalance(account, coin, amount);
        } else {
            simulator.seedBalance(account, symbol, coin, amount);
        }
    }

    @Override
    public String toString() {
        return account.wireCode() + (symbol == null ? "" : ":" + symbol) + ":" + coin + "=" + amount.toPlainString();
    }

    private static IllegalArgumentException invalid(String spec, String why) {
        return new IllegalArgumentException("invalid balance '" + spec + "': " + why);
    }

    /** Lets picocli report a bad {@code --balance} as a usage error (exit code 2) naming the spec. */
    static final class Converter implements CommandLine.ITypeConverter<BalanceSpec> {
        @Override
        public BalanceSpec convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
