package dev.transfers.bitget.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import org.junit.jupiter.api.Test;

/** The send window on fake time: every instant asserted is the fake clock's, never the wall clock's. */
class SendWindowTest {
    private static final Duration WINDOW = Duration.ofMillis(1000);
    /** An exchange clock far from this host's nanoTime origin: only differences may matter. */
    private static final long EXCHANGE_EPOCH_MILLIS = 1_700_000_000_000L;

    /**
     * Fake time. A wait advances it by the whole timeout at once, unless the window signals first:
     * a signal must come while the waiter really waits (bounded by a real safety timeout that only a
     * broken wake-up reaches), so a waiter that is not woken proceeds at a later fake instant.
     */
    private static final class FakeTicker implements SendWindow.Ticker {
        private final AtomicLong now = new AtomicLong();
        private final boolean waitForSignals;

        FakeTicker(boolean waitForSignals) {
            this.waitForSignals = waitForSignals;
        }

        @Override
        public long nanoTime() {
            return now.get();
        }

        @Override
        public void await(Condition condition, long nanos) throws InterruptedException {
            if (!waitForSignals || !condition.await(10, TimeUnit.SECONDS)) {
                now.addAndGet(nanos);
            }
        }

        void at(double millis) {
            now.set(Math.round(millis * 1_000_000));
        }
    }

    private static SendWindow window(int slots, FakeTicker ticker) {
        return new SendWindow(slots, WINDOW, ticker);
    }

    private static OptionalLong answeredAt(long exchangeMillisAfterEpoch) {
        return OptionalLong.of(EXCHANGE_EPOCH_MILLIS + exchangeMillisAfterEpoch);
    }

    @Test
    void slotsInFlightAreNotGivenAgain() throws Exception {
        FakeTicker time = new FakeTicker(false);
        SendWindow window = window(3, time);

        assertThat(window.grant(Duration.ZERO)).isPresent();
        assertThat(window.grant(Duration.ZERO)).isPresent();
        assertThat(window.grant(Duration.ZERO)).isPresent();
        time.at(60_000);
        assertThat(window.grant(Duration.ZERO)).as("all three in flight, however long").isEmpty();
    }

    @Test
    void withoutADatedAnswerASlotComesFreeExactlyAWindowAfterTheAttemptEnded() throws Exception {
        FakeTicker time = new FakeTicker(false);
        SendWindow window = window(1, time);
        long granted = window.grant(Duration.ZERO).orElseThrow();
        time.at(300);
        window.release(granted, OptionalLong.empty(), false);

        time.at(1299.999);
        assertThat(window.grant(Duration.ZERO)).as("counted from the end of the attempt, not its start").isEmpty();
        time.at(1300);
        assertThat(window.grant(Duration.ZERO)).isPresent();
    }

    @Test
    void aDatedAnswerFreesTheSlotWhenTheNextRequestCannotArriveWithinTheWindowOfIt() throws Exception {
        FakeTicker time = new FakeTicker(false);
        SendWindow window = window(1, time);
        long granted = window.grant(Duration.ZERO).orElseThrow();
        time.at(200); // a 200 ms round trip, handled at exchange time +100 ms
        window.release(granted, answeredAt(100), false);

        // next arrival >= t + (requestTime - grant) must be >= requestTime + 1 ms + window + margin:
        // t >= 1 + 1000 + 10 ms after the grant, not 1000 ms after the end (1200 ms)
        time.at(1010.999);
        assertThat(window.grant(Duration.ZERO)).isEmpty();
        time.at(1011);
        assertThat(window.grant(Duration.ZERO)).as("the round trip is not charged").isPresent();
    }

    @Test
    void theLeastDelayOfRecentAnswersPredictsTheNextArrival() throws Exception {
        FakeTicker time = new FakeTicker(false);
        SendWindow window = window(2, time);
        long first = window.grant(Duration.ZERO).orElseThrow();
        long second = window.grant(Duration.ZERO).orElseThrow();
        time.at(250);
        window.release(first, answeredAt(100), false);  // 100 ms from grant to handling
        window.release(second, answeredAt(80), false);  // 80 ms: the least

        // the second's slot: 81 + 1010 - 80; the first's: 101 + 1010 - 80 (not - 100)
        time.at(1010.999);
        assertThat(window.grant(Duration.ZERO)).isEmpty();
        time.at(1011);
        assertThat(window.grant(Duration.ZERO)).isPresent();
        time.at(1030.999);
        assertThat(window.grant(Duration.ZERO)).as("a request may be as fast as the fastest seen").isEmpty();
        time.at(1031);
        assertThat(window.grant(Duration.ZERO)).isPresent();
    }

