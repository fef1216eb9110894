package dev.transfers.bitget.adapter.fake;

import dev.transfers.bitget.domain.AccountType;
import dev.transfers.bitget.domain.Holding;
import dev.transfers.bitget.domain.RejectionReason;
import dev.transfers.bitget.domain.Transfer;
import java.math.BigDecimal;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * <b>Internal</b>: the one ledger behind both fakes, {@link InMemoryTransferGateway} and
 * {@code SimulatedBitget}, so that they answer every case alike. It is public only because the two
 * live in different packages; use it through them, not directly: it may change without notice.
 *
 * <p>It keeps the balances (one set, shared by every UID), the coins the exchange knows (those ever
 * seeded), and per UID the history of transfers with their clientOids. A transfer is decided in this
 * order, as one atomic step under one lock:
 * <ol>
 *   <li>a clientOid already in this UID's history returns its record when it was applied, and
 *       otherwise is refused as {@link Refusal#RECORDED_FAILED} or {@link Refusal#RECORDED_PROCESSING};</li>
 *   <li>{@link Refusal#UNSUPPORTED_COIN} for a coin never seeded in any account;</li>
 *   <li>{@link Refusal#INSUFFICIENT_BALANCE} when the source holding holds less than the amount;</li>
 *   <li>otherwise the amount moves and a {@link RecordedTransfer.Status#SUCCESSFUL} record is kept.</li>
 * </ol>
 * Thread safe.
 */
public final class ExchangeLedger {
    /** Large enough to look like Bitget's ids, small enough to count up for a long time. */
    private static final long FIRST_TRANSFER_ID = 1_180_000_000_000_000_001L;

    private final InstantSource clock;
    private final Map<Holding, BigDecimal> balances = new HashMap<>();
    private final Set<String> knownCoins = new HashSet<>();
    private final List<RecordedTransfer> history = new ArrayList<>();
    private final Map<String, Map<String, RecordedTransfer>> byUidAndClientOid = new HashMap<>();
    private long nextTransferId = FIRST_TRANSFER_ID;

    /** A ledger whose records are timed by {@code clock}. */
    public ExchangeLedger(InstantSource clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Why the ledger refused a transfer, with the code and message Bitget answers with. */
    public enum Refusal {
        /** The coin was never seeded in any account. */
        UNSUPPORTED_COIN("43129", "coin not supported", RejectionReason.UNSUPPORTED_COIN_OR_SYMBOL),
        /** The source holding holds less than the amount. */
        INSUFFICIENT_BALANCE("43012", "Insufficient balance", RejectionReason.INSUFFICIENT_BALANCE),
        /** The clientOid's record says Failed: nothing moved and nothing will. */
        RECORDED_FAILED("42013", "transfer failed", RejectionReason.OTHER),
        /** The clientOid's record says Processing: not settled, so this is no rejection. */
        RECORDED_PROCESSING("43137", "transfer in progress", null);

        private final String code;
        private final String message;
        private final RejectionReason reason;

        Refusal(String code, String message, RejectionReason reason) {
            this.code = code;
            this.message = message;
            this.reason = reason;
        }

        /** Bitget's code, such as {@code 43012}. */
        public String code() {
            return code;
        }

        /** Bitget's message. */
        public String message() {
            return message;
        }

        /** The rejection's reason, or empty when the refusal proves nothing (the transfer is in progress). */
        public Optional<RejectionReason> reason() {
            return Optional.ofNullable(reason);
        }
    }

    /** A transfer the ledger refused; nothing moved. Stackless: it is control flow. */
    public static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final Refusal refusal;

        Refused(Refusal refusal) {
            super(refusal.message(), null, false, false);
            this.refusal = refusal;
        }

        /** Why. */
        public Refusal refusal() {
            return refusal;
        }
    }

    /**
     * A transfer as the ledger takes it.
     *
     * @param from      the account to debit
     * @param to        the account to credit
     * @param amount    a positive amount
     * @param coin      the coin, compared exactly with the seeded coins
     * @param symbol    the isolated-margin pair; ignored when neither side is isolated margin
     * @param clientOid the idempotency key, or {@code null} for none
     */
    public record Order(AccountType from, AccountType to, BigDecimal amount, String coin, String symbol,
                        String clientOid) {
        /** Checks that every field but the symbol and clientOid is there. */
        public Order {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(coin, "coin");
        }

        /** The order for a domain transfer. */
        public static Order of(Transfer transfer) {
            return new Order(transfer.from(), transfer.to(), transfer.amount(), transfer.coin(), transfer.symbol(),
                    transfer.clientOid());
        }

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

    /** Sets a holding's balance (not negative); its coin becomes known. */
    public synchronized void seed(Holding holding, BigDecimal amount) {
        Objects.requireNonNull(holding, "holding");
        Objects.requireNonNull(amount, "amount");
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("a seeded balance must not be negative, got " + amount.toPlainString());
        }
        balances.put(holding, amount);
        knownCoins.add(holding.coin());
    }

    /** A holding's balance; zero when never seeded or moved there. */
    public synchronized BigDecimal balance(Holding holding) {
        return balances.getOrDefault(Objects.requireNonNull(holding, "holding"), BigDecimal.ZERO);
    }

    /** A snapshot of every balance, by holding. */
    public synchronized Map<Holding, BigDecimal> balances() {
        return Map.copyOf(balances);
    }

    /**
     * Applies the order for this UID, or returns the record first applied under its clientOid.
     *
     * @throws Refused when it is refused; nothing moved then
     */
    public synchronized RecordedTransfer apply(String uid, Order order) {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(order, "order");
        RecordedTransfer earlier = find(uid, order.clientOid());
        if (earlier != null) {
            return switch (earlier.status()) {
                case SUCCESSFUL -> earlier;
                case FAILED -> throw new Refused(Refusal.RECORDED_FAILED);
                case PROCESSING -> throw new Refused(Refusal.RECORDED_PROCESSING);
            };
        }
        if (!knownCoins.contains(order.coin())) {
            throw new Refused(Refusal.UNSUPPORTED_COIN);
        }
        BigDecimal available = balance(order.source());
        if (available.compareTo(order.amount()) < 0) {
            throw new Refused(Refusal.INSUFFICIENT_BALANCE);
        }
        balances.put(order.source(), available.subtract(order.amount()));
        balances.merge(order.target(), order.amount(), BigDecimal::add);
        return keep(uid, order, RecordedTransfer.Status.SUCCESSFUL);
    }

    /**
     * Puts a transfer that moved nothing into this UID's history as failed or processing, so that
     * its clientOid is taken and the history shows that status.
     *
     * @throws IllegalArgumentException for {@code SUCCESSFUL} (apply the transfer instead), for an
     *         order without a clientOid, or for a clientOid already in this UID's history
     */
    public synchronized RecordedTransfer record(String uid, Order order, RecordedTransfer.Status status) {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(status, "status");
        if (status == RecordedTransfer.Status.SUCCESSFUL) {
            throw new IllegalArgumentException("a Successful record moves money: make the transfer instead");
        }
        if (order.clientOid() == null) {
            throw new IllegalArgumentException("a recorded transfer needs a clientOid");
        }
        if (find(uid, order.clientOid()) != null) {
            throw new IllegalArgumentException("clientOid " + order.clientOid() + " is already in the history of "
                    + uid);
        }
        return keep(uid, order, status);
    }

    private RecordedTransfer keep(String uid, Order order, RecordedTransfer.Status status) {
        RecordedTransfer record = new RecordedTransfer(uid, Long.toString(nextTransferId++), order.clientOid(),
                order.from(), order.to(), order.amount(), order.coin(), order.recordedSymbol(), clock.instant(),
                status);
        history.add(record);
        if (order.clientOid() != null) {
            byUidAndClientOid.computeIfAbsent(uid, u -> new HashMap<>()).put(order.clientOid(), record);
        }
        return record;
    }

    /** This UID's record under {@code clientOid}, or null (always null for a null clientOid). */
    public synchronized RecordedTransfer find(String uid, String clientOid) {
        if (clientOid == null) {
            return null;
        }
        return byUidAndClientOid.getOrDefault(uid, Map.of()).get(clientOid);
    }

    /** The applied transfers of every UID, in the order they were applied. */
    public synchronized List<RecordedTransfer> applied() {
        return history.stream().filter(RecordedTransfer::applied).toList();
    }

    /** How many applied transfers carry this clientOid, over every UID: 0 or 1 for one UID. */
    public synchronized long appliedCount(String clientOid) {
        return history.stream().filter(t -> t.applied() && Objects.equals(t.clientOid(), clientOid)).count();
    }

    /** This UID's history, every status, newest first (by time, then by transferId). */
    public synchronized List<RecordedTransfer> history(String uid) {
        Objects.requireNonNull(uid, "uid");
        return history.stream().filter(t -> t.uid().equals(uid))
                .sorted(Comparator.comparing(RecordedTransfer::time)
                        .thenComparing(t -> Long.parseLong(t.transferId())).reversed())
                .toList();
    }
}
