package dev.transfers.bitget.app.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class InOrderRunnerTest {
    private static final StopSignal NEVER = new StopSignal();

    @Test
    void resultsAreHandedOverInItemOrderWhateverOrderTheWorkEnds() {
        CountDownLatch laterItemDone = new CountDownLatch(1);
        List<Integer> finished = Collections.synchronizedList(new ArrayList<>());
        InOrderRunner<Integer, Integer> runner = new InOrderRunner<>(4, item -> {
            if (item == 0) {
                await(laterItemDone); // the first item ends only after the fourth
            }
            finished.add(item);
            if (item == 3) {
                laterItemDone.countDown();
            }
            return item;
        }, item -> -item, NEVER);
        List<Integer> handedOver = new ArrayList<>();

        assertThat(runner.run(IntStream.range(0, 40).iterator(), handedOver::add)).isTrue();

        assertThat(finished.indexOf(3)).as("the work ended out of order").isLessThan(finished.indexOf(0));
        assertThat(handedOver).containsExactlyElementsOf(IntStream.range(0, 40).boxed().toList());
    }

    @Test
    void neverMoreInFlightOrWaitingThanTheBounds() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostRunning = new AtomicInteger();
        AtomicInteger taken = new AtomicInteger();
        AtomicInteger handedOver = new AtomicInteger();
        AtomicInteger mostOutstanding = new AtomicInteger();
        CountDownLatch headMayEnd = new CountDownLatch(1);
        InOrderRunner<Integer, Integer> runner = new InOrderRunner<>(3, item -> {
            mostRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
            if (item == 0) {
                await(headMayEnd); // a slow first row: the others finish and wait behind it
            }
            running.decrementAndGet();
            return item;
        }, item -> item, NEVER);
        Iterator<Integer> items = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return taken.get() < 1000;
            }

            @Override
            public Integer next() {
                int outstanding = taken.incrementAndGet() - handedOver.get();
                mostOutstanding.accumulateAndGet(outstanding, Math::max);
                if (outstanding == 3 * InOrderRunner.PENDING_PER_WORKER) {
                    headMayEnd.countDown();
                }
                return taken.get() - 1;
            }
        };

        runner.run(items, result -> handedOver.incrementAndGet());

        assertThat(handedOver).hasValue(1000);
        assertThat(mostRunning.get()).isBetween(1, 3);
        assertThat(mostOutstanding).as("results held in memory at once").hasValue(3 * InOrderRunner.PENDING_PER_WORKER);
    }

    @Test
    void aStopTakesNoMoreItemsAndHandsOverEveryItemTakenInOrder() {
        StopSignal stop = new StopSignal();
        AtomicInteger taken = new AtomicInteger();
        List<String> handedOver = new ArrayList<>();
        InOrderRunner<Integer, String> runner = new InOrderRunner<>(2, item -> "done " + item,
                item -> "not started " + item, stop);
        Iterator<Integer> items = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true; // a file without end
            }

            @Override
            public Integer next() {
                return taken.getAndIncrement();
            }
        };

        boolean complete = runner.run(items, result -> {
            handedOver.add(result);
            if (handedOver.size() == 5) {
                stop.request();
            }
        });

        assertThat(complete).isFalse();
        assertThat(taken.get()).isLessThanOrEqualTo(5 + 2 * InOrderRunner.PENDING_PER_WORKER);
        assertThat(handedOver).hasSize(taken.get());
        for (int i = 0; i < handedOver.size(); i++) {
            assertThat(handedOver.get(i)).endsWith(" " + i);
        }
        assertThat(handedOver.subList(0, 5)).allSatisfy(result -> assertThat(result).startsWith("done"));
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(20, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
