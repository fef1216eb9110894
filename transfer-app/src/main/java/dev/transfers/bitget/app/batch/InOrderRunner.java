package dev.transfers.bitget.app.batch;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs work over items concurrently and hands the results over in the items' order: at most
 * {@code inFlight} items are worked on at once, and at most {@value #PENDING_PER_WORKER} times as
 * many results wait for an earlier, slower one, so memory stays flat however many items come.
 * Items are taken from the iterator on the calling thread, one by one, as room frees; results are
 * handed over on the calling thread too.
 *
 * <p>A stop request ({@code stop} turning true) ends the taking of items; items already taken but
 * not started are handed over as {@code notStarted}; items in flight end as their work ends (the
 * work's own deadline bounds that), and their results are handed over, in order.
 *
 * @param <T> an item
 * @param <R> its result
 */
public final class InOrderRunner<T, R> {
    /** How many results per worker may wait for an earlier one. */
    static final int PENDING_PER_WORKER = 4;

    private final int inFlight;
    private final Function<T, R> work;
    private final Function<T, R> notStarted;
    private final BooleanSupplier stop;

    /**
     * @param inFlight   the most items worked on at once (1 or more)
     * @param work       the work of one item; it must not throw (return a result that says what failed)
     * @param notStarted the result of an item taken but not started before a stop
     * @param stop       true once no more items should be taken
     */
    public InOrderRunner(int inFlight, Function<T, R> work, Function<T, R> notStarted, BooleanSupplier stop) {
        if (inFlight < 1) {
            throw new IllegalArgumentException("inFlight must be positive: " + inFlight);
        }
        this.inFlight = inFlight;
        this.work = Objects.requireNonNull(work, "work");
        this.notStarted = Objects.requireNonNull(notStarted, "notStarted");
        this.stop = Objects.requireNonNull(stop, "stop");
    }

    /**
     * Runs every item until the iterator ends or a stop is requested, handing each result to
     * {@code inOrder} in the items' order.
     *
     * @return true when every item was taken, false when a stop ended the run first
     */
    public boolean run(Iterator<? extends T> items, Consumer<? super R> inOrder) {
        AtomicInteger workerNumber = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(inFlight, task -> {
            Thread thread = new Thread(task, "batch-row-" + workerNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        Deque<CompletableFuture<R>> pending = new ArrayDeque<>();
        try {
            while (!stop.getAsBoolean() && items.hasNext()) {
                while (pending.size() >= inFlight * PENDING_PER_WORKER
                        || !pending.isEmpty() && pending.peekFirst().isDone()) {
                    inOrder.accept(await(pending.pollFirst()));
                }
                T item = items.next();
                pending.addLast(CompletableFuture.supplyAsync(
                        () -> stop.getAsBoolean() ? notStarted.apply(item) : work.apply(item), workers));
            }
            boolean complete = !stop.getAsBoolean();
            while (!pending.isEmpty()) {
                inOrder.accept(await(pending.pollFirst()));
            }
            return complete;
        } finally {
            workers.shutdownNow();
        }
    }

    /** The work's own deadline bounds the wait; work that throws ends the run with its exception. */
    private static <R> R await(CompletableFuture<R> result) {
        return result.join();
    }
}
