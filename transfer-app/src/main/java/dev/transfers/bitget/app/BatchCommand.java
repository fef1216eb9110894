package dev.transfers.bitget.app;

import dev.transfers.bitget.app.batch.BatchClientOids;
import dev.transfers.bitget.app.batch.BatchFile;
import dev.transfers.bitget.app.batch.BatchFileException;
import dev.transfers.bitget.app.batch.BatchRow;
import dev.transfers.bitget.domain.InvalidTransferException;
import dev.transfers.bitget.domain.Transfer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code batch FILE}: the transfers of a CSV file, one after another through one gateway. */
@Command(name = "batch", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Runs every transfer of a CSV file through one connection (so the client rate limit of 10 requests"
                + " per second holds across rows), printing one result per row and a summary.",
            "The file is UTF-8 CSV with the header from,to,amount,coin,symbol,clientOid; symbol and clientOid may be"
                + " empty. A malformed or invalid row is reported with its line number and the other rows still run.",
            "",
            "A row without a clientOid gets one derived from the file NAME, the row's normalised fields and how many"
                + " identical rows come before it: 'b-' + the first 62 hex digits of SHA-256 over them. Running the"
                + " same file again, or the file with a failed row corrected, therefore never applies a transfer that"
                + " was already applied: the exchange answers a repeated clientOid with the first result.",
            "",
            "A row whose outcome is unknown is looked up once more in Bitget's transfer records before it is reported;"
                + " 'bitget-transfer status' looks one up later.",
            "",
            "The exit code is the worst row's: 1 (unexpected) > 4 (outcome unknown) > 5 (unreachable)"
                + " > 3 (rejected) > 2 (invalid row) > 0. A missing or wrong header or an unreadable file is 2."})
final class BatchCommand implements Callable<Integer> {
    private final AppContext context;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The CSV file of transfers.")
    Path file;

    @Mixin
    ExchangeOptions exchange;

    BatchCommand(AppContext context) {
        this.context = context;
    }

    /** A row ready to send, or the reasons it is not sent. */
    private record Prepared(long line, Transfer transfer, List<String> problems) {
    }

    @Override
    public Integer call() {
        ResultPrinter printer = new ResultPrinter(spec.commandLine().getOut(), spec.commandLine().getErr(),
                exchange.json, exchange.verbose);
        List<BatchRow> rows;
        try {
            rows = BatchFile.read(file);
        } catch (BatchFileException e) {
            throw new UsageException(e.getMessage());
        }
        ExchangeSession.check(exchange, context.environment());
        List<Prepared> prepared = prepare(rows);

        Map<ExitCode, Integer> counts = new EnumMap<>(ExitCode.class);
        if (prepared.stream().anyMatch(row -> row.transfer() != null)) {
            try (ExchangeSession session = ExchangeSession.open(exchange, context.environment(),
                    context.gateways(), spec.commandLine().getErr())) {
                for (Prepared row : prepared) {
                    counts.merge(run(row, session, printer), 1, Integer::sum);
                }
            }
        } else {
            for (Prepared row : prepared) {
                counts.merge(run(row, null, printer), 1, Integer::sum);
            }
        }
        ExitCode worst = ExitCode.worst(counts.keySet());
        printer.printSummary(summary(rows.size(), counts, worst));
        return worst.code();
    }

    private List<Prepared> prepare(List<BatchRow> rows) {
        BatchClientOids clientOids = new BatchClientOids(String.valueOf(file.getFileName()));
        List<Prepared> prepared = new ArrayList<>();
        for (BatchRow row : rows) {
            if (row.malformation().isPresent()) {
                prepared.add(new Prepared(row.line(), null, List.of(row.malformation().get())));
                continue;
            }
            try {
                Transfer parsed = Transfer.parse(row.from(), row.to(), row.amount(), row.coin(), row.symbol(),
                        row.clientOid());
                Transfer transfer = row.clientOid().isEmpty()
                        ? new Transfer(parsed.from(), parsed.to(), parsed.amount(), parsed.coin(), parsed.symbol(),
                                clientOids.next(parsed))
                        : parsed;
                prepared.add(new Prepared(row.line(), transfer, List.of()));
            } catch (InvalidTransferException invalid) {
                prepared.add(new Prepared(row.line(), null, ResultPrinter.describe(invalid)));
            }
        }
        return prepared;
    }

    private static ExitCode run(Prepared row, ExchangeSession session, ResultPrinter printer) {
        if (row.transfer() == null) {
            printer.printInvalidRow(row.line(), row.problems());
            return ExitCode.INVALID_INPUT;
        }
        // A row in doubt asks the records once more before it is reported: by now a request of it
        // that was still in flight when its call ended may have been applied and recorded.
        TransferResult result = TransferResult.send(session.gateway(), row.transfer())
                .settledBy(session.history());
        printer.printRow(row.line(), result);
        return result.exitCode();
    }

    private String summary(int rows, Map<ExitCode, Integer> counts, ExitCode worst) {
        String parts = counts.entrySet().stream()
                .map(entry -> entry.getValue() + " " + ResultPrinter.status(entry.getKey()))
                .collect(Collectors.joining(", "));
        return "batch " + file.getFileName() + ": " + rows + (rows == 1 ? " row" : " rows")
                + (parts.isEmpty() ? "" : ": " + parts) + "; exit code " + worst.code();
    }
}
