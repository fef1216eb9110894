package dev.transfers.bitget.app;

import dev.transfers.bitget.adapter.http.BitgetCredentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The Bitget API key, what signs its requests (an HMAC secret, or an RSA private key in PKCS#8 PEM)
 * and the passphrase, read from the environment only, never from arguments. Exactly one of
 * {@code secret} and {@code privateKeyPem} is set. {@link #toString()} shows none of them.
 */
record ApiCredentials(String apiKey, String secret, String privateKeyPem, String passphrase) {
    public static final String API_KEY_VARIABLE = "BITGET_API_KEY";
    public static final String SECRET_VARIABLE = "BITGET_API_SECRET";
    public static final String PRIVATE_KEY_VARIABLE = "BITGET_API_PRIVATE_KEY";
    public static final String PRIVATE_KEY_FILE_VARIABLE = "BITGET_API_PRIVATE_KEY_FILE";
    public static final String PASSPHRASE_VARIABLE = "BITGET_API_PASSPHRASE";
    /** The variables that say how requests are signed; exactly one of them is set. */
    static final List<String> SIGNING_VARIABLES = List.of(SECRET_VARIABLE, PRIVATE_KEY_VARIABLE,
            PRIVATE_KEY_FILE_VARIABLE);
    /** Said after a missing {@value #SECRET_VARIABLE}. */
    static final String RSA_HINT = "(for an RSA API key, " + PRIVATE_KEY_VARIABLE + " holding the PKCS#8 PEM or "
            + PRIVATE_KEY_FILE_VARIABLE + " naming its file, instead of " + SECRET_VARIABLE + ")";

    public ApiCredentials {
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(passphrase, "passphrase");
        if ((secret == null) == (privateKeyPem == null)) {
            throw new IllegalArgumentException("exactly one of secret and privateKeyPem");
        }
    }

    /** An HMAC key. */
    public ApiCredentials(String apiKey, String secret, String passphrase) {
        this(apiKey, Objects.requireNonNull(secret, "secret"), null, passphrase);
    }

    /** What the environment holds: all the variables a key needs, some, or none. */
    public record Lookup(Optional<ApiCredentials> credentials, List<String> missing, boolean none) {
    }

    /**
     * Reads the variables; blank counts as missing.
     *
     * @throws UsageException naming the variable, never quoting a key, when more than one of
     *                        {@link #SIGNING_VARIABLES} is set or the RSA key cannot be read
     */
    public static Lookup from(Environment environment) {
        List<String> signing = SIGNING_VARIABLES.stream().filter(v -> environment.value(v).isPresent()).toList();
        if (signing.size() > 1) {
            throw new UsageException("set exactly one of " + String.join(", ", SIGNING_VARIABLES) + ", not "
                    + String.join(" and ", signing));
        }
        List<String> missing = new ArrayList<>();
        if (environment.value(API_KEY_VARIABLE).isEmpty()) {
            missing.add(API_KEY_VARIABLE);
        }
        if (signing.isEmpty()) {
            missing.add(SECRET_VARIABLE);
        }
        if (environment.value(PASSPHRASE_VARIABLE).isEmpty()) {
            missing.add(PASSPHRASE_VARIABLE);
        }
        if (!missing.isEmpty()) {
            return new Lookup(Optional.empty(), List.copyOf(missing), missing.size() == 3);
        }
        String apiKey = environment.get(API_KEY_VARIABLE);
        String passphrase = environment.get(PASSPHRASE_VARIABLE);
        ApiCredentials credentials = switch (signing.get(0)) {
            case SECRET_VARIABLE -> new ApiCredentials(apiKey, environment.get(SECRET_VARIABLE), passphrase);
            case PRIVATE_KEY_VARIABLE -> rsa(apiKey, environment.get(PRIVATE_KEY_VARIABLE), passphrase,
                    PRIVATE_KEY_VARIABLE);
            default -> {
                String file = environment.get(PRIVATE_KEY_FILE_VARIABLE);
                yield rsa(apiKey, readKeyFile(file), passphrase, "the file " + file + " named by "
                        + PRIVATE_KEY_FILE_VARIABLE);
            }
        };
        return new Lookup(Optional.of(credentials), List.of(), false);
    }

    /** The adapter's credentials: HMAC or RSA as the environment gave them. */
    BitgetCredentials toBitgetCredentials() {
        return secret != null
                ? BitgetCredentials.hmac(apiKey, secret, passphrase)
                : BitgetCredentials.rsa(apiKey, privateKeyPem, passphrase);
    }

    /** RSA credentials whose key the adapter has read; its complaint names {@code source}, never the key. */
    private static ApiCredentials rsa(String apiKey, String privateKeyPem, String passphrase, String source) {
        ApiCredentials credentials = new ApiCredentials(apiKey, null, privateKeyPem, passphrase);
        try {
            credentials.toBitgetCredentials();
        } catch (IllegalArgumentException unreadable) {
            throw new UsageException(unreadable.getMessage().replace("privateKeyPem", source)
                    .replace("apiKey", API_KEY_VARIABLE).replace("passphrase", PASSPHRASE_VARIABLE));
        }
        return credentials;
    }

    private static String readKeyFile(String file) {
        String problem;
        try {
            return Files.readString(Path.of(file), StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            problem = "there is no such file";
        } catch (AccessDeniedException e) {
            problem = "permission denied";
        } catch (InvalidPathException e) {
            problem = "it is not a valid path";
        } catch (IOException e) {
            // The message of a decoding error could describe the content: name the class alone.
            problem = "it cannot be read as a PEM text file (" + e.getClass().getSimpleName() + ")";
        }
        throw new UsageException(PRIVATE_KEY_FILE_VARIABLE + " names " + file + ", but " + problem);
    }

    @Override
    public String toString() {
        return "ApiCredentials[apiKey=[redacted], " + (secret != null ? "secret" : "privateKeyPem")
                + "=[redacted], passphrase=[redacted]]";
    }
}
