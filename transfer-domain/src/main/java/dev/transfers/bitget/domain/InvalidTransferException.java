package dev.transfers.bitget.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A transfer could not be built because its input breaks one or more rules. Nothing was sent.
 *
 * <p>One exception lists every violation, field by field, in plain words; {@link #violations()}
 * gives them as data, ordered as the fields of {@link Transfer}.
 */
public final class InvalidTransferException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private static final List<String> FIELD_ORDER =
            List.of("accountType", "from", "to", "amount", "coin", "symbol", "clientOid");

    /** One broken rule: the field it concerns and what is wrong with it, in plain words. */
    public record Violation(String field, String message) {
        public Violation {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public String toString() {
            return field + " " + message;
        }
    }

    private final transient List<Violation> violations;

    public InvalidTransferException(List<Violation> violations) {
        super(describe(sorted(violations)));
        this.violations = sorted(violations);
    }

    /** Every rule the input broke, in field order; never empty. */
    public List<Violation> violations() {
        return violations;
    }

    private static List<Violation> sorted(List<Violation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an InvalidTransferException needs at least one violation");
        }
        return violations.stream()
                .distinct()
                .sorted(Comparator.comparingInt((Violation v) -> fieldRank(v.field()))
                        .thenComparing(Violation::message))
                .toList();
    }

    private static int fieldRank(String field) {
        int rank = FIELD_ORDER.indexOf(field);
        return rank < 0 ? FIELD_ORDER.size() : rank;
    }

    private static String describe(List<Violation> violations) {
        return "Invalid transfer, nothing was sent: "
                + violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
    }
}
