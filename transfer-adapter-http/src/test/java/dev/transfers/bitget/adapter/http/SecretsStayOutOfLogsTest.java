package dev.transfers.bitget.adapter.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.transfers.bitget.adapter.http.WireFixture.PASSPHRASE;
import static dev.transfers.bitget.adapter.http.WireFixture.SECRET;
import static dev.transfers.bitget.adapter.http.WireFixture.TRANSFER_PATH;
import static dev.transfers.bitget.adapter.http.WireFixture.spotToFutures;
import static dev.transfers.bitget.adapter.http.WireFixture.transferRequests;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.transfers.bitget.domain.Transfer;
import dev.transfers.bitget.domain.TransferException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Secrets never show: runs transfers to every outcome with this module's loggers at TRACE
 * (src/test/resources/simplelogger.properties), then searches the log file, the exceptions with
 * their stack traces and causes, and every toString for the secret, the passphrase and the
 * signatures the server received.
 */
class SecretsStayOutOfLogsTest {
    private static final Path LOG_FILE = Path.of("target", "adapter-http-test.log");

    @RegisterExtension
    static final WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    @BeforeEach
    void recordsHoldNothing() {
        WireFixture.noRecords(server);
    }

    @Test
    void noSecretPassphraseOrSignatureInLogsExceptionsOrToString() throws Exception {
        FakeTime time = new FakeTime();
        BitgetTransferGateway gateway = WireFixture.gateway(server, time, b -> b);
        List<String> shown = new ArrayList<>(List.of(gateway.toString(),
                BitgetCredentials.hmac(WireFixture.API_KEY, SECRET, PASSPHRASE).toString()));

        server.stubFor(post(urlEqualTo(TRANSFER_PATH)).willReturn(okJson(WireFixture.success("1", "x"))));
        Transfer applied = spotToFutures();
        gateway.transfer(applied);
        for (var answer : List.of(
                aResponse().withStatus(400).withBody(WireFixture.error("40009")),
                aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                aResponse().withStatus(502).withBody("<html>bad gateway</html>"))) {
            server.stubFor(post(urlEqualTo(TRANSFER_PATH)).willReturn(answer));
            try {
                gateway.transfer(spotToFutures());
            } catch (TransferException outcome) {
                shown.add(withStackTraceAndCauses(outcome));
            }
        }

        List<String> signatures = transferRequests(server).stream().map(r -> r.getHeader("ACCESS-SIGN")).toList();
        assertThat(signatures).hasSizeGreaterThan(5).doesNotContainNull();
        assertThat(shown).hasSize(5);
        String log = Files.readString(LOG_FILE, StandardCharsets.UTF_8);
        assertThat(log).as("the log file holds this test's lines").contains(applied.clientOid());
        for (String text : concat(shown, log)) {
            assertThat(text).doesNotContain(SECRET, PASSPHRASE);
            for (String signature : signatures) {
                assertThat(text).doesNotContain(signature);
            }
        }
    }

    private static List<String> concat(List<String> texts, String more) {
        List<String> all = new ArrayList<>(texts);
        all.add(more);
        return all;
    }

    private static String withStackTraceAndCauses(Throwable thrown) {
        StringWriter text = new StringWriter();
        thrown.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
