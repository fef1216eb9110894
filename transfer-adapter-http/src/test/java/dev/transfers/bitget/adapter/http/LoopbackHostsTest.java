package dev.transfers.bitget.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link LoopbackHosts}: loopback by how the host is written, and which URLs would expose credentials. */
class LoopbackHostsTest {

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080", "http://127.255.3.4", "http://localhost:1", "http://LocalHost",
        "http://[::1]:80", "http://[0:0:0:0:0:0:0:1]", "http://[0000::1]", "redis://127.0.0.1:6379"})
    void theseHostsAreLoopback(String url) {
        assertThat(LoopbackHosts.isLoopback(URI.create(url))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://0.0.0.0:8080", "http://128.0.0.1", "http://10.0.0.5", "http://api.bitget.com",
        "http://localhost.example", "http://127.0.0.1.nip.io", "http://127.0.0.256", "http://127.0.1", "http://[::]",
        "http://[::2]", "http://[::ffff:10.0.0.1]", "http://0127.0.0.1x", "file:/etc/hosts"})
    void theseHostsAreNot(String url) {
        assertThat(LoopbackHosts.isLoopback(URI.create(url))).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        "http://0.0.0.0:8080, true",
        "http://api.bitget.com, true",
        "HTTP://10.0.0.5, true",
        "http://127.0.0.1:8080, false",
        "https://10.0.0.5, false",
        "redis://:pw@10.0.0.5:6379, true",
        "redis://user:pw@cache.internal, true",
        "redis://10.0.0.5:6379, false",
        "redis://:pw@localhost:6379, false",
        "rediss://:pw@10.0.0.5:6380, false"})
    void credentialsWouldTravelInClearTextOnlyOverHttpOrARedisPasswordBeyondLoopback(String url, boolean exposed) {
        assertThat(LoopbackHosts.wouldSendCredentialsInClearText(URI.create(url))).isEqualTo(exposed);
    }
}
