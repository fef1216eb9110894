package dev.transfers.bitget.app.batch;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/** A request to stop taking rows, from a shutdown hook (Ctrl-C, SIGTERM) or a test. */
public final class StopSignal implements BooleanSupplier {
    private final AtomicBoolean requested = new AtomicBoolean();

    /** Asks the batch to stop taking rows; the rows in flight still end. */
    public void request() {
        requested.set(true);
    }

    /** True once a stop was requested. */
    @Override
    public boolean getAsBoolean() {
        return requested.get();
    }
}
