package dev.transfers.bitget.testkit;

import static dev.transfers.bitget.testkit.Transfers.amount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.transfers.bitget.domain.AccountType;
import dev.transfers.bitget.domain.Holding;
import dev.transfers.bitget.domain.RejectionReason;
import dev.transfers.bitget.domain.Transfer;
import dev.transfers.bitget.domain.TransferGateway;
import dev.transfers.bitget.domain.TransferHistory;
import dev.transfers.bitget.domain.TransferOutcomeUnknownException;
import dev.transfers.bitget.domain.TransferQuery;
import dev.transfers.bitget.domain.TransferReceipt;
import dev.transfers.bitget.domain.TransferRejectedException;
import dev.transfers.bitget.domain.TransferStatus;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The behaviour every {@link TransferGateway} implementation must show. An adapter's test extends
 * this class and implements the three required hooks ({@link #gateway()}, {@link #seedBalance},
 * {@link #balanceOf}); an adapter is done when it passes.
 *
 * <p>Each test starts from an empty exchange: create the gateway and its exchange afresh for each
 * test (in a {@code @BeforeEach}), or otherwise make sure no balance or clientOid carries over.
 * Concurrency is bounded (at most {@value #CONCURRENT_ATTEMPTS} calls) so that a rate-limited
 * adapter passes in a few seconds.
 *
 * <p>The optional hooks have defaults that suit Bitget: the coin ({@link #coin()}), the accounts of
 * an ordinary transfer ({@link #fromAccount()}, {@link #toAccount()}, {@link #otherAccount()}), the
 * isolated-margin symbols ({@link #isolatedMarginSymbol()}, {@link #otherIsolatedMarginSymbol()}), a
 * coin the exchange does not know ({@link #coinNeverSeeded()}), and a way to lose an answer
 * ({@link #applyNextTransferButLoseTheAnswer()}, off by default: the lost-answer case is then
 * reported as skipped, with the reason, and the "only the port's exceptions" case drives
 * rejections only).
 *
 * <p>Every test method is public, so a subclass in any package can override one. To leave a case
 * out, for an exchange that has no isolated margin say, override it with {@code @Test} and
 * {@code @Disabled("the reason")}: it is then reported as skipped, never silently dropped.
 */
public abstract class TransferGatewayContract {
    /** How many transfers the concurrency test sends at once, from {@value #THREADS} threads. */
    protected static final int CONCURRENT_ATTEMPTS = 20;
    /** How many threads the concurrency test sends {@value #CONCURRENT_ATTEMPTS} transfers from. */
    protected static final int THREADS = 8;

    /**
     * The gateway under test, over an exchange that was empty when the test began.
     *
     * <p>Return the same instance for the whole of one test, and a new one, over an empty exchange,
     * for the next: a test calls this several times and expects one gateway. The concurrency test
     * shares that one instance among {@value #THREADS} threads, as an application would (one rate
     * limit, one connection pool), so it must be thread safe.
     */
    protected abstract TransferGateway gateway();

    /** Sets the balance of {@code holding} on the exchange behind {@link #gateway()}. */
    protected abstract void seedBalance(Holding holding, BigDecimal amount);

    /** The balance of {@code holding} on the exchange behind {@link #gateway()}; zero when none. */
    protected abstract BigDecimal balanceOf(Holding holding);

    /**
     * The coin every test moves; {@code USDT} unless overridden. The tests seed it before they
     * move it, so the exchange knows it.
     */
    protected String coin() {
        return Transfers.COIN;
    }

    /** The account an ordinary transfer leaves: {@link AccountType#SPOT} unless overridden; not isolated margin. */
    protected AccountType fromAccount() {
        return AccountType.SPOT;
    }

    /** The account an ordinary transfer enters: {@link AccountType#USDT_FUTURES} unless overridden; not isolated margin. */
    protected AccountType toAccount() {
        return AccountType.USDT_FUTURES;
    }

    /**
     * A third account, which a transfer reusing a clientOid tries to reach (and must not):
     * {@link AccountType#CROSSED_MARGIN} unless overridden; differs from {@link #fromAccount()} and
     * {@link #toAccount()}, and is not isolated margin.
     */
    protected AccountType otherAccount() {
        return AccountType.CROSSED_MARGIN;
    }

    /** The isolated-margin trading pair the isolated-margin test moves {@link #coin()} to: {@code BTCUSDT} unless overridden. */
    protected String isolatedMarginSymbol() {
        return "BTCUSDT";
    }

    /**
     * A second isolated-margin trading pair, whose balance must be kept apart from the first one's:
     * {@code ETHUSDT} unless overridden.
     */
    protected String otherIsolatedMarginSymbol() {
        return "ETHUSDT";
    }

    /**
     * A coin the exchange has never held in any account, which it must reject as
     * {@link RejectionReason#UNSUPPORTED_COIN_OR_SYMBOL}: {@code NOSUCHCOIN} unless overridden.
     */
    protected String coinNeverSeeded() {
        return "NOSUCHCOIN";
    }

    /**
     * Optional: makes the exchange behind {@link #gateway()} apply the next transfer it receives and
     * then lose the answer (close the connection after applying, time out, ...), and returns
     * {@code true}. The default returns {@code false}, for an adapter whose exchange cannot be
     * scripted so; the lost-answer case is then aborted (reported as skipped) with that reason, and
     * {@link #onlyThePortsExceptionsCrossThePort()} drives rejections only.
     *
     * <p>With an answer lost, the call must end in {@link TransferOutcomeUnknownException} carrying
     * the clientOid, or, for an adapter that settles the doubt itself (by retrying with the same
     * clientOid, say), in the receipt; repeating the same transfer must then return the receipt
     * and move nothing more.
     */
    protected boolean applyNextTransferButLoseTheAnswer() {
        return false;
    }

    /**
     * Optional: the {@link TransferHistory} of the exchange behind {@link #gateway()}, when the
     * adapter offers one (often the gateway itself). The default is empty, for an adapter without a
     * history; the history cases are then aborted (reported as skipped) with that reason.
     *
     * <p>With a history, the contract checks that a transfer made is found as applied with the
     * receipt's transferId, that a clientOid never used is not found, that a transfer whose answer
     * was lost is found applied, and that a rejected transfer is never reported applied.
     */
    protected Optional<TransferHistory> history() {
        return Optional.empty();
    }

    /** A valid transfer of 10 {@link #coin()} from {@link #fromAccount()} to {@link #toAccount()}. */
    protected Transfer.Builder anOrdinaryTransfer() {
        return Transfers.aTransfer().from(fromAccount()).to(toAccount()).coin(coin());
    }

    /** Where an ordinary transfer takes the coin from. */
    protected Holding source() {
        return Holding.of(fromAccount(), coin());
    }

    /** Where an ordinary transfer puts the coin. */
    protected Holding destination() {
        return Holding.of(toAccount(), coin());
    }

    /** A receipt for the exact amount, which moves exactly that much, however small or large. */
    @ParameterizedTest
    @ValueSource(strings = {"12.345", "0.00000001", "100", "99.99999999"})
    public void transferMovesExactlyTheAmount(String moved) {
        seedBalance(source(), amount("100"));
        Transfer transfer = anOrdinaryTransfer().amount(amount(moved)).build();

        TransferReceipt receipt = gateway().transfer(transfer);

        assertThat(receipt.clientOid()).isEqualTo(transfer.clientOid());
        assertThat(receipt.transferId()).isNotBlank();
        assertThat(balanceOf(source())).isEqualByComparingTo(amount("100").subtract(amount(moved)));
        assertThat(balanceOf(destination())).isEqualByComparingTo(amount(moved));
    }

    /** Sending the same transfer twice returns the first receipt and moves the amount once. */
    @Test
    public void repeatedClientOidReturnsTheFirstReceiptAndMovesNothingMore() {
        seedBalance(source(), amount("100"));
        Transfer transfer = anOrdinaryTransfer().amount(amount("10")).build();

        TransferReceipt first = gateway().transfer(transfer);
        TransferReceipt second = gateway().transfer(transfer);

        assertThat(second).isEqualTo(first);
        assertThat(balanceOf(source())).isEqualByComparingTo("90");
        assertThat(balanceOf(destination())).isEqualByComparingTo("10");
    }

    /** A clientOid already used returns the first receipt even when the other fields differ, and moves nothing. */
    @Test
    public void repeatedClientOidWithOtherFieldsStillReturnsTheFirstReceiptAndMovesNothingMore() {
        seedBalance(source(), amount("100"));
        Holding other = Holding.of(otherAccount(), coin());
        Transfer first = anOrdinaryTransfer().amount(amount("10")).build();
        Transfer sameKeyOtherFields = anOrdinaryTransfer().to(otherAccount()).amount(amount("50"))
                .clientOid(first.clientOid()).build();

        TransferReceipt firstReceipt = gateway().transfer(first);
        TransferReceipt secondReceipt = gateway().transfer(sameKeyOtherFields);

        assertThat(secondReceipt).isEqualTo(firstReceipt);
        assertThat(balanceOf(source())).isEqualByComparingTo("90");
        assertThat(balanceOf(destination())).isEqualByComparingTo("10");
        assertThat(balanceOf(other)).isEqualByComparingTo("0");
    }

    /** More than the source holds is rejected as {@link RejectionReason#INSUFFICIENT_BALANCE}, moving nothing. */
    @Test
    public void insufficientBalanceIsRejectedWithThatReasonAndMovesNothing() {
        seedBalance(source(), amount("5"));
        Transfer transfer = anOrdinaryTransfer().amount(amount("5.00000001")).build();

        TransferRejectedException rejected =
                catchThrowableOfType(TransferRejectedException.class, () -> gateway().transfer(transfer));

        assertThat(rejected).as("the transfer must be rejected").isNotNull();
        assertThat(rejected.reason()).isEqualTo(RejectionReason.INSUFFICIENT_BALANCE);
        assertThat(rejected.clientOid()).isEqualTo(transfer.clientOid());
        assertThat(balanceOf(source())).isEqualByComparingTo("5");
        assertThat(balanceOf(destination())).isEqualByComparingTo("0");
    }

    /**
     * A coin the exchange never held is rejected as {@link RejectionReason#UNSUPPORTED_COIN_OR_SYMBOL}
     * (Bitget's 43129), not as an insufficient balance, and moves nothing.
     */
    @Test
    public void aCoinNeverSeededIsRejectedAsUnsupportedAndMovesNothing() {
        String unknownCoin = coinNeverSeeded();
        assertThat(unknownCoin).as("coinNeverSeeded() must differ from coin()").isNotEqualTo(coin());
        seedBalance(source(), amount("100"));
        Transfer transfer = anOrdinaryTransfer().coin(unknownCoin).amount(amount("1")).build();

        TransferRejectedException rejected =
                catchThrowableOfType(TransferRejectedException.class, () -> gateway().transfer(transfer));

        assertThat(rejected).as("a transfer of a coin the exchange never held must be rejected").isNotNull();
        assertThat(rejected.reason()).isEqualTo(RejectionReason.UNSUPPORTED_COIN_OR_SYMBOL);
        assertThat(rejected.clientOid()).isEqualTo(transfer.clientOid());
        assertThat(balanceOf(source())).isEqualByComparingTo("100");
        assertThat(balanceOf(destination())).isEqualByComparingTo("0");
        assertThat(balanceOf(Holding.of(toAccount(), unknownCoin))).isEqualByComparingTo("0");
    }

    /** Isolated margin balances are kept per trading pair: one symbol's balance never covers another's. */
    @Test
    public void isolatedMarginIsKeptPerSymbol() {
        String firstSymbol = isolatedMarginSymbol();
        String secondSymbol = otherIsolatedMarginSymbol();
        seedBalance(source(), amount("100"));
        Holding first = Holding.isolated(firstSymbol, coin());
        Holding second = Holding.isolated(secondSymbol, coin());

        gateway().transfer(toIsolatedMargin(firstSymbol).amount(amount("30")).build());
        gateway().transfer(toIsolatedMargin(secondSymbol).amount(amount("20")).build());

        assertThat(balanceOf(first)).isEqualByComparingTo("30");
        assertThat(balanceOf(second)).isEqualByComparingTo("20");
        assertThat(balanceOf(source())).isEqualByComparingTo("50");

        Transfer moreThanTheSecondHolds = Transfer.builder().from(AccountType.ISOLATED_MARGIN).to(fromAccount())
                .symbol(secondSymbol).coin(coin()).amount(amount("25")).build();
        TransferRejectedException rejected = catchThrowableOfType(TransferRejectedException.class,
                () -> gateway().transfer(moreThanTheSecondHolds));

        assertThat(rejected).as("%s holds 20, not the 30 of %s", secondSymbol, firstSymbol).isNotNull();
        assertThat(rejected.reason()).isEqualTo(RejectionReason.INSUFFICIENT_BALANCE);
        assertThat(balanceOf(first)).isEqualByComparingTo("30");
        assertThat(balanceOf(second)).isEqualByComparingTo("20");
    }

    /** Concurrent transfers from one balance apply exactly as many as it covers, and conserve the total. */
    @Test
    public void concurrentTransfersFromOneBalanceNeverOverdrawItAndConserveTheTotal() throws Exception {
        int funded = CONCURRENT_ATTEMPTS / 2 + 2;
        seedBalance(source(), BigDecimal.valueOf(funded));
        TransferGateway shared = gateway();
        List<Callable<Boolean>> calls = new ArrayList<>();
        for (int i = 0; i < CONCURRENT_ATTEMPTS; i++) {
            Transfer transfer = anOrdinaryTransfer().amount(BigDecimal.ONE).build();
            calls.add(() -> {
                try {
                    shared.transfer(transfer);
                    return true;
                } catch (TransferRejectedException rejected) {
                    assertThat(rejected.reason()).isEqualTo(RejectionReason.INSUFFICIENT_BALANCE);
                    return false;
                }
            });
        }

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        int applied = 0;
        try {
            for (Future<Boolean> result : pool.invokeAll(calls, 2, TimeUnit.MINUTES)) {
                applied += result.get() ? 1 : 0;
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(applied).isEqualTo(funded);
        assertThat(balanceOf(source())).isEqualByComparingTo("0");
        assertThat(balanceOf(destination())).isEqualByComparingTo(BigDecimal.valueOf(funded));
    }

    /**
     * A call whose answer was lost after the exchange applied it ends in doubt (or in the receipt),
     * and repeating the same transfer returns the receipt and moves the amount exactly once.
     * Needs {@link #applyNextTransferButLoseTheAnswer()}.
     */
    @Test
    public void aLostAnswerEndsInDoubtOrTheReceiptAndTheRepeatMovesTheAmountOnce() {
        seedBalance(source(), amount("100"));
        Transfer transfer = anOrdinaryTransfer().amount(amount("10")).build();
        loseTheNextAnswer();

        List<TransferReceipt> firstAnswer = new ArrayList<>(1);
        Throwable thrown = catchThrowable(() -> firstAnswer.add(gateway().transfer(transfer)));
        if (thrown != null) {
            assertThat(thrown).as("a call whose answer was lost ends in a receipt or in doubt")
                    .isInstanceOfSatisfying(TransferOutcomeUnknownException.class,
                            unknown -> assertThat(unknown.clientOid()).isEqualTo(transfer.clientOid()));
        }
        TransferReceipt repeated = gateway().transfer(transfer);

        assertThat(repeated.clientOid()).isEqualTo(transfer.clientOid());
        assertThat(repeated.transferId()).isNotBlank();
        assertThat(firstAnswer).allSatisfy(receipt -> assertThat(receipt).isEqualTo(repeated));
        assertThat(balanceOf(source())).isEqualByComparingTo("90");
        assertThat(balanceOf(destination())).isEqualByComparingTo("10");
    }

    /**
     * Every exception that crosses the port is a {@link TransferRejectedException} or a
     * {@link TransferOutcomeUnknownException} carrying the transfer's clientOid: no transport,
     * parsing or lookup exception, whatever the exchange answered. Drives rejections (more than the
     * balance, the largest amount a transfer allows, a coin never seeded, an isolated-margin pair
     * never funded) and, when {@link #applyNextTransferButLoseTheAnswer()} is supported, a lost answer.
     */
    @Test
    public void onlyThePortsExceptionsCrossThePort() {
        seedBalance(source(), amount("5"));
        Map<String, Transfer> rejectedCases = new LinkedHashMap<>();
        rejectedCases.put("more than the balance", anOrdinaryTransfer().amount(amount("5.00000001")).build());
        rejectedCases.put("the largest amount a transfer allows",
                anOrdinaryTransfer().amount(amount("99999999999999999999.999999999999999999")).build());
        rejectedCases.put("a coin never seeded", anOrdinaryTransfer().coin(coinNeverSeeded()).build());
        rejectedCases.put("from an isolated-margin pair never funded", Transfer.builder()
                .from(AccountType.ISOLATED_MARGIN).symbol(otherIsolatedMarginSymbol()).to(fromAccount())
                .coin(coin()).amount(amount("1")).build());

        List<String> escaped = new ArrayList<>();
        rejectedCases.forEach((what, transfer) -> {
            Throwable thrown = catchThrowable(() -> gateway().transfer(transfer));
            if (!(thrown instanceof TransferRejectedException rejected)
                    || !rejected.clientOid().equals(transfer.clientOid())) {
                escaped.add(what + ": " + describe(thrown));
            }
        });
        assertThat(escaped).as("calls that should have ended in a TransferRejectedException with their clientOid")
                .isEmpty();
        assertThat(balanceOf(source())).isEqualByComparingTo("5");
        assertThat(balanceOf(destination())).isEqualByComparingTo("0");

        if (applyNextTransferButLoseTheAnswer()) {
            Transfer inDoubt = anOrdinaryTransfer().amount(amount("1")).build();
            Throwable thrown = catchThrowable(() -> gateway().transfer(inDoubt));
            assertThat(thrown).as("a lost answer ends in a receipt or in doubt, not in %s", describe(thrown))
                    .satisfiesAnyOf(
                            none -> assertThat(none).isNull(),
                            unknown -> assertThat(unknown).isInstanceOfSatisfying(
                                    TransferOutcomeUnknownException.class,
                                    doubt -> assertThat(doubt.clientOid()).isEqualTo(inDoubt.clientOid())));
        }
    }

    /** A transfer made is in the history as applied, with the receipt's transferId and its own fields. */
    @Test
    public void aTransferMadeIsFoundAppliedWithTheReceiptsTransferId() {
        TransferHistory history = requireHistory();
        seedBalance(source(), amount("100"));
        Transfer transfer = anOrdinaryTransfer().amount(amount("12.5")).build();

        TransferReceipt receipt = gateway().transfer(transfer);
        TransferStatus status = history.statusOf(transfer);

        assertThat(status).isInstanceOfSatisfying(TransferStatus.Applied.class, applied -> {
            assertThat(applied.receipt()).isEqualTo(receipt);
            assertThat(applied.record().from()).isEqualTo(fromAccount());
            assertThat(applied.record().to()).isEqualTo(toAccount());
            assertThat(applied.record().amount()).isEqualByComparingTo("12.5");
            assertThat(applied.record().coin()).isEqualTo(coin());
        });
    }

    /** A clientOid never used is not found, and asking moves nothing. */
    @Test
    public void aClientOidNeverUsedIsNotFound() {
        TransferHistory history = requireHistory();
        seedBalance(source(), amount("100"));
        TransferQuery query = TransferQuery.of(anOrdinaryTransfer().build());

        assertThat(history.statusOf(query)).isEqualTo(new TransferStatus.NotFound(query));
        assertThat(balanceOf(source())).isEqualByComparingTo("100");
    }

    /** A transfer whose answer was lost after the exchange applied it is found applied. */
    @Test
    public void aTransferAppliedInDoubtIsFoundApplied() {
        TransferHistory history = requireHistory();
        seedBalance(source(), amount("100"));
        Transfer transfer = anOrdinaryTransfer().amount(amount("10")).build();
        loseTheNextAnswer();
        catchThrowableOfType(TransferOutcomeUnknownException.class, () -> gateway().transfer(transfer));

        assertThat(history.statusOf(transfer)).isInstanceOf(TransferStatus.Applied.class);
        assertThat(balanceOf(source())).isEqualByComparingTo("90");
    }

    /** A rejected transfer is never reported applied by the history. */
    @Test
    public void aRejectedTransferIsNeverReportedApplied() {
        TransferHistory history = requireHistory();
        seedBalance(source(), amount("5"));
        Transfer transfer = anOrdinaryTransfer().amount(amount("6")).build();
        catchThrowableOfType(TransferRejectedException.class, () -> gateway().transfer(transfer));

        assertThat(history.statusOf(transfer)).isNotInstanceOf(TransferStatus.Applied.class);
    }

    private TransferHistory requireHistory() {
        Optional<TransferHistory> history = history();
        Assumptions.assumeTrue(history.isPresent(),
                "the adapter's test offers no history: override history() to check its TransferHistory");
        return history.get();
    }

    private Transfer.Builder toIsolatedMargin(String symbol) {
        return anOrdinaryTransfer().to(AccountType.ISOLATED_MARGIN).symbol(symbol);
    }

    private void loseTheNextAnswer() {
        Assumptions.assumeTrue(applyNextTransferButLoseTheAnswer(),
                "the adapter's test cannot lose an answer: override applyNextTransferButLoseTheAnswer()"
                        + " to make its exchange apply the next transfer and drop the answer");
    }

    private static String describe(Throwable thrown) {
        return thrown == null ? "a receipt" : thrown.getClass().getName() + ": " + thrown.getMessage();
    }
}
