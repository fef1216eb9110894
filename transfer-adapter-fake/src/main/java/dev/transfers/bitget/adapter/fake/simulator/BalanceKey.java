package dev.transfers.bitget.adapter.fake.simulator;

import dev.transfers.bitget.domain.AccountType;
import java.util.Objects;

/** One balance row: an account type and coin, plus the symbol for isolated margin (null otherwise). */
record BalanceKey(AccountType account, String symbol, String coin) {

    BalanceKey {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(coin, "coin");
        if (coin.isBlank()) {
            throw new IllegalArgumentException("coin must not be blank");
        }
        boolean isolated = account == AccountType.ISOLATED_MARGIN;
        if (isolated && (symbol == null || symbol.isBlank())) {
            throw new IllegalArgumentException("an isolated_margin balance needs a symbol");
        }
        if (!isolated && symbol != null) {
            throw new IllegalArgumentException("only isolated_margin balances have a symbol, not " + account);
        }
    }

    /** The row a transfer touches on one side: the symbol counts for isolated margin only. */
    static BalanceKey forTransferSide(AccountType account, String symbol, String coin) {
        return new BalanceKey(account, account == AccountType.ISOLATED_MARGIN ? symbol : null, coin);
    }
}
