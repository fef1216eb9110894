package dev.transfers.bitget.app;

import dev.transfers.bitget.app.batch.BatchClientOids;
import dev.transfers.bitget.app.batch.BatchFile;
import dev.transfers.bitget.app.batch.BatchFileException;
import dev.transfers.bitget.app.batch.BatchRow;
import dev.transfers.bitget.app.batch.InOrderRunner;
import dev.transfers.bitget.app.batch.StopSignal;
import dev.transfers.bitget.domain.InvalidTransferException;
import dev.transfers.bitget.domain.Transfer;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code batch FILE}: the transfers of a CSV file, concurrently through one gateway, reported in row order. */
@Command(name = "batch", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Runs every transfer of a CSV file through one gateway (so the client rate limit of 10 requests"
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
            "Rows go out concurrently (up to --rows-in-flight at once, within the rate limit) and are printed in file order. The file"
                + " is streamed, so a file of any length takes the same memory. Ctrl-C or SIGTERM stops taking rows,"
                + " lets the rows in flight end, prints the summary so far, and says so: running the same file again"
                + " resumes, since the rows already applied are not applied again.",
            "",
            "The exit code is the worst row's: 1 (unexpected) > 4 (outcome unknown) > 5 (unreachable)"
                + " > 3 (rejected) > 2 (invalid row) > 0. A missing or wrong header or an unreadable file is 2."})
final class BatchCommand implements Callable<Integer> {
    /** The most rows in flight at once: enough to keep 10 requests a second busy at round trips of 1 s and more. */
    static final int ROWS_IN_FLIGHT = 16;
    /** The most rows in flight a user may ask for. */
    static final int MAX_ROWS_IN_FLIGHT = 64;
    /** How long a shutdown hook lets the rows in flight end and the summary print. */
    private static final long STOP_GRACE_SECONDS = 120;

    private final AppContext context;
    /** The stop a test requests, or null: then Ctrl-C and SIGTERM request it through a shutdown hook. */
    private final StopSignal injectedStop;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The CSV file of transfers.")
    Path file;

    @Option(names = "--rows-in-flight", paramLabel = "N", defaultValue = "" + ROWS_IN_FLIGHT,
            description = "The most rows sent at once, 1 to " + MAX_ROWS_IN_FLIGHT + " (default: ${DEFAULT-VALUE});"
                    + " 1 sends one row after another.")
    int rowsInFlight;

    @Mixin
    ExchangeOptions exchange;

    BatchCommand(AppContext context) {
        this(context, null);
    }

    /** With a stop a test requests instead of a signal. */
    BatchCommand(AppContext context, StopSignal stop) {
        this.context = context;
        this.injectedStop = stop;
    }

    /** A row ready to send, or the reasons it is not sent. */
    private record Prepared(long line, Transfer transfer, List<String> problems) {
    }

    /** What became of a row: its result, or its problems when it was not sent, or nothing when not started. */
    private record Outcome(long line, TransferResult result, List<String> problems, boolean started) {
        ExitCode exitCode() {
            return result != null ? result.exitCode() : ExitCode.INVALID_INPUT;
        }
    }

