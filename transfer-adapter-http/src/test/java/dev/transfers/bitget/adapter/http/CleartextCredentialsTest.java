package dev.transfers.bitget.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Credentials never travel in clear text beyond this machine unless the builder is told, loudly:
 * plain HTTP only to loopback (the Redis module's {@code RedisCleartextPasswordTest} checks the same
 * for a Redis password).
 */
class CleartextCredentialsTest {
    private static final Path LOG_FILE = Path.of("target", "adapter-http-test.log");
    private static final String SECRET = "cleartext-test-secret";
    private static final String PASSPHRASE = "cleartext-test-passphrase";
    private static final BitgetCredentials CREDENTIALS = BitgetCredentials.hmac("bg_cleartext_key", SECRET, PASSPHRASE);

    @ParameterizedTest
    @ValueSource(strings = {"http://0.0.0.0:8080", "http://api.bitget.com", "http://10.0.0.5:80", "http://[::]:80",
        "http://127.0.0.1.nip.io", "http://localhost.example"})
    void plainHttpToAHostThatIsNotLoopbackIsRefusedAskingForHttps(String url) {
        assertThatThrownBy(() -> BitgetTransferGateway.builder().credentials(CREDENTIALS).baseUrl(URI.create(url))
                .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("baseUrl " + url)
                .hasMessageContaining("passphrase and a signature that can be replayed would travel in clear text")
                .hasMessageContaining("Use https://")
                .hasMessageContaining("allowCleartextCredentialsToNonLoopbackHosts()")
                .hasMessageNotContainingAny(SECRET, PASSPHRASE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080", "http://127.8.9.10", "http://localhost:3000", "http://[::1]:8080",
        "https://api.bitget.com", "https://10.0.0.5:8443"})
    void httpsAnywhereAndPlainHttpToLoopbackBuild(String url) {
        try (BitgetTransferGateway gateway = BitgetTransferGateway.builder().credentials(CREDENTIALS)
                .baseUrl(URI.create(url)).build()) {
            assertThat(gateway.toString()).contains(url);
        }
    }

    @Test
    void theOptInAllowsPlainHttpToAnotherHostAndWarnsWithoutSecrets() throws Exception {
        String url = "http://10.0.0.5:" + ThreadLocalRandom.current().nextInt(1024, 65536);

        try (BitgetTransferGateway gateway = BitgetTransferGateway.builder().credentials(CREDENTIALS)
                .baseUrl(URI.create(url)).allowCleartextCredentialsToNonLoopbackHosts().build()) {
            assertThat(gateway.toString()).contains(url);
        }

        assertThat(warningsAbout(url)).singleElement().asString()
                .contains("allowCleartextCredentialsToNonLoopbackHosts", "travel unencrypted to " + url)
                .doesNotContain(SECRET, PASSPHRASE);
    }

    @Test
    void theOptInWarnsOnlyWhereItAllowsSomething() throws Exception {
        String url = "http://127.0.0.1:" + ThreadLocalRandom.current().nextInt(1024, 65536);

        BitgetTransferGateway.builder().credentials(CREDENTIALS).baseUrl(URI.create(url))
                .allowCleartextCredentialsToNonLoopbackHosts().build().close();

        assertThat(warningsAbout(url)).isEmpty();
    }

    /** The WARN lines of this module's test log that mention {@code text}. */
    private static java.util.List<String> warningsAbout(String text) throws Exception {
        return Files.readAllLines(LOG_FILE, StandardCharsets.UTF_8).stream()
                .filter(line -> line.contains(" WARN ") && line.contains(text))
                .toList();
    }
}
