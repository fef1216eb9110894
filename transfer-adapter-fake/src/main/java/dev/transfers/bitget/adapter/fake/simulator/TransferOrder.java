package dev.transfers.bitget.adapter.fake.simulator;

import dev.transfers.bitget.domain.AccountType;
import java.math.BigDecimal;

/** A transfer request that passed authentication and parameter checks; the ledger decides the rest. */
record TransferOrder(AccountType from, AccountType to, BigDecimal amount, String coin, String symbol,
                     String clientOid) {

    BalanceKey source() {
        return BalanceKey.forTransferSide(from, symbol, coin);
    }

    BalanceKey target() {
        return BalanceKey.forTransferSide(to, symbol, coin);
    }

    /** The symbol as recorded: kept only when a side is isolated margin. */
    String recordedSymbol() {
        return from == AccountType.ISOLATED_MARGIN || to == AccountType.ISOLATED_MARGIN ? symbol : null;
    }
}
