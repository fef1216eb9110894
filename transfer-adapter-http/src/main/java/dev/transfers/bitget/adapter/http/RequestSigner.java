package dev.transfers.bitget.adapter.http;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Computes Bitget's {@code ACCESS-SIGN} over a prehash; holds key material and never shows it. */
sealed interface RequestSigner permits RequestSigner.HmacSha256, RequestSigner.RsaSha256 {

    /** Base64 of the signature of the prehash's UTF-8 bytes. */
    String sign(String prehash);

    /** The scheme's name, for {@code toString()}. */
    String scheme();

    /**
     * Bitget's prehash: {@code timestamp + METHOD + requestPath [+ "?" + query] + body}, where
     * the body is exactly the text sent.
     *
     * @param requestPathAndQuery the path without host, with {@code ?query} when there is one
     * @param body                the exact body sent, or {@code ""} when there is none
     */
    static String prehash(String timestamp, String method, String requestPathAndQuery, String body) {
        // A sized builder rather than +: a four-string concatenation is linked through method handles
        // that a fresh JVM must first generate (docs/BENCHMARKS.md, section 7).
        return new StringBuilder(timestamp.length() + method.length() + requestPathAndQuery.length() + body.length())
                .append(timestamp).append(method.toUpperCase(java.util.Locale.ROOT)).append(requestPathAndQuery)
                .append(body).toString();
    }

    /**
     * HMAC-SHA256 with the API secret, Bitget's default. The keyed {@link Mac} is made once; each
     * signature uses a clone of it (a provider lookup and key set-up per call cost more than the
     * HMAC of a transfer), so signing stays safe from any number of threads.
     */
    final class HmacSha256 implements RequestSigner {
        private static final String ALGORITHM = "HmacSHA256";
        private final SecretKeySpec key;
        private final Mac keyed;

        HmacSha256(String secret) {
            this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
            this.keyed = newMac(key);
        }

        @Override
        public String sign(String prehash) {
            return Base64.getEncoder().encodeToString(freshMac().doFinal(prehash.getBytes(StandardCharsets.UTF_8)));
        }

        /** A clone of the keyed Mac, or a new one from a provider whose Mac cannot be cloned. */
        private Mac freshMac() {
            try {
                return (Mac) keyed.clone();
            } catch (CloneNotSupportedException notCloneable) {
                return newMac(key);
            }
        }

        private static Mac newMac(SecretKeySpec key) {
            try {
                Mac mac = Mac.getInstance(ALGORITHM);
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
            }
        }

        @Override
        public String scheme() {
            return "HMAC-SHA256";
        }

        @Override
        public String toString() {
            return scheme();
        }
    }

    /** SHA256withRSA (PKCS#1 v1.5) with a PKCS#8 private key, for Bitget's RSA API keys. */
    final class RsaSha256 implements RequestSigner {
        private static final String PEM_BEGIN = "-----BEGIN PRIVATE KEY-----";
        private static final String PEM_END = "-----END PRIVATE KEY-----";
        private final PrivateKey key;

        RsaSha256(String pkcs8Pem) {
            this.key = parsePkcs8Pem(pkcs8Pem);
        }

        @Override
        public String sign(String prehash) {
            try {
                Signature signature = Signature.getInstance("SHA256withRSA");
                signature.initSign(key);
                signature.update(prehash.getBytes(StandardCharsets.UTF_8));
                return Base64.getEncoder().encodeToString(signature.sign());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("SHA256withRSA signing failed", e);
            }
        }

        @Override
        public String scheme() {
            return "RSA-SHA256";
        }

        @Override
        public String toString() {
            return scheme();
        }

        /** Messages here never quote the key: it is a secret. */
        private static PrivateKey parsePkcs8Pem(String pem) {
            String trimmed = pem.strip();
            if (trimmed.contains("BEGIN RSA PRIVATE KEY")) {
                throw new IllegalArgumentException("privateKeyPem is a PKCS#1 key (BEGIN RSA PRIVATE KEY); convert it"
                        + " to PKCS#8 (BEGIN PRIVATE KEY), e.g. openssl pkcs8 -topk8 -nocrypt");
            }
            if (!trimmed.startsWith(PEM_BEGIN) || !trimmed.endsWith(PEM_END)) {
                throw new IllegalArgumentException("privateKeyPem must be a PKCS#8 PEM private key between "
                        + PEM_BEGIN + " and " + PEM_END);
            }
            String base64 = trimmed.substring(PEM_BEGIN.length(), trimmed.length() - PEM_END.length());
            try {
                byte[] der = Base64.getMimeDecoder().decode(base64);
                return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (IllegalArgumentException | GeneralSecurityException e) {
                // The cause may describe the key's bytes: leave it out.
                throw new IllegalArgumentException("privateKeyPem is not a readable PKCS#8 RSA private key");
            }
        }
    }
}
