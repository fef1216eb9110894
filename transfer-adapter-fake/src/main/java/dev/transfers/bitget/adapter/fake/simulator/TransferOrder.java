package dev.transfers.bitget.adapter.fake.simulator;

import dev.transfers.bitget.domain.AccountType;
import dev.transfers.bitget.domain.Holding;
import java.math.BigDecimal;

/** A transfer request that passed authentication and parameter checks; the ledger decides the rest. */
record TransferOrder(AccountType from, AccountType to, BigDecimal amount, String coin, String symbol,
                     String clientOid) {

    Holding source() {
        return sideOf(from);
    }

    Holding target() {
        return sideOf(to);
    }

    /** The holding a transfer touches on one side: the symbol counts for isolated margin only. */
    private Holding sideOf(AccountType account) {
        return new Holding(account, account == AccountType.ISOLATED_MARGIN ? symbol : null, coin);
    }

    /** The symbol as recorded: kept only when a side is isolated margin. */
    String recordedSymbol() {
        return from == AccountType.ISOLATED_MARGIN || to == AccountType.ISOLATED_MARGIN ? symbol : null;
    }
}
