package dev.transfers.bitget.adapter.http;

import java.util.Objects;

/**
 * A Bitget API key with what signs its requests: the HMAC secret (the default kind of key) or
 * an RSA private key, plus the passphrase chosen when the key was created.
 *
 * <p>The secret, private key and passphrase are never shown: {@link #toString()} prints the
 * signing scheme and the API key masked, and no message of this library includes them.
 */
public final class BitgetCredentials {
    private static final int SHOWN_KEY_CHARACTERS = 4;

    private final String apiKey;
    private final String passphrase;
    private final RequestSigner signer;

    private BitgetCredentials(String apiKey, String passphrase, RequestSigner signer) {
        this.apiKey = apiKey;
        this.passphrase = passphrase;
        this.signer = signer;
    }

    /**
     * Credentials of an HMAC API key: requests are signed with HMAC-SHA256 of the secret.
     *
     * @throws NullPointerException     naming the missing value
     * @throws IllegalArgumentException naming the blank value
     */
    public static BitgetCredentials hmac(String apiKey, String secret, String passphrase) {
        requireHeaderText(apiKey, "apiKey");
        requireText(secret, "secret");
        requireHeaderText(passphrase, "passphrase");
        return new BitgetCredentials(apiKey, passphrase, new RequestSigner.HmacSha256(secret));
    }

    /**
     * Credentials of an RSA API key: requests are signed with SHA256withRSA.
     *
     * @param privateKeyPem the PKCS#8 private key in PEM ({@code -----BEGIN PRIVATE KEY-----})
     * @throws NullPointerException     naming the missing value
     * @throws IllegalArgumentException naming the blank or unreadable value (never quoting it)
     */
    public static BitgetCredentials rsa(String apiKey, String privateKeyPem, String passphrase) {
        requireHeaderText(apiKey, "apiKey");
        requireText(privateKeyPem, "privateKeyPem");
        requireHeaderText(passphrase, "passphrase");
        return new BitgetCredentials(apiKey, passphrase, new RequestSigner.RsaSha256(privateKeyPem));
    }

    /** The API key sent as {@code ACCESS-KEY}; it identifies the key and is not a secret. */
    public String apiKey() {
        return apiKey;
    }

    String passphrase() {
        return passphrase;
    }

    String sign(String prehash) {
        return signer.sign(prehash);
    }

    /** The API key with all but its first few characters hidden. */
    String maskedApiKey() {
        return apiKey.length() <= SHOWN_KEY_CHARACTERS * 2
                ? "****"
                : apiKey.substring(0, SHOWN_KEY_CHARACTERS) + "****";
    }

    @Override
    public String toString() {
        return "BitgetCredentials[" + signer.scheme() + ", apiKey=" + maskedApiKey() + "]";
    }

    /** A value sent as an HTTP header: the message names it but never quotes it. */
    private static void requireHeaderText(String value, String name) {
        requireText(value, name);
        if (!value.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)) {
            throw new IllegalArgumentException(name + " must be printable ASCII (it is sent as a header)");
        }
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
