package dev.transfers.bitget.app;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.transfers.bitget.adapter.http.RateLimiterUnavailableException;
import dev.transfers.bitget.domain.InvalidTransferException;
import dev.transfers.bitget.domain.TransferRejectedException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/**
 * Writes results as text or, with {@code --json}, as JSON objects, one per line. Results go to
 * stdout; notes and human explanations of failures go to stderr, so stdout stays parseable. JSON is
 * written with Jackson, the JSON library the HTTP adapter already loads.
 */
final class ResultPrinter {
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean json;
    private final boolean verbose;

    ResultPrinter(PrintWriter out, PrintWriter err, boolean json, boolean verbose) {
        this.out = out;
        this.err = err;
        this.json = json;
        this.verbose = verbose;
    }

    /** The outcome of the {@code transfer} command. */
    void printTransfer(TransferResult result) {
        if (result.exitCode() == ExitCode.APPLIED) {
            if (json) {
                ObjectNode receipt = JsonNodeFactory.instance.objectNode();
                receipt.put("transferId", result.receipt().transferId());
                receipt.put("clientOid", result.receipt().clientOid());
                println(out, receipt.toString());
            } else {
                println(out, "applied transferId=" + result.receipt().transferId()
                        + " clientOid=" + result.receipt().clientOid());
            }
            return;
        }
        if (json) {
            println(out, failureJson(result).toString());
        }
        println(err, explain(result));
        String advice = advice(result, "--client-oid " + result.clientOid());
        if (!advice.isEmpty()) {
            println(err, advice);
        }
        printStackTraceIfVerbose(result.failure());
    }

    /** Invalid input for the {@code transfer} command: one problem per line on stderr. */
    void printInvalid(List<String> problems) {
        if (json) {
            ObjectNode invalid = JsonNodeFactory.instance.objectNode();
            invalid.put("status", "invalid");
            invalid.set("errors", array(problems));
            println(out, invalid.toString());
        }
        println(err, "invalid input, nothing was sent:");
        problems.forEach(problem -> println(err, "  " + problem));
    }

    /** One row of a batch that was sent. */
    void printRow(long line, TransferResult result) {
        if (json) {
            ObjectNode row = result.exitCode() == ExitCode.APPLIED ? JsonNodeFactory.instance.objectNode()
                    : failureJson(result);
            if (result.exitCode() == ExitCode.APPLIED) {
                row.put("status", status(result.exitCode()));
                row.put("transferId", result.receipt().transferId());
                row.put("clientOid", result.receipt().clientOid());
            }
            println(out, withLineFirst(line, row).toString());
            return;
        }
        if (result.exitCode() == ExitCode.APPLIED) {
            println(out, "line " + line + ": applied transferId=" + result.receipt().transferId()
                    + " clientOid=" + result.receipt().clientOid());
        } else {
            String advice = advice(result, "the same clientOid (run the batch again)");
            println(out, "line " + line + ": " + explain(result) + (advice.isEmpty() ? "" : " " + advice));
            printStackTraceIfVerbose(result.failure());
        }
    }

    /** One row of a batch that was not sent because it is malformed or invalid. */
    void printInvalidRow(long line, List<String> problems) {
        if (json) {
            ObjectNode row = JsonNodeFactory.instance.objectNode();
            row.put("line", line);
            row.put("status", status(ExitCode.INVALID_INPUT));
            row.set("errors", array(problems));
            println(out, row.toString());
        } else {
            println(out, "line " + line + ": invalid, not sent: " + String.join("; ", problems));
        }
    }

    /** The batch's summary: on stdout as text, on stderr with {@code --json} (stdout holds only rows). */
    void printSummary(String summary) {
        println(json ? err : out, summary);
    }

    static String status(ExitCode code) {
        return switch (code) {
            case APPLIED -> "applied";
            case INVALID_INPUT -> "invalid";
            case REJECTED -> "rejected";
            case UNREACHABLE -> "unreachable";
            case OUTCOME_UNKNOWN -> "unknown";
            case UNEXPECTED -> "error";
        };
    }

