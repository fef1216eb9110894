package dev.transfers.bitget.adapter.fake;

import dev.transfers.bitget.domain.AccountType;
import dev.transfers.bitget.domain.Holding;
import dev.transfers.bitget.domain.RejectionReason;
import dev.transfers.bitget.domain.Transfer;
import dev.transfers.bitget.domain.TransferGateway;
import dev.transfers.bitget.domain.TransferOutcomeUnknownException;
import dev.transfers.bitget.domain.TransferReceipt;
import dev.transfers.bitget.domain.TransferRejectedException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link TransferGateway} over an in-memory ledger, for tests: swap it in for the HTTP adapter
 * and the rest of the application runs unchanged. It passes {@code TransferGatewayContract}.
 *
 * <p>Thread safe. It keeps balances per account type and coin (per symbol for isolated margin),
 * applies each clientOid at most once (a repeat returns the first receipt and moves nothing, even
 * when the other fields differ), rejects a coin never seeded in any account with
 * {@link RejectionReason#UNSUPPORTED_COIN_OR_SYMBOL} and Bitget's code 43129, and a transfer the
 * source balance cannot cover with {@link RejectionReason#INSUFFICIENT_BALANCE} and Bitget's code
 * 43012, moving nothing (the same answers, in the same order, as {@code SimulatedBitget}).
 *
 * <p>Beyond the port, tests can seed and inspect balances, list the transfers applied in order,
 * and script how the next calls end: {@link #rejectNext}, {@link #outcomeUnknownNext},
 * {@link #delayNext}. Scripted faults are used one per call, in the order they were added.
 */
public final class InMemoryTransferGateway implements TransferGateway {
    /** Bitget's code and message for an insufficient balance, which this fake answers with. */
    public static final String INSUFFICIENT_BALANCE_CODE = "43012";
    private static final String INSUFFICIENT_BALANCE_MESSAGE = "Insufficient balance";
    /** Bitget's code for a coin it does not support, which this fake answers for a coin never seeded. */
    public static final String UNSUPPORTED_COIN_CODE = "43129";
    private static final String UNSUPPORTED_COIN_MESSAGE = "coin not supported";

    private final Sleeper sleeper;
    private final Object ledgerLock = new Object();
    private final Map<Holding, BigDecimal> balances = new HashMap<>();
    private final Set<String> knownCoins = new HashSet<>();
    private final Map<String, AppliedTransfer> appliedByClientOid = new LinkedHashMap<>();
    private final Deque<Fault> scriptedFaults = new ArrayDeque<>();
    private final AtomicLong nextTransferId = new AtomicLong(1_000_000_001L);

    /** A fake whose {@link #delayNext} delays really sleep. */
    public InMemoryTransferGateway() {
        this(Sleeper.SYSTEM);
    }

    /** A fake whose {@link #delayNext} delays go through {@code sleeper}. */
    public InMemoryTransferGateway(Sleeper sleeper) {
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    @Override
    public TransferReceipt transfer(Transfer transfer) {
        Objects.requireNonNull(transfer, "transfer");
        Fault fault = nextFault();
        if (fault instanceof Fault.Delay delay) {
            sleep(delay.duration(), transfer);
        } else if (fault instanceof Fault.Reject reject) {
            throw new TransferRejectedException(reject.reason(), reject.code(), reject.message(), transfer.clientOid());
        } else if (fault instanceof Fault.OutcomeUnknown unknown) {
            if (unknown.applied()) {
                try {
                    apply(transfer);
                } catch (TransferRejectedException rejectedAnyway) {
                    // The caller cannot tell either way, which is what this fault is for.
                }
            }
            throw new TransferOutcomeUnknownException(transfer.clientOid(),
                    "the in-memory fake was told to end this call in doubt");
        }
        return apply(transfer);
    }

    private TransferReceipt apply(Transfer transfer) {
        synchronized (ledgerLock) {
            AppliedTransfer earlier = appliedByClientOid.get(transfer.clientOid());
            if (earlier != null) {
                return earlier.receipt();
            }
            if (!knownCoins.contains(transfer.coin())) {
                throw new TransferRejectedException(RejectionReason.UNSUPPORTED_COIN_OR_SYMBOL, UNSUPPORTED_COIN_CODE,
                        UNSUPPORTED_COIN_MESSAGE, transfer.clientOid());
            }
            Holding source = transfer.source();
            BigDecimal available = balances.getOrDefault(source, BigDecimal.ZERO);
            if (available.compareTo(transfer.amount()) < 0) {
                throw new TransferRejectedException(RejectionReason.INSUFFICIENT_BALANCE, INSUFFICIENT_BALANCE_CODE,
                        INSUFFICIENT_BALANCE_MESSAGE, transfer.clientOid());
            }
            balances.put(source, available.subtract(transfer.amount()));
            balances.merge(transfer.destination(), transfer.amount(), BigDecimal::add);
            TransferReceipt receipt =
                    new TransferReceipt(Long.toString(nextTransferId.getAndIncrement()), transfer.clientOid());
            appliedByClientOid.put(transfer.clientOid(), new AppliedTransfer(transfer, receipt));
            return receipt;
        }
    }

    /** Sets the balance of {@code coin} in a non-isolated account. */
    public void seedBalance(AccountType account, String coin, BigDecimal amount) {
        seedBalance(Holding.of(account, coin), amount);
    }

    /** Sets the balance of {@code holding}, which makes its coin known to the fake; it must not be negative. */
    public void seedBalance(Holding holding, BigDecimal amount) {
        Objects.requireNonNull(holding, "holding");
        Objects.requireNonNull(amount, "amount");
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("a seeded balance must not be negative, got " + amount.toPlainString());
        }
        synchronized (ledgerLock) {
            balances.put(holding, amount);
            knownCoins.add(holding.coin());
        }
    }

    /** The balance of {@code coin} in a non-isolated account; zero when none was seeded or moved there. */
    public BigDecimal balance(AccountType account, String coin) {
        return balance(Holding.of(account, coin));
    }

    /** The balance of {@code holding}; zero when there is none. */
    public BigDecimal balance(Holding holding) {
        synchronized (ledgerLock) {
            return balances.getOrDefault(holding, BigDecimal.ZERO);
        }
    }

    /** A snapshot of every balance the fake holds, by holding. */
    public Map<Holding, BigDecimal> balances() {
        synchronized (ledgerLock) {
            return Map.copyOf(balances);
        }
    }

    /** The transfers applied so far, in the order they were applied (repeats of a clientOid not included). */
    public List<AppliedTransfer> appliedTransfers() {
        synchronized (ledgerLock) {
            return List.copyOf(appliedByClientOid.values());
        }
    }

    /** Makes a coming call end with a rejection for {@code reason}, carrying the given exchange code and message. */
    public void rejectNext(RejectionReason reason, String exchangeCode, String exchangeMessage) {
        addFault(new Fault.Reject(Objects.requireNonNull(reason, "reason"), exchangeCode, exchangeMessage));
    }

    /**
     * Makes a coming call end with {@link TransferOutcomeUnknownException}, after applying the
     * transfer when {@code applied} is true (as when a response is lost) or without applying it
     * (as when the request is lost). Repeating the same transfer then tells which.
     */
    public void outcomeUnknownNext(boolean applied) {
        addFault(new Fault.OutcomeUnknown(applied));
    }

    /** Makes a coming call wait {@code latency} (through the sleeper) before it proceeds normally. */
    public void delayNext(Duration latency) {
        Objects.requireNonNull(latency, "latency");
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative, got " + latency);
        }
        addFault(new Fault.Delay(latency));
    }

    private void addFault(Fault fault) {
        synchronized (scriptedFaults) {
            scriptedFaults.addLast(fault);
        }
    }

    private Fault nextFault() {
        synchronized (scriptedFaults) {
            return scriptedFaults.pollFirst();
        }
    }

    private void sleep(Duration latency, Transfer transfer) {
        try {
            sleeper.sleep(latency);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new TransferRejectedException(RejectionReason.EXCHANGE_UNREACHABLE, null,
                    "interrupted before the transfer was sent", transfer.clientOid());
        }
    }

    /** How a scripted call ends. */
    private sealed interface Fault {
        record Delay(Duration duration) implements Fault {
        }

        record Reject(RejectionReason reason, String code, String message) implements Fault {
        }

        record OutcomeUnknown(boolean applied) implements Fault {
        }
    }
}
