package dev.transfers.bitget.app;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.transfers.bitget.domain.TransferHistory;
import dev.transfers.bitget.domain.TransferHistoryUnavailableException;
import dev.transfers.bitget.domain.TransferQuery;
import dev.transfers.bitget.domain.TransferRecord;
import dev.transfers.bitget.domain.TransferStatus;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code status}: what Bitget's transfer records say of a clientOid. Sends no transfer. */
@Command(name = "status", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Tells what became of a transfer, from Bitget's transfer records: applied, failed, processing,"
                + " or not found. Sends no transfer.",
            "Prints 'applied transferId=... clientOid=...' when it was applied.",
            "Use it after a transfer or batch row ended with exit code 4 (outcome unknown). 'not found' means not"
                + " applied so far: a request still in flight could yet be applied, so ask again a minute later"
                + " before you send the amount under another clientOid."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:applied: the records show the transfer done",
            "1:unexpected error (one-line message; --verbose adds the stack trace)",
            "2:invalid input or usage; nothing was sent",
            "3:failed: the records show the transfer failed; nothing was applied",
            "4:processing: the records show the transfer not finished yet; ask again later",
            "5:the records could not be read; nothing is known, ask again later",
            "6:not found: no transfer with this clientOid and coin in the last 89 days; not applied so far"})
final class StatusCommand implements Callable<Integer> {
    /** How the command ends, with its exit code. */
    enum Outcome {
        APPLIED(0), UNEXPECTED(1), INVALID_INPUT(2), FAILED(3), PROCESSING(4), UNAVAILABLE(5), NOT_FOUND(6);

        private final int code;

        Outcome(int code) {
            this.code = code;
        }

        int code() {
            return code;
        }
    }

    private final AppContext context;

    @Spec
    CommandSpec spec;

    @Option(names = "--client-oid", required = true, paramLabel = "ID",
            description = "The clientOid the transfer was sent with.")
    String clientOid;

    @Option(names = "--coin", required = true, paramLabel = "COIN",
            description = "The transfer's coin, such as USDT (Bitget files its records by coin).")
    String coin;

    @Mixin
    ExchangeOptions exchange;

    StatusCommand(AppContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> problems = new ArrayList<>();
        TransferQuery query = null;
        try {
            query = new TransferQuery(clientOid, coin);
        } catch (IllegalArgumentException invalid) {
            problems.add(invalid.getMessage());
        }
        try {
            ExchangeSession.check(exchange, context.environment());
        } catch (UsageException usage) {
            problems.addAll(usage.problems());
        }
        if (!problems.isEmpty()) {
            new ResultPrinter(out, err, exchange.json, exchange.verbose).printInvalid(problems);
            return Outcome.INVALID_INPUT.code();
        }
        try (ExchangeSession session = ExchangeSession.open(exchange, context.environment(), context.gateways(),
                err)) {
            TransferHistory history = session.history();
            TransferStatus status;
            try {
                status = history.statusOf(query);
            } catch (TransferHistoryUnavailableException unavailable) {
                print(out, err, unavailable(query, unavailable));
                return Outcome.UNAVAILABLE.code();
            }
            print(out, err, describe(status));
            return outcome(status).code();
        }
    }

    /** What to print: a line of text, and the JSON object that says the same. */
    private record Report(String text, ObjectNode json, boolean toErr) {
    }

    private void print(PrintWriter out, PrintWriter err, Report report) {
        PrintWriter target = report.toErr() && !exchange.json ? err : out;
        target.println(exchange.json ? report.json().toString() : report.text());
        target.flush();
    }

    static Outcome outcome(TransferStatus status) {
        if (status instanceof TransferStatus.Applied) {
            return Outcome.APPLIED;
        }
        if (status instanceof TransferStatus.Failed) {
            return Outcome.FAILED;
        }
        return status instanceof TransferStatus.Processing ? Outcome.PROCESSING : Outcome.NOT_FOUND;
    }

    private static Report describe(TransferStatus status) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        if (status instanceof TransferStatus.NotFound notFound) {
            json.put("status", "not_found");
            json.put("clientOid", status.clientOid());
            json.put("coin", notFound.query().coin());
            return new Report("not found clientOid=" + status.clientOid() + " coin=" + notFound.query().coin()
                    + ": Bitget's records of the last 89 days hold no such transfer; not applied so far", json, false);
        }
        TransferRecord record = recordOf(status);
        String word = status instanceof TransferStatus.Applied ? "applied"
                : status instanceof TransferStatus.Failed ? "failed" : "processing";
        json.put("status", word);
        json.put("transferId", record.transferId());
        json.put("clientOid", record.clientOid());
        json.put("from", record.from().wireCode());
        json.put("to", record.to().wireCode());
        json.put("amount", record.amount().toPlainString());
        json.put("coin", record.coin());
        if (record.symbol() != null) {
            json.put("symbol", record.symbol());
        }
        json.put("time", record.time().toString());
        String tail = switch (word) {
            case "applied" -> "";
            case "failed" -> ": nothing was applied";
            default -> ": not finished yet; ask again later";
        };
        return new Report(word + " transferId=" + record.transferId() + " clientOid=" + record.clientOid() + tail,
                json, false);
    }

    private static TransferRecord recordOf(TransferStatus status) {
        if (status instanceof TransferStatus.Applied applied) {
            return applied.record();
        }
        if (status instanceof TransferStatus.Failed failed) {
            return failed.record();
        }
        return ((TransferStatus.Processing) status).record();
    }

    private static Report unavailable(TransferQuery query, TransferHistoryUnavailableException unavailable) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("status", "unavailable");
        json.put("clientOid", query.clientOid());
        json.put("error", ResultPrinter.oneLine(unavailable));
        return new Report("records unavailable, nothing is known: clientOid=" + query.clientOid() + " ("
                + unavailable.getMessage() + "); ask again later", json, true);
    }
}
