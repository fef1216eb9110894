package dev.transfers.bitget.domain;

import java.util.Objects;

/**
 * Where a balance is kept: an account type and a coin, and for isolated margin also the trading
 * pair, since isolated margin balances are kept per symbol. A transfer moves its amount from its
 * {@linkplain Transfer#source() source} holding to its {@linkplain Transfer#destination() destination}.
 *
 * @param account the account type
 * @param symbol  the isolated-margin trading pair, {@code null} for every other account type
 * @param coin    the currency
 */
public record Holding(AccountType account, String symbol, String coin) {
    public Holding {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(coin, "coin");
        boolean isolated = account == AccountType.ISOLATED_MARGIN;
        if (isolated && symbol == null) {
            throw new IllegalArgumentException("an isolated_margin holding needs a symbol");
        }
        if (!isolated && symbol != null) {
            throw new IllegalArgumentException("only isolated_margin holdings have a symbol, not " + account);
        }
    }

    /** A holding of {@code coin} in a non-isolated account. */
    public static Holding of(AccountType account, String coin) {
        return new Holding(account, null, coin);
    }

    /** A holding of {@code coin} in the isolated margin account of {@code symbol}. */
    public static Holding isolated(String symbol, String coin) {
        return new Holding(AccountType.ISOLATED_MARGIN, symbol, coin);
    }
}
