package dev.transfers.bitget.adapter.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate and its key, made for one test by the JDK's {@code keytool} in a
 * temporary directory, with TLS contexts to serve it and to trust it (and nothing else).
 */
final class TestCertificate {
    private static final char[] PASSWORD = "test-store-password".toCharArray();
    private static final String ALIAS = "server";

    private final KeyStore keyStore;

    private TestCertificate(KeyStore keyStore) {
        this.keyStore = keyStore;
    }

    /**
     * A new EC key and certificate valid for two days, naming the host as {@code subjectAlternativeName}
     * says, such as {@code ip:127.0.0.1} or {@code dns:exchange.invalid}.
     */
    static TestCertificate create(Path directory, String subjectAlternativeName) throws Exception {
        Path store = directory.resolve("server-" + subjectAlternativeName.replaceAll("[^A-Za-z0-9]", "-") + ".p12");
        Path output = directory.resolve("keytool-output.txt");
        Process keytool = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair", "-noprompt",
                "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=bitget-transfer test",
                "-ext", "SAN=" + subjectAlternativeName, "-validity", "2", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", new String(PASSWORD)))
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!keytool.waitFor(60, TimeUnit.SECONDS)) {
            keytool.destroyForcibly();
            throw new IllegalStateException("keytool did not finish within 60 s");
        }
        if (keytool.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + Files.readString(output, StandardCharsets.UTF_8));
        }
        return new TestCertificate(KeyStore.getInstance(store.toFile(), PASSWORD));
    }

    /** A context that presents this certificate, for the server. */
    SSLContext serverContext() throws GeneralSecurityException {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(keyStore, PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    /** A context that trusts this certificate and no other, for the client. */
    SSLContext trustingContext() throws GeneralSecurityException, IOException {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("test", keyStore.getCertificate(ALIAS));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
