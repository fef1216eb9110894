package dev.transfers.bitget.app;

import dev.transfers.bitget.adapter.fake.simulator.SimulatedBitget;
import dev.transfers.bitget.domain.AccountType;
import java.math.BigDecimal;

/**
 * The simulated Bitget the app starts for {@code simulate}, and embedded when no credentials and no
 * base URL are given. It accepts two public test keys, neither of which guards real money: the
 * simulator's live key, and a demo-trading key (requests must carry {@code paptrading: 1}).
 */
final class DemoExchange {
    /** A demo-trading key registered beside {@link SimulatedBitget#TEST_API_KEY}, for {@code --demo}. */
    static final String PAPTRADING_API_KEY = "bg_simulated_paptrading_key";
    static final String PAPTRADING_UID = "simulated-paptrading-uid";

    private DemoExchange() {
    }

    /** A simulator on 127.0.0.1:{@code port} (0 for any free port) accepting both test keys, not started. */
    static SimulatedBitget.Builder builder(int port) {
        return SimulatedBitget.builder().port(port)
                .withPublicTestCredentials()
                .credentials(SimulatedBitget.Credentials.demoTrading(PAPTRADING_API_KEY,
                        SimulatedBitget.TEST_API_SECRET, SimulatedBitget.TEST_API_PASSPHRASE, PAPTRADING_UID));
    }

    /** The credentials the app uses against the simulator, with or without demo trading. */
    static ApiCredentials credentials(boolean demoTrading) {
        return new ApiCredentials(demoTrading ? PAPTRADING_API_KEY : SimulatedBitget.TEST_API_KEY,
                SimulatedBitget.TEST_API_SECRET, SimulatedBitget.TEST_API_PASSPHRASE);
    }

    /** Seeds the demonstration balances: USDT and BTC in spot, USDT in USDT-M futures and BTCUSDT isolated margin. */
    static void seedDemoBalances(SimulatedBitget sim) {
        sim.seedBalance(AccountType.SPOT, "USDT", new BigDecimal("10000"));
        sim.seedBalance(AccountType.SPOT, "BTC", new BigDecimal("1"));
        sim.seedBalance(AccountType.USDT_FUTURES, "USDT", new BigDecimal("1000"));
        sim.seedBalance(AccountType.ISOLATED_MARGIN, "BTCUSDT", "USDT", new BigDecimal("500"));
        sim.seedBalance(AccountType.ISOLATED_MARGIN, "BTCUSDT", "BTC", new BigDecimal("0"));
    }

    /** What {@code seedDemoBalances} seeds, for messages. */
    static String demoBalancesText() {
        return "spot 10000 USDT and 1 BTC, usdt_futures 1000 USDT, isolated_margin BTCUSDT 500 USDT";
    }
}
