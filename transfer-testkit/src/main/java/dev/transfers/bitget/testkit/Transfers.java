package dev.transfers.bitget.testkit;

import dev.transfers.bitget.domain.AccountType;
import dev.transfers.bitget.domain.Transfer;
import java.math.BigDecimal;

/** Test data builders: valid transfers with sensible defaults, to change only what a test is about. */
public final class Transfers {
    /** The coin the builders use unless told otherwise. */
    public static final String COIN = "USDT";

    private Transfers() {
    }

    /** 10 USDT from spot to USDT-M futures; a fresh clientOid is generated when the builder builds. */
    public static Transfer.Builder aTransfer() {
        return Transfer.builder()
                .from(AccountType.SPOT)
                .to(AccountType.USDT_FUTURES)
                .amount(new BigDecimal("10"))
                .coin(COIN);
    }

    /** 10 USDT from spot to the isolated margin account of {@code symbol}. */
    public static Transfer.Builder aTransferToIsolatedMargin(String symbol) {
        return aTransfer().to(AccountType.ISOLATED_MARGIN).symbol(symbol);
    }

    /** {@code amount} as a {@link BigDecimal}, for readable tests. */
    public static BigDecimal amount(String amount) {
        return new BigDecimal(amount);
    }
}
