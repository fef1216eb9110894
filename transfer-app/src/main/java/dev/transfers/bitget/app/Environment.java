package dev.transfers.bitget.app;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Where the app reads its environment variables: the process's, or a map in tests. */
@FunctionalInterface
interface Environment {

    /** The variable's value, or {@code null} when it is not set. */
    String get(String name);

    /** The variable's value when it is set and not blank. */
    default Optional<String> value(String name) {
        return Optional.ofNullable(get(name)).filter(v -> !v.isBlank());
    }

    /** The process's environment. */
    static Environment system() {
        return System::getenv;
    }

    /** A fixed environment, for tests and embedding. */
    static Environment of(Map<String, String> variables) {
        Map<String, String> copy = Map.copyOf(Objects.requireNonNull(variables, "variables"));
        return copy::get;
    }
}
