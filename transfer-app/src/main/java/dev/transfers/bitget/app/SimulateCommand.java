package dev.transfers.bitget.app;

import dev.transfers.bitget.adapter.fake.simulator.SimulatedBitget;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code simulate}: a simulated Bitget in the foreground, for trying the CLI or your own bot safely. */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs a simulated Bitget on 127.0.0.1 until interrupted (Ctrl+C). It serves"
                + " POST /api/v2/spot/wallet/transfer and GET /api/v2/public/time as Bitget does: signatures,"
                + " timestamps, rate limit, balances, clientOid idempotency and error codes.",
            "It prints its base URL and the public test credentials it accepts; they guard no real money."})
final class SimulateCommand implements Callable<Integer> {
    private final AppContext context;

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "PORT",
            description = "Port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--balance", paramLabel = "SPEC", converter = BalanceSpec.Converter.class,
            description = {"Starting balance, repeatable: ACCOUNT:COIN=AMOUNT or isolated_margin:SYMBOL:COIN=AMOUNT,"
                + " such as spot:USDT=1000 or isolated_margin:BTCUSDT:USDT=500.",
                "Default: spot 10000 USDT and 1 BTC, usdt_futures 1000 USDT, isolated_margin BTCUSDT 500 USDT."})
    List<BalanceSpec> balances = new ArrayList<>();

    @Option(names = "--verbose", description = "Stack traces for unexpected errors.")
    boolean verbose;

    SimulateCommand(AppContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65_535) {
            throw new UsageException("--port must be 0 to 65535, not " + port);
        }
        SimulatedBitget simulator;
        try {
            simulator = DemoExchange.builder(port).start();
        } catch (UncheckedIOException e) {
            err.println("error: cannot start the simulator: " + e.getMessage()
                    + (e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")")
                    + "; choose another --port, or --port 0 for any free port");
            err.flush();
            return ExitCode.UNEXPECTED.code();
        }
        try {
            String seeded;
            if (balances.isEmpty()) {
                DemoExchange.seedDemoBalances(simulator);
                seeded = DemoExchange.demoBalancesText();
            } else {
                balances.forEach(balance -> balance.seed(simulator));
                seeded = balances.stream().map(BalanceSpec::toString).collect(Collectors.joining(", "));
            }
            printBanner(out, simulator, seeded);
            context.simulatorLifetime().runUntilStopped(simulator);
            return ExitCode.APPLIED.code();
        } finally {
            simulator.close();
        }
    }

    private static void printBanner(PrintWriter out, SimulatedBitget simulator, String seeded) {
        ApiCredentials live = DemoExchange.credentials(false);
        out.println("Simulated Bitget listening on " + simulator.baseUri());
        out.println("Balances: " + seeded);
        out.println("It accepts these public test credentials (they guard nothing but this simulator):");
        out.println("  export BITGET_API_KEY=" + live.apiKey());
        out.println("  export BITGET_API_SECRET=" + live.secret());
        out.println("  export BITGET_API_PASSPHRASE=" + live.passphrase());
        out.println("  (demo trading with --demo: BITGET_API_KEY=" + DemoExchange.PAPTRADING_API_KEY
                + ", same secret and passphrase)");
        out.println("Then: bitget-transfer transfer --base-url " + simulator.baseUri()
                + " --from spot --to usdt_futures --amount 25 --coin USDT");
        out.println("Press Ctrl+C to stop.");
        out.flush();
    }
}
