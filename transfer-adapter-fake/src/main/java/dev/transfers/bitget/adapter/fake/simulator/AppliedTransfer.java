package dev.transfers.bitget.adapter.fake.simulator;

import dev.transfers.bitget.domain.AccountType;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A transfer the simulator applied.
 *
 * @param clientOid  the request's clientOid, or null when it sent none
 * @param transferId the id the simulator gave it (digits)
 * @param from       the account debited
 * @param to         the account credited
 * @param amount     the amount moved, as parsed from the request
 * @param coin       the coin moved
 * @param symbol     the isolated-margin symbol, or null when neither side is isolated margin
 */
public record AppliedTransfer(String clientOid, String transferId, AccountType from, AccountType to,
                              BigDecimal amount, String coin, String symbol) {
    public AppliedTransfer {
        Objects.requireNonNull(transferId, "transferId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(coin, "coin");
    }
}
