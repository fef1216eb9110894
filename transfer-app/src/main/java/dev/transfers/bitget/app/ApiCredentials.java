package dev.transfers.bitget.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The Bitget API key, secret and passphrase, read from the environment only, never from arguments.
 * {@link #toString()} shows none of them.
 */
record ApiCredentials(String apiKey, String secret, String passphrase) {
    public static final String API_KEY_VARIABLE = "BITGET_API_KEY";
    public static final String SECRET_VARIABLE = "BITGET_API_SECRET";
    public static final String PASSPHRASE_VARIABLE = "BITGET_API_PASSPHRASE";
    static final List<String> VARIABLES = List.of(API_KEY_VARIABLE, SECRET_VARIABLE, PASSPHRASE_VARIABLE);

    public ApiCredentials {
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(passphrase, "passphrase");
    }

    /** What the environment holds: all three variables, some, or none. */
    public record Lookup(Optional<ApiCredentials> credentials, List<String> missing) {
        public boolean none() {
            return missing.size() == VARIABLES.size();
        }
    }

    /** Reads the three variables; blank counts as missing. */
    public static Lookup from(Environment environment) {
        List<String> missing = new ArrayList<>();
        for (String variable : VARIABLES) {
            if (environment.value(variable).isEmpty()) {
                missing.add(variable);
            }
        }
        if (!missing.isEmpty()) {
            return new Lookup(Optional.empty(), List.copyOf(missing));
        }
        return new Lookup(Optional.of(new ApiCredentials(environment.get(API_KEY_VARIABLE),
                environment.get(SECRET_VARIABLE), environment.get(PASSPHRASE_VARIABLE))), List.of());
    }

    @Override
    public String toString() {
        return "ApiCredentials[apiKey=[redacted], secret=[redacted], passphrase=[redacted]]";
    }
}
