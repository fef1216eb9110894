package dev.transfers.bitget.adapter.fake;

import dev.transfers.bitget.domain.AccountType;
import java.util.Objects;

/**
 * Where a balance of the fake is kept: an account type and a coin, and for isolated margin the
 * trading pair as well.
 *
 * @param account the account type
 * @param symbol  the isolated-margin trading pair, {@code null} for every other account type
 * @param coin    the currency
 */
public record BalanceKey(AccountType account, String symbol, String coin) {
    public BalanceKey {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(coin, "coin");
        if ((account == AccountType.ISOLATED_MARGIN) != (symbol != null)) {
            throw new IllegalArgumentException("a symbol is needed for isolated_margin balances and only for them");
        }
    }
}
