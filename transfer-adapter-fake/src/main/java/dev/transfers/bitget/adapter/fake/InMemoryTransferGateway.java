package dev.transfers.bitget.adapter.fake;

import dev.transfers.bitget.domain.Sleeper;
import dev.transfers.bitget.domain.AccountType;
import dev.transfers.bitget.domain.Holding;
import dev.transfers.bitget.domain.RejectionReason;
import dev.transfers.bitget.domain.Transfer;
import dev.transfers.bitget.domain.TransferGateway;
import dev.transfers.bitget.domain.TransferHistory;
import dev.transfers.bitget.domain.TransferHistoryUnavailableException;
import dev.transfers.bitget.domain.TransferOutcomeUnknownException;
import dev.transfers.bitget.domain.TransferQuery;
import dev.transfers.bitget.domain.TransferReceipt;
import dev.transfers.bitget.domain.TransferRejectedException;
import dev.transfers.bitget.domain.TransferStatus;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A {@link TransferGateway} and {@link TransferHistory} over an in-memory ledger, for tests: swap it
 * in for the HTTP adapter and the rest of the application runs unchanged. It passes
 * {@code TransferGatewayContract}.
 *
 * <p>Thread safe. It shares its ledger ({@link ExchangeLedger}) with {@code SimulatedBitget}, so the
 * two answer alike: balances per account type and coin (per symbol for isolated margin); each
 * clientOid applied at most once (a repeat returns the first receipt and moves nothing, even when
 * the other fields differ); a coin never seeded in any account rejected with
 * {@link RejectionReason#UNSUPPORTED_COIN_OR_SYMBOL} (Bitget's code 43129); a balance too low
 * rejected with {@link RejectionReason#INSUFFICIENT_BALANCE} (43012). Its history, read through
 * {@link #statusOf(TransferQuery)}, holds every applied transfer (one user, {@value #UID}) timed by
 * the injected clock, plus the failed or processing records a test puts there with
 * {@link #recordTransfer}: a clientOid recorded as failed is rejected (code 42013), one recorded as
 * processing ends in doubt (43137).
 *
 * <p>Beyond the ports, tests can seed and inspect balances, list the applied transfers, read the
 * {@linkplain #calls() log of every call} (to count retries), and script faults ({@link ScriptedFault}),
 * each aimed at the next call of its kind or at the next call for one clientOid:
 * {@link #rejectNext}, {@link #outcomeUnknownNext}, {@link #delayNext}, {@link #historyUnavailableNext},
 * or {@link #script} for any of them; {@link #scriptedFaults()} lists those not used yet and
 * {@link #clearScriptedFaults()} drops them. A call uses the oldest fault it matches, one per call.
 *
 * <p>A scripted fault never makes the fake contradict the ports: a rejection or an outcome unknown
 * does not apply to a transfer whose clientOid is already applied (the call returns its receipt),
 * and a rejection does not apply to one recorded as processing either. Such a fault is not used up:
 * it stays queued for the next call it can apply to.
 */
public final class InMemoryTransferGateway implements TransferGateway, TransferHistory {
    /** The one user this fake's ledger knows. */
    public static final String UID = "in-memory-uid";

    private final Sleeper sleeper;
    private final ExchangeLedger ledger;
    private final List<ScriptedFault> scriptedFaults = new ArrayList<>();
    private final List<FakeCall> calls = new ArrayList<>();

    /** A fake whose delays really sleep and whose records are timed by the system UTC clock. */
    public InMemoryTransferGateway() {
        this(Sleeper.system());
    }

    /** A fake whose delays go through {@code sleeper}; records timed by the system UTC clock. */
    public InMemoryTransferGateway(Sleeper sleeper) {
        this(sleeper, Clock.systemUTC());
    }

    /** A fake whose delays go through {@code sleeper} and whose records are timed by {@code clock}. */
    public InMemoryTransferGateway(Sleeper sleeper, Clock clock) {
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.ledger = new ExchangeLedger(Objects.requireNonNull(clock, "clock"));
    }

    @Override
    public TransferReceipt transfer(Transfer transfer) {
        Objects.requireNonNull(transfer, "transfer");
        try {
            TransferReceipt receipt = decide(transfer);
            log(new FakeCall.TransferCall(transfer, receipt, null));
            return receipt;
        } catch (TransferRejectedException | TransferOutcomeUnknownException failure) {
            log(new FakeCall.TransferCall(transfer, null, failure));
            throw failure;
        }
    }

    private TransferReceipt decide(Transfer transfer) {
        ScriptedFault fault;
        synchronized (ledger) {
            fault = takeFault(transfer.clientOid(), f -> appliesTo(f, transfer.clientOid()));
            if (fault instanceof ScriptedFault.Reject reject) {
                throw new TransferRejectedException(reject.reason(), reject.exchangeCode(), reject.exchangeMessage(),
                        transfer.clientOid());
            }
            if (fault instanceof ScriptedFault.OutcomeUnknown unknown) {
                if (unknown.applied()) {
                    try {
                        ledger.apply(UID, ExchangeLedger.Order.of(transfer));
                    } catch (ExchangeLedger.Refused refusedAnyway) {
                        // Not applied, and the caller cannot tell either way, which is what this fault is for.
                    }
                }
                throw new TransferOutcomeUnknownException(transfer.clientOid(),
                        "the in-memory fake was told to end this call in doubt");
            }
        }
        if (fault instanceof ScriptedFault.Delay delay) {
            sleep(delay.latency(), transfer);
        }
        return apply(transfer);
    }

    /**
     * Whether a fault may end a transfer call for this clientOid without contradicting the port
     * (never for a lookup's fault).
     */
    private boolean appliesTo(ScriptedFault fault, String clientOid) {
        if (fault instanceof ScriptedFault.Delay) {
            return true;
        }
        RecordedTransfer earlier = ledger.find(UID, clientOid);
        if (fault instanceof ScriptedFault.OutcomeUnknown) {
            return earlier == null || !earlier.applied();
        }
        return fault instanceof ScriptedFault.Reject
                && (earlier == null || earlier.status() == RecordedTransfer.Status.FAILED);
    }

    private TransferReceipt apply(Transfer transfer) {
        try {
            return ledger.apply(UID, ExchangeLedger.Order.of(transfer)).toTransferRecord().receipt();
        } catch (ExchangeLedger.Refused refused) {
            ExchangeLedger.Refusal refusal = refused.refusal();
            if (refusal.reason().isEmpty()) {
                throw new TransferOutcomeUnknownException(transfer.clientOid(), "the exchange's record of it says "
                        + RecordedTransfer.Status.PROCESSING.wireName() + " (" + refusal.code() + " "
                        + refusal.message() + ")");
            }
            throw new TransferRejectedException(refusal.reason().get(), refusal.code(), refusal.message(),
                    transfer.clientOid());
        }
    }

    /**
     * What the fake's history says of the query's clientOid (coins compared without regard to case):
     * applied, failed or processing with its record, or not found.
     *
     * @throws TransferHistoryUnavailableException when a {@link ScriptedFault.HistoryUnavailable} is used
     */
    @Override
    public TransferStatus statusOf(TransferQuery query) {
        Objects.requireNonNull(query, "query");
        TransferStatus status;
        synchronized (ledger) {
            ScriptedFault fault = takeFault(query.clientOid(), f -> f instanceof ScriptedFault.HistoryUnavailable);
            if (fault != null) {
                TransferHistoryUnavailableException unavailable = new TransferHistoryUnavailableException(
                        query.clientOid(), "the in-memory fake was told its history is unavailable", null);
                log(new FakeCall.StatusCall(query, null, unavailable));
                throw unavailable;
            }
            RecordedTransfer record = ledger.find(UID, query.clientOid());
            if (record == null || !record.coin().equalsIgnoreCase(query.coin())) {
                status = new TransferStatus.NotFound(query);
            } else {
                status = switch (record.status()) {
                    case SUCCESSFUL -> new TransferStatus.Applied(record.toTransferRecord());
                    case FAILED -> new TransferStatus.Failed(record.toTransferRecord());
                    case PROCESSING -> new TransferStatus.Processing(record.toTransferRecord());
                };
            }
        }
        log(new FakeCall.StatusCall(query, status, null));
        return status;
    }

    /** Sets the balance of {@code coin} in a non-isolated account; the coin becomes known. */
    public void seedBalance(AccountType account, String coin, BigDecimal amount) {
        seedBalance(Holding.of(account, coin), amount);
    }

    /** Sets the balance of {@code holding} (not negative); its coin becomes known. */
    public void seedBalance(Holding holding, BigDecimal amount) {
        ledger.seed(holding, amount);
    }

    /** The balance of {@code coin} in a non-isolated account; zero when none was seeded or moved there. */
    public BigDecimal balance(AccountType account, String coin) {
        return balance(Holding.of(account, coin));
    }

    /** The balance of {@code holding}; zero when there is none. */
    public BigDecimal balance(Holding holding) {
        return ledger.balance(holding);
    }

    /** A snapshot of every balance the fake holds, by holding. */
    public Map<Holding, BigDecimal> balances() {
        return ledger.balances();
    }

    /** The transfers applied so far, in the order they were applied (repeats of a clientOid not included). */
    public List<RecordedTransfer> appliedTransfers() {
        return ledger.applied();
    }

    /** The fake's history, every status, newest first: what {@link #statusOf(TransferQuery)} reads. */
    public List<RecordedTransfer> history() {
        return ledger.history(UID);
    }

    /**
     * Puts {@code transfer} into the history as {@code FAILED} or {@code PROCESSING}, moving nothing:
     * {@link #statusOf} then reports it so, and its clientOid is taken (a transfer with it is rejected
     * when failed, ends in doubt when processing).
     *
     * @throws IllegalArgumentException for {@code SUCCESSFUL} (make the transfer instead) or a clientOid
     *         already in the history
     */
    public RecordedTransfer recordTransfer(Transfer transfer, RecordedTransfer.Status status) {
        return ledger.record(UID, ExchangeLedger.Order.of(Objects.requireNonNull(transfer, "transfer")), status);
    }

    /** Scripts a fault; it waits, first in first out, for a call it targets and can apply to. */
    public void script(ScriptedFault fault) {
        Objects.requireNonNull(fault, "fault");
        synchronized (ledger) {
            scriptedFaults.add(fault);
        }
    }

    /** Makes the next transfer that can be rejected end rejected for {@code reason}, with this code and message. */
    public void rejectNext(RejectionReason reason, String exchangeCode, String exchangeMessage) {
        script(new ScriptedFault.Reject(null, reason, exchangeCode, exchangeMessage));
    }

    /**
     * Makes the next transfer whose clientOid is not applied yet end with
     * {@link TransferOutcomeUnknownException}, after applying the transfer when {@code applied} is true
     * (as when a response is lost) or without applying it (as when the request is lost). Repeating the
     * same transfer, or {@link #statusOf}, then tells which.
     */
    public void outcomeUnknownNext(boolean applied) {
        script(new ScriptedFault.OutcomeUnknown(null, applied));
    }

    /** Makes the next transfer wait {@code latency} (through the sleeper) before it proceeds normally. */
    public void delayNext(Duration latency) {
        script(new ScriptedFault.Delay(null, latency));
    }

    /** Makes the next {@link #statusOf} call end with {@link TransferHistoryUnavailableException}. */
    public void historyUnavailableNext() {
        script(new ScriptedFault.HistoryUnavailable(null));
    }

    /** The scripted faults not used yet, oldest first. */
    public List<ScriptedFault> scriptedFaults() {
        synchronized (ledger) {
            return List.copyOf(scriptedFaults);
        }
    }

    /** Drops every scripted fault not used yet. */
    public void clearScriptedFaults() {
        synchronized (ledger) {
            scriptedFaults.clear();
        }
    }

    /** Every call received so far, oldest first, however it ended (rejected and in doubt included). */
    public List<FakeCall> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /** Removes and returns the oldest fault aimed at this call (next call or its clientOid) that passes {@code usable}. */
    private ScriptedFault takeFault(String clientOid, Predicate<ScriptedFault> usable) {
        for (Iterator<ScriptedFault> it = scriptedFaults.iterator(); it.hasNext(); ) {
            ScriptedFault fault = it.next();
            boolean aimed = fault.clientOid().map(clientOid::equals).orElse(true);
            if (aimed && usable.test(fault)) {
                it.remove();
                return fault;
            }
        }
        return null;
    }

    private void log(FakeCall call) {
        synchronized (calls) {
            calls.add(call);
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
}