    static List<String> describe(InvalidTransferException invalid) {
        return invalid.violations().stream().map(InvalidTransferException.Violation::toString).toList();
    }

    private static String explain(TransferResult result) {
        RuntimeException failure = result.failure();
        return switch (result.exitCode()) {
            case APPLIED -> "applied";
            case INVALID_INPUT -> "invalid input, nothing was sent";
            case REJECTED -> {
                TransferRejectedException rejected = (TransferRejectedException) failure;
                yield "rejected, nothing was applied: clientOid=" + result.clientOid() + " reason="
                        + rejected.reason().name() + " (" + rejected.reason().description() + ")"
                        + rejected.exchangeCode().map(code -> " exchange code " + code).orElse("")
                        + rejected.exchangeMessage().map(message -> ": " + message).orElse("");
            }
            case UNREACHABLE -> {
                TransferRejectedException rejected = (TransferRejectedException) failure;
                boolean redisDown = failure.getCause() instanceof RateLimiterUnavailableException;
                yield (redisDown ? "rate limiter unreachable" : "exchange unreachable")
                        + ", nothing was sent: clientOid=" + result.clientOid()
                        + rejected.exchangeMessage().map(message -> " (" + message + ")")
                                .orElse(causeText(failure))
                        + (redisDown
                                ? "; check --redis-url (or BITGET_REDIS_URL) and that Redis is up, then run again"
                                : "; check --base-url and the network, then run again");
            }
            case OUTCOME_UNKNOWN -> "outcome unknown, the transfer may or may not have been applied: clientOid="
                    + result.clientOid() + " (" + failure.getMessage() + ")";
            case UNEXPECTED -> "unexpected error: clientOid=" + result.clientOid() + " " + oneLine(failure);
        };
    }

    private static String advice(TransferResult result, String retryWith) {
        return switch (result.exitCode()) {
            case OUTCOME_UNKNOWN -> "To learn the result, run 'bitget-transfer status --client-oid "
                    + result.clientOid() + " --coin " + result.coin() + "', or run again with " + retryWith
                    + ": the exchange applies a clientOid at most once.";
            case UNEXPECTED -> "If the transfer may have been sent, run again with " + retryWith
                    + " to learn the result without applying it twice.";
            default -> "";
        };
    }

    private static ObjectNode failureJson(TransferResult result) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("status", status(result.exitCode()));
        json.put("clientOid", result.clientOid());
        if (result.failure() instanceof TransferRejectedException rejected) {
            json.put("reason", rejected.reason().name());
            rejected.exchangeCode().ifPresent(code -> json.put("exchangeCode", code));
            rejected.exchangeMessage().ifPresent(message -> json.put("exchangeMessage", message));
        }
        json.put("error", oneLine(result.failure()));
        return json;
    }

    private static ObjectNode withLineFirst(long line, ObjectNode rest) {
        ObjectNode row = JsonNodeFactory.instance.objectNode();
        row.put("line", line);
        row.setAll(rest);
        return row;
    }

    private static ArrayNode array(List<String> values) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        values.forEach(array::add);
        return array;
    }

    private static String causeText(Throwable failure) {
        Throwable cause = failure.getCause();
        return cause == null ? "" : " (" + oneLine(cause) + ")";
    }

    /** A throwable as one line: its message, or its type when it has none. */
    static String oneLine(Throwable failure) {
        if (failure == null) {
            return "";
        }
        String message = failure.getMessage();
        String text = message == null || message.isBlank()
                ? failure.getClass().getSimpleName()
                : failure.getClass().getSimpleName() + ": " + message;
        return text.replaceAll("\\s*\\R\\s*", " ");
    }

    private void printStackTraceIfVerbose(Throwable failure) {
        if (verbose && failure != null) {
            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            err.print(trace);
            err.flush();
        }
    }

    private static void println(PrintWriter writer, String text) {
        writer.println(text);
        writer.flush();
    }
}
