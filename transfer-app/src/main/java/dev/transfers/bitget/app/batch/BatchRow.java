package dev.transfers.bitget.app.batch;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One data line of a batch file: its six values, or why it could not be read as six values.
 *
 * @param line    the line number in the file, counting from 1 (the header is usually line 1)
 * @param values  from, to, amount, coin, symbol, clientOid, trimmed; empty when malformed
 * @param problem why the line is malformed, or {@code null}
 */
public record BatchRow(long line, List<String> values, String problem) {
    public BatchRow {
        values = List.copyOf(values);
        if ((problem == null) == values.isEmpty()) {
            throw new IllegalArgumentException("a row has either six values or a problem");
        }
    }

    static BatchRow of(long line, List<String> values) {
        return new BatchRow(line, values, null);
    }

    static BatchRow malformed(long line, String problem) {
        return new BatchRow(line, List.of(), Objects.requireNonNull(problem, "problem"));
    }

    public Optional<String> malformation() {
        return Optional.ofNullable(problem);
    }

    public String from() {
        return values.get(0);
    }

    public String to() {
        return values.get(1);
    }

    public String amount() {
        return values.get(2);
    }

    public String coin() {
        return values.get(3);
    }

    public String symbol() {
        return values.get(4);
    }

    public String clientOid() {
        return values.get(5);
    }
}
