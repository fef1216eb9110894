package dev.transfers.bitget.adapter.fake.simulator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.Base64;

/**
 * A fresh RSA key pair for tests against {@link SimulatedBitget}: register {@link #publicKey()} with
 * {@link SimulatedBitget.Credentials#liveRsa} and sign with {@link #privateKeyPem()}, the PKCS#8 PEM
 * form Bitget's RSA API keys use. {@link #toString()} never shows the private key.
 */
public final class RsaTestKey {
    private static final int KEY_BITS = 2048;

    private final KeyPair pair;

    private RsaTestKey(KeyPair pair) {
        this.pair = pair;
    }

    /** A new 2048-bit key pair. */
    public static RsaTestKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_BITS);
            return new RsaTestKey(generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA key generation is not available in this JVM", e);
        }
    }

    /** What the simulator checks signatures with. */
    public PublicKey publicKey() {
        return pair.getPublic();
    }

    /** The private key as PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}, 64-character lines). */
    public String privateKeyPem() {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    /** Never the private key. */
    @Override
    public String toString() {
        return "RsaTestKey[2048-bit RSA, private key redacted]";
    }
}
