package dev.transfers.bitget.adapter.fake.simulator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Balances, the coins the exchange knows, applied transfers and the clientOids already used.
 * One lock guards all of it, so a transfer's checks, debit, credit and record are one atomic step.
 */
final class Ledger {
    /** Large enough to look like Bitget's ids, small enough to count up for a long time. */
    private static final long FIRST_TRANSFER_ID = 1_180_000_000_000_000_001L;

    private final Map<BalanceKey, BigDecimal> balances = new HashMap<>();
    private final Set<String> knownCoins = new HashSet<>();
    private final List<AppliedTransfer> applied = new ArrayList<>();
    private final Map<String, Map<String, AppliedTransfer>> byUidAndClientOid = new HashMap<>();
    private long nextTransferId = FIRST_TRANSFER_ID;

    synchronized void seed(BalanceKey key, BigDecimal amount) {
        Objects.requireNonNull(amount, "amount");
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("a balance cannot be negative: " + amount.toPlainString());
        }
        balances.put(key, amount);
        knownCoins.add(key.coin());
    }

    synchronized BigDecimal balance(BalanceKey key) {
        return balances.getOrDefault(key, BigDecimal.ZERO);
    }

    synchronized List<AppliedTransfer> applied() {
        return List.copyOf(applied);
    }

    synchronized long appliedCount(String clientOid) {
        return applied.stream().filter(t -> Objects.equals(t.clientOid(), clientOid)).count();
    }

    /**
     * Applies the order for this UID, or returns the transfer first applied under its clientOid.
     *
     * @throws Rejection 43129 for a coin never seeded, 43012 when the source balance is short
     */
    synchronized AppliedTransfer apply(String uid, TransferOrder order) {
        Map<String, AppliedTransfer> byClientOid = byUidAndClientOid.computeIfAbsent(uid, u -> new HashMap<>());
        if (order.clientOid() != null && byClientOid.containsKey(order.clientOid())) {
            return byClientOid.get(order.clientOid());
        }
        if (!knownCoins.contains(order.coin())) {
            throw Rejection.badRequest("43129", "coin not supported");
        }
        BigDecimal available = balance(order.source());
        if (available.compareTo(order.amount()) < 0) {
            throw Rejection.badRequest("43012", "Insufficient balance");
        }
        balances.put(order.source(), available.subtract(order.amount()));
        balances.merge(order.target(), order.amount(), BigDecimal::add);
        AppliedTransfer transfer = new AppliedTransfer(order.clientOid(), Long.toString(nextTransferId++),
                order.from(), order.to(), order.amount(), order.coin(), order.recordedSymbol());
        applied.add(transfer);
        if (order.clientOid() != null) {
            byClientOid.put(order.clientOid(), transfer);
        }
        return transfer;
    }
}