    @Override
    public Integer call() {
        ResultPrinter printer = new ResultPrinter(spec.commandLine().getOut(), spec.commandLine().getErr(),
                exchange.json, exchange.verbose);
        if (rowsInFlight < 1 || rowsInFlight > MAX_ROWS_IN_FLIGHT) {
            throw new UsageException("--rows-in-flight must be 1 to " + MAX_ROWS_IN_FLIGHT + ", not " + rowsInFlight);
        }
        BatchFile.Rows rows;
        try {
            rows = BatchFile.open(file);
        } catch (BatchFileException e) {
            throw new UsageException(e.getMessage());
        }
        StopSignal stop = injectedStop != null ? injectedStop : new StopSignal();
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = injectedStop != null ? null : stopOnShutdown(stop, finished);
        try (rows; LazySession session = new LazySession()) {
            ExchangeSession.check(exchange, context.environment());
            BatchClientOids clientOids = new BatchClientOids(String.valueOf(file.getFileName()));
            Map<ExitCode, Integer> counts = new EnumMap<>(ExitCode.class);
            long[] seen = new long[2]; // rows taken, rows not started
            Iterator<Prepared> prepared = new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return rows.hasNext();
                }

                @Override
                public Prepared next() {
                    Prepared row = prepare(rows.next(), clientOids);
                    if (row.transfer() != null) {
                        session.open(); // on the first row to send, in file order, before any is sent
                    }
                    return row;
                }
            };
            InOrderRunner<Prepared, Outcome> runner = new InOrderRunner<>(rowsInFlight,
                    row -> run(row, session),
                    row -> new Outcome(row.line(), null, row.problems(), false),
                    stop);
            boolean complete = runner.run(prepared, outcome -> {
                seen[0]++;
                if (!outcome.started()) {
                    seen[1]++;
                    return;
                }
                print(outcome, printer);
                counts.merge(outcome.exitCode(), 1, Integer::sum);
            });
            ExitCode worst = ExitCode.worst(counts.keySet());
            printer.printSummary(summary(seen[0] - seen[1], counts, worst, complete));
            return worst.code();
        } finally {
            finished.countDown();
            if (hook != null) {
                removeShutdownHook(hook);
            }
        }
    }

    /** The exchange session, opened when the first row to send is taken (none when every row is invalid). */
    private final class LazySession implements AutoCloseable {
        private volatile ExchangeSession session;

        void open() {
            if (session == null) {
                session = ExchangeSession.open(exchange, context.environment(), context.gateways(),
                        spec.commandLine().getErr());
            }
        }

        ExchangeSession get() {
            return session;
        }

        @Override
        public void close() {
            if (session != null) {
                session.close();
            }
        }
    }

    private Prepared prepare(BatchRow row, BatchClientOids clientOids) {
        if (row.malformation().isPresent()) {
            return new Prepared(row.line(), null, List.of(row.malformation().get()));
        }
        try {
            Transfer parsed = Transfer.parse(row.from(), row.to(), row.amount(), row.coin(), row.symbol(),
                    row.clientOid());
            Transfer transfer = row.clientOid().isEmpty()
                    ? new Transfer(parsed.from(), parsed.to(), parsed.amount(), parsed.coin(), parsed.symbol(),
                            clientOids.next(parsed))
                    : parsed;
            return new Prepared(row.line(), transfer, List.of());
        } catch (InvalidTransferException invalid) {
            return new Prepared(row.line(), null, ResultPrinter.describe(invalid));
        }
    }

    private static Outcome run(Prepared row, LazySession session) {
        if (row.transfer() == null) {
            return new Outcome(row.line(), null, row.problems(), true);
        }
        // A row in doubt asks the records once more before it is reported: by now a request of it
        // that was still in flight when its call ended may have been applied and recorded.
        TransferResult result = TransferResult.send(session.get().gateway(), row.transfer())
                .settledBy(session.get().history());
        return new Outcome(row.line(), result, List.of(), true);
    }

    private static void print(Outcome outcome, ResultPrinter printer) {
        if (outcome.result() == null) {
            printer.printInvalidRow(outcome.line(), outcome.problems());
        } else {
            printer.printRow(outcome.line(), outcome.result());
        }
    }

    private String summary(long rows, Map<ExitCode, Integer> counts, ExitCode worst, boolean complete) {
        String parts = counts.entrySet().stream()
                .map(entry -> entry.getValue() + " " + ResultPrinter.status(entry.getKey()))
                .collect(Collectors.joining(", "));
        String summary = "batch " + file.getFileName() + ": " + (complete ? "" : "stopped after ") + rows
                + (rows == 1 ? " row" : " rows") + (parts.isEmpty() ? "" : ": " + parts);
        // Stopped by a signal, the process ends with the signal's code (130, 143), not the rows'.
        return complete ? summary + "; exit code " + worst.code()
                : summary + ". The rows after these were not sent; run the same file again to resume: the rows"
                        + " already applied are not applied again";
    }

    /** Ctrl-C and SIGTERM request a stop, then wait (bounded) for the rows in flight and the summary. */
    private static Thread stopOnShutdown(StopSignal stop, CountDownLatch finished) {
        Thread hook = new Thread(() -> {
            stop.request();
            try {
                finished.await(STOP_GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "batch-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    private static void removeShutdownHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it waits for this run, which has just finished
        }
    }
}
