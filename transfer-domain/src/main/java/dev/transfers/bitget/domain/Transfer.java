package dev.transfers.bitget.domain;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One transfer of an amount of a coin from one of the user's Bitget accounts to another.
 *
 * <p>A {@code Transfer} is valid by construction: every constructor path checks the Jakarta
 * Bean Validation constraints below and throws one {@link InvalidTransferException} listing
 * every violation. The rules, and what was decided where Bitget is silent:
 * <ul>
 *   <li>{@code from} and {@code to} are required and differ;</li>
 *   <li>{@code amount} is greater than 0, with at most {@value #MAX_INTEGER_DIGITS} digits before
 *       the decimal point and {@value #MAX_FRACTION_DIGITS} after it (trailing zeros count: the
 *       scale is what is sent).
 *       It is kept exactly as given, scale included: no rounding, no stripping;</li>
 *   <li>{@code coin} is 1 to 20 upper-case ASCII letters or digits ({@code USDT}); blank or
 *       lower-case coins are refused, never silently changed;</li>
 *   <li>{@code symbol} (a trading pair such as {@code BTCUSDT}, same alphabet, up to 40) is
 *       required when either side is {@code isolated_margin} and refused otherwise;</li>
 *   <li>{@code clientOid}, the idempotency key, is 1 to {@value #MAX_CLIENT_OID_LENGTH}
 *       characters of {@code A-Z a-z 0-9 . _ : -}. When none is given, one is generated once,
 *       here, so every attempt to send this transfer carries the same key.</li>
 * </ul>
 *
 * @param from      the account the amount leaves
 * @param to        the account the amount enters
 * @param amount    how much of {@code coin} moves, greater than 0
 * @param coin      the currency, such as {@code USDT}
 * @param symbol    the isolated-margin trading pair, or {@code null} when no side is isolated margin
 * @param clientOid the idempotency key; {@code null} asks for a generated one
 */
@DistinctAccounts
@SymbolOnlyWithIsolatedMargin
public record Transfer(
        @NotNull(message = "is required; valid account types: " + VALID_TYPES_TEXT)
        AccountType from,
        @NotNull(message = "is required; valid account types: " + VALID_TYPES_TEXT)
        AccountType to,
        @NotNull(message = "is required")
        @Positive(message = "must be greater than 0")
        @Digits(integer = Transfer.MAX_INTEGER_DIGITS, fraction = Transfer.MAX_FRACTION_DIGITS,
                message = "must have at most 20 digits before the decimal point and 18 after it")
        BigDecimal amount,
        @NotNull(message = "is required")
        @Matching(regexp = Transfer.COIN_PATTERN, message = Transfer.COIN_RULE)
        String coin,
        @Matching(regexp = "[A-Z0-9]{1,40}",
                message = "must be 1 to 40 upper-case letters or digits, such as BTCUSDT")
        String symbol,
        @NotNull(message = "is required")
        @Matching(regexp = Transfer.CLIENT_OID_PATTERN, message = Transfer.CLIENT_OID_RULE)
        String clientOid) {

    /** Most digits allowed before the decimal point of an amount. */
    public static final int MAX_INTEGER_DIGITS = 20;
    /** Most digits allowed after the decimal point of an amount, trailing zeros included. */
    public static final int MAX_FRACTION_DIGITS = 18;
    /** Longest clientOid Bitget accepts. */
    public static final int MAX_CLIENT_OID_LENGTH = 64;

    /** The alphabet and length of a coin, as a regular expression. */
    static final String COIN_PATTERN = "[A-Z0-9]{1,20}";
    /** The coin rule, in words, for messages. */
    static final String COIN_RULE = "must be 1 to 20 upper-case letters or digits, such as USDT";
    /** The alphabet and length of a clientOid, as a regular expression. */
    static final String CLIENT_OID_PATTERN = "[A-Za-z0-9._:-]{1,64}";
    /** The clientOid rule, in words, for messages. */
    static final String CLIENT_OID_RULE = "must be 1 to 64 characters, each a letter, a digit or one of . _ : -";

    private static final String VALID_TYPES_TEXT =
            "spot, p2p, coin_futures, usdt_futures, usdc_futures, crossed_margin, isolated_margin";
    private static final java.util.regex.Pattern PLAIN_DECIMAL =
            java.util.regex.Pattern.compile("(0|[1-9][0-9]*)(\\.[0-9]+)?");

    /**
     * Builds a transfer and checks it.
     *
     * @throws InvalidTransferException listing every rule the values break
     */
    public Transfer(AccountType from, AccountType to, BigDecimal amount, String coin, String symbol,
            String clientOid) {
        this.from = from;
        this.to = to;
        this.amount = amount;
        this.coin = coin;
        this.symbol = symbol;
        this.clientOid = clientOid == null ? newClientOid() : clientOid;
        TransferValidation.requireValid(this);
    }

    /** A new builder; {@link Builder#build()} checks the transfer. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds a transfer from text, as typed on a command line or read from a file, reporting
     * unparsable values together with every other violation.
     *
     * <p>Account types are wire codes ({@code spot}); the amount is a plain decimal of ASCII
     * digits ({@code 300}, {@code 0.5}): no sign, exponent, spaces, grouping or leading zeros. An empty or
     * {@code null} symbol or clientOid means "none" (a clientOid is then generated).
     *
     * @throws InvalidTransferException listing every problem with the input
     */
    public static Transfer parse(String from, String to, String amount, String coin, String symbol,
            String clientOid) {
        List<InvalidTransferException.Violation> parseErrors = new ArrayList<>();
        AccountType fromType = parseAccountType("from", from, parseErrors);
        AccountType toType = parseAccountType("to", to, parseErrors);
        BigDecimal parsedAmount = parseAmount(amount, parseErrors);
        try {
            Transfer transfer = new Transfer(fromType, toType, parsedAmount, coin, emptyToNull(symbol),
                    emptyToNull(clientOid));
            if (parseErrors.isEmpty()) {
                return transfer;
            }
            throw new InvalidTransferException(parseErrors);
        } catch (InvalidTransferException invalid) {
            if (parseErrors.isEmpty()) {
                throw invalid;
            }
            List<String> unparsed = parseErrors.stream().map(InvalidTransferException.Violation::field).toList();
            List<InvalidTransferException.Violation> all = new ArrayList<>(parseErrors);
            invalid.violations().stream().filter(v -> !unparsed.contains(v.field())).forEach(all::add);
            throw new InvalidTransferException(all);
        }
    }

    /** True when either side is isolated margin, so the transfer concerns {@link #symbol()}. */
    public boolean involvesIsolatedMargin() {
        return from == AccountType.ISOLATED_MARGIN || to == AccountType.ISOLATED_MARGIN;
    }

    /** The holding the amount leaves. */
    public Holding source() {
        return holdingIn(from);
    }

    /** The holding the amount enters. */
    public Holding destination() {
        return holdingIn(to);
    }

    private Holding holdingIn(AccountType account) {
        return new Holding(account, account == AccountType.ISOLATED_MARGIN ? symbol : null, coin);
    }

    private static AccountType parseAccountType(String field, String code,
            List<InvalidTransferException.Violation> errors) {
        if (code == null || code.isEmpty()) {
            return null;
        }
        return AccountType.findByWireCode(code).orElseGet(() -> {
            errors.add(new InvalidTransferException.Violation(field, AccountType.unknownCodeMessage(code)));
            return null;
        });
    }

    private static BigDecimal parseAmount(String amount, List<InvalidTransferException.Violation> errors) {
        if (amount == null || amount.isEmpty()) {
            return null;
        }
        if (!PLAIN_DECIMAL.matcher(amount).matches()) {
            errors.add(new InvalidTransferException.Violation("amount",
                    "must be a plain decimal number such as 300 or 0.5, not " + Quoting.quote(amount)));
            return null;
        }
        return new BigDecimal(amount);
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static String newClientOid() {
        return UUID.randomUUID().toString();
    }

    /** Builds a {@link Transfer}; settings left out are {@code null} (a clientOid is then generated). */
    public static final class Builder {
        private AccountType from;
        private AccountType to;
        private BigDecimal amount;
        private String coin;
        private String symbol;
        private String clientOid;

        private Builder() {
        }

        public Builder from(AccountType from) {
            this.from = from;
            return this;
        }

        public Builder to(AccountType to) {
            this.to = to;
            return this;
        }

        public Builder amount(BigDecimal amount) {
            this.amount = amount;
            return this;
        }

        public Builder coin(String coin) {
            this.coin = coin;
            return this;
        }

        public Builder symbol(String symbol) {
            this.symbol = symbol;
            return this;
        }

        public Builder clientOid(String clientOid) {
            this.clientOid = clientOid;
            return this;
        }

        /**
         * The checked transfer.
         *
         * @throws InvalidTransferException listing every rule the settings break
         */
        public Transfer build() {
            return new Transfer(from, to, amount, coin, symbol, clientOid);
        }
    }
}
