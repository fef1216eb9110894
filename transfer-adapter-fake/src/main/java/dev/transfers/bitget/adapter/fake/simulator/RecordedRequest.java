package dev.transfers.bitget.adapter.fake.simulator;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A request as the simulator received it. {@link #toString()} hides the values of the
 * {@code ACCESS-SIGN} and {@code ACCESS-PASSPHRASE} headers; the accessors do not.
 *
 * @param method  the HTTP method
 * @param path    the raw request path, without the query
 * @param query   the raw query string, or null when there was none
 * @param headers every header, looked up without regard to case
 * @param body    the body, decoded as UTF-8
 * @param arrival when it arrived, by the simulator's clock (clock offset included)
 */
public record RecordedRequest(String method, String path, String query, Map<String, List<String>> headers,
                              String body, Instant arrival) {
    private static final Set<String> REDACTED = Set.of("access-sign", "access-passphrase");

    public RecordedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(arrival, "arrival");
        SortedMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        headers = Collections.unmodifiableSortedMap(copy);
    }

    /** The first value of this header (any case), if it was sent. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name)).filter(values -> !values.isEmpty()).map(values -> values.get(0));
    }

    @Override
    public String toString() {
        String shownHeaders = headers.entrySet().stream()
                .map(e -> e.getKey() + "=" + (REDACTED.contains(e.getKey().toLowerCase(Locale.ROOT))
                        ? "[redacted]" : e.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
        return "RecordedRequest[method=" + method + ", path=" + path + ", query=" + query + ", headers="
                + shownHeaders + ", body=" + body + ", arrival=" + arrival + "]";
    }
}
