package dev.transfers.bitget.app;

import java.util.List;

/** The command cannot run as given (exit code 2); each problem is a line of its own. Nothing was sent. */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<String> problems;

    UsageException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    UsageException(String problem) {
        this(List.of(problem));
    }

    List<String> problems() {
        return problems;
    }
}
