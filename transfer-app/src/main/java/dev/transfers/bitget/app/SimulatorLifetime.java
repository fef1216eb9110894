package dev.transfers.bitget.app;

import dev.transfers.bitget.adapter.fake.simulator.SimulatedBitget;
import java.util.concurrent.CountDownLatch;

/** How long {@code simulate} keeps its simulator running; tests use their own to call it and stop it. */
@FunctionalInterface
interface SimulatorLifetime {

    /** Returns when the simulator should stop; the command then closes it. */
    void runUntilStopped(SimulatedBitget simulator) throws InterruptedException;

    /** Runs until the process is interrupted (Ctrl+C, SIGTERM); a shutdown hook closes the simulator. */
    static SimulatorLifetime untilInterrupted() {
        return simulator -> {
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                simulator.close();
                stopped.countDown();
            }, "bitget-transfer-simulator-shutdown"));
            stopped.await();
        };
    }
}
