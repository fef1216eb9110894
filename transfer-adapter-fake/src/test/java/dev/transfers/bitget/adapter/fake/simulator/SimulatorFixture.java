package dev.transfers.bitget.adapter.fake.simulator;

import dev.transfers.bitget.domain.AccountType;
import java.math.BigDecimal;
import java.time.Clock;

/** Credentials and starting balances shared by the simulator's tests. */
final class SimulatorFixture {
    static final SimulatedBitget.Credentials LIVE =
            SimulatedBitget.Credentials.live("live-key-1", "live-secret-1", "live-pass-1", "uid-1");
    static final SimulatedBitget.Credentials OTHER_UID =
            SimulatedBitget.Credentials.live("live-key-2", "live-secret-2", "live-pass-2", "uid-2");
    static final SimulatedBitget.Credentials DEMO_TRADING =
            SimulatedBitget.Credentials.demoTrading("demo-key-1", "demo-secret-1", "demo-pass-1", "uid-3");

    private SimulatorFixture() {
    }

    /** A simulator with the three keys above, 1000 USDT in spot and 5 USDT in isolated margin BTCUSDT. */
    static SimulatedBitget start(Clock clock) {
        SimulatedBitget sim = SimulatedBitget.builder()
                .credentials(LIVE)
                .credentials(OTHER_UID)
                .credentials(DEMO_TRADING)
                .clock(clock)
                .start();
        sim.seedBalance(AccountType.SPOT, "USDT", new BigDecimal("1000"));
        sim.seedBalance(AccountType.ISOLATED_MARGIN, "BTCUSDT", "USDT", new BigDecimal("5"));
        return sim;
    }

    static SimulatedBitget start() {
        return start(Clock.systemUTC());
    }
}
