package dev.transfers.bitget.app;

import dev.transfers.bitget.domain.InvalidTransferException;
import dev.transfers.bitget.domain.Transfer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code transfer}: one transfer, from options. */
@Command(name = "transfer", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Transfers an amount of a coin from one of your Bitget accounts to another.",
            "Account types: spot, p2p, coin_futures, usdt_futures, usdc_futures, crossed_margin, isolated_margin.",
            "Prints 'applied transferId=... clientOid=...' on success."})
final class TransferCommand implements Callable<Integer> {
    private final AppContext context;

    @Spec
    CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "ACCOUNT", description = "Account the amount leaves.")
    String from;

    @Option(names = "--to", required = true, paramLabel = "ACCOUNT", description = "Account the amount enters.")
    String to;

    @Option(names = "--amount", required = true, paramLabel = "AMOUNT",
            description = "Plain decimal greater than 0, such as 300 or 0.5.")
    String amount;

    @Option(names = "--coin", required = true, paramLabel = "COIN", description = "Coin, such as USDT.")
    String coin;

    @Option(names = "--symbol", paramLabel = "SYMBOL",
            description = "Trading pair, such as BTCUSDT: required when either side is isolated_margin, refused otherwise.")
    String symbol;

    @Option(names = "--client-oid", paramLabel = "ID", description = {
        "Idempotency key: 1 to 64 of A-Z a-z 0-9 . _ : - (default: a new random one).",
        "Repeating a transfer with the same clientOid never applies it twice: it returns the first result."})
    String clientOid;

    @Mixin
    ExchangeOptions exchange;

    TransferCommand(AppContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ResultPrinter printer = new ResultPrinter(spec.commandLine().getOut(), spec.commandLine().getErr(),
                exchange.json, exchange.verbose);
        List<String> problems = new ArrayList<>();
        Transfer transfer = null;
        try {
            transfer = Transfer.parse(from, to, amount, coin, symbol, clientOid);
        } catch (InvalidTransferException invalid) {
            problems.addAll(ResultPrinter.describe(invalid));
        }
        try {
            ExchangeSession.check(exchange, context.environment());
        } catch (UsageException usage) {
            problems.addAll(usage.problems());
        }
        if (!problems.isEmpty()) {
            printer.printInvalid(problems);
            return ExitCode.INVALID_INPUT.code();
        }
        try (ExchangeSession session = ExchangeSession.open(exchange, context.environment(), context.gateways(),
                spec.commandLine().getErr())) {
            TransferResult result = TransferResult.send(session.gateway(), transfer);
            printer.printTransfer(result);
            return result.exitCode().code();
        }
    }
}
