package dev.transfers.bitget.app;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a command ends, with its process exit code. {@link #worst} orders them by how urgently the
 * user must look: an unexpected error first, then a transfer in doubt (money may have moved), an
 * unreachable exchange, a rejection, invalid input, and success.
 */
enum ExitCode {
    APPLIED(0, 0),
    INVALID_INPUT(2, 1),
    REJECTED(3, 2),
    UNREACHABLE(5, 3),
    OUTCOME_UNKNOWN(4, 4),
    UNEXPECTED(1, 5);

    /** The exit codes as {@code --help} lists them, code to meaning. */
    static Map<String, String> helpList() {
        Map<String, String> list = new LinkedHashMap<>();
        list.put("0", "applied (or applied before under the same clientOid)");
        list.put("1", "unexpected error (one-line message; --verbose adds the stack trace)");
        list.put("2", "invalid input or usage; nothing was sent");
        list.put("3", "rejected by the exchange; nothing was applied");
        list.put("4", "outcome unknown, it may have been applied: 'bitget-transfer status' tells, or run again"
                + " with the same clientOid");
        list.put("5", "exchange (or the Redis-shared rate limiter) unreachable: nothing was sent,"
                + " and the exchange's records show no such transfer");
        return list;
    }

    private final int code;
    private final int severity;

    ExitCode(int code, int severity) {
        this.code = code;
        this.severity = severity;
    }

    /** The process exit code. */
    public int code() {
        return code;
    }

    /** The most severe of these, {@link #APPLIED} when there are none. */
    public static ExitCode worst(Collection<ExitCode> codes) {
        return codes.stream().max(Comparator.comparingInt(c -> c.severity)).orElse(APPLIED);
    }
}
