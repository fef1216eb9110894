package dev.transfers.bitget.adapter.fake.simulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Base of the tests that need a fresh {@link SimulatorFixture} simulator and a client for each test. */
abstract class RunningSimulatorTest {
    protected SimulatedBitget sim;
    protected BitgetTestClient client;

    @BeforeEach
    void startSimulator() {
        sim = SimulatorFixture.start();
        client = new BitgetTestClient(sim.baseUri());
    }

    @AfterEach
    void stopSimulator() {
        sim.close();
    }
}