    @Test
    void aDatedAnswerNeverHoldsTheSlotLongerThanTheEndOfItsAttemptWould() throws Exception {
        FakeTicker time = new FakeTicker(false);
        SendWindow window = window(2, time);
        long slow = window.grant(Duration.ZERO).orElseThrow();
        long fast = window.grant(Duration.ZERO).orElseThrow();
        time.at(5);
        window.release(fast, answeredAt(1), false);
        time.at(10);
        window.release(slow, answeredAt(400), false); // 400 ms from grant to handling: would free at 1410

        time.at(1004.999);
        assertThat(window.grant(Duration.ZERO)).isEmpty();
        time.at(1005);
        assertThat(window.grant(Duration.ZERO)).as("its end + window (1005) comes before 2 + 1010 - 1").isPresent();
        time.at(1009.999);
        assertThat(window.grant(Duration.ZERO)).isEmpty();
        time.at(1010);
        assertThat(window.grant(Duration.ZERO)).as("the end of the attempt bounds the arrival too").isPresent();
    }

    @Test
    void onlyTheLatestAnswersPredictTheDelay() throws Exception {
        FakeTicker time = new FakeTicker(false);
        SendWindow window = window(1, time);
        long first = window.grant(Duration.ZERO).orElseThrow();
        time.at(1);
        window.release(first, answeredAt(0), false); // a delay of 0 ms, then 64 answers of 50 ms
        long grantedAt = 0;
        for (int i = 1; i <= SendWindow.DELAY_SAMPLES; i++) {
            grantedAt = i * 2_000L;
            time.at(grantedAt);
            long granted = window.grant(Duration.ZERO).orElseThrow();
            time.at(grantedAt + 100);
            window.release(granted, answeredAt(grantedAt + 50), false);
        }

        // with the 0 ms answer forgotten: 51 + 1010 - 50 after the last grant, not 51 + 1010 - 0
        time.at(grantedAt + 1010.999);
        assertThat(window.grant(Duration.ZERO)).isEmpty();
        time.at(grantedAt + 1011);
        assertThat(window.grant(Duration.ZERO)).isPresent();
    }

    @Test
    void aTooManyRequestsAnswerHoldsEverySlotBriefly() throws Exception {
        FakeTicker time = new FakeTicker(false);
        SendWindow window = window(10, time);
        long granted = window.grant(Duration.ZERO).orElseThrow();
        time.at(100);
        window.release(granted, answeredAt(50), true);

        time.at(199.999);
        assertThat(window.grant(Duration.ZERO)).as("nine slots free, but held after the 429").isEmpty();
        time.at(200);
        assertThat(window.grant(Duration.ZERO)).isPresent();
    }

    @Test
    void aWaiterProceedsAtTheReleaseThatFreesItsSlot() throws Exception {
        FakeTicker time = new FakeTicker(true);
        SendWindow window = window(1, time);
        long granted = window.grant(Duration.ZERO).orElseThrow();
        time.at(5_000);
        CompletableFuture<OptionalLong> waiter = new CompletableFuture<>();
        Thread waiting = new Thread(() -> {
            try {
                waiter.complete(window.grant(Duration.ofSeconds(30)));
            } catch (InterruptedException | RuntimeException e) {
                waiter.completeExceptionally(e);
            }
        }, "send-window-waiter");
        waiting.start();
        for (int i = 0; i < 2000 && waiting.getState() != Thread.State.TIMED_WAITING; i++) {
            Thread.onSpinWait();
            Thread.sleep(1);
        }

        window.release(granted, answeredAt(20), false); // frees the slot at once (1031 ms < 5 s)

        assertThat(waiter.get(30, TimeUnit.SECONDS)).as("granted at the release, not at its timeout")
                .hasValue(TimeUnit.MILLISECONDS.toNanos(5_000));
    }

    @Test
    void whenNothingIsInFlightAndNoSlotFreesBeforeTheDeadlineItSaysSoAtOnce() throws Exception {
        FakeTicker time = new FakeTicker(false);
        SendWindow window = new SendWindow(1, WINDOW, new SendWindow.Ticker() {
            @Override
            public long nanoTime() {
                return time.nanoTime();
            }

            @Override
            public void await(Condition condition, long nanos) {
                throw new AssertionError("waited " + nanos + " ns for a slot that cannot come in time");
            }
        });
        long granted = window.grant(Duration.ZERO).orElseThrow();
        window.release(granted, OptionalLong.empty(), false);

        assertThat(window.grant(Duration.ofMillis(999))).isEmpty();
    }
}
