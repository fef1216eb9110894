package dev.transfers.bitget.adapter.http;

import static dev.transfers.bitget.adapter.http.WireFixture.API_KEY;
import static dev.transfers.bitget.adapter.http.WireFixture.PASSPHRASE;
import static dev.transfers.bitget.adapter.http.WireFixture.SECRET;
import static dev.transfers.bitget.adapter.http.WireFixture.TRANSFER_PATH;
import static dev.transfers.bitget.adapter.http.WireFixture.assertNoTransportTypes;
import static dev.transfers.bitget.adapter.http.WireFixture.spotToFutures;
import static dev.transfers.bitget.adapter.http.WireFixture.thrownBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import dev.transfers.bitget.domain.Transfer;
import dev.transfers.bitget.domain.TransferOutcomeUnknownException;
import dev.transfers.bitget.domain.TransferReceipt;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyManagementException;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The gateway over {@code https://} against a TLS server on 127.0.0.1 whose self-signed certificate
 * is made in the test: it works when the certificate is trusted through
 * {@link BitgetTransferGateway.Builder#sslContext(SSLContext)}, and sends nothing when the
 * certificate is not trusted or names another host.
 */
class TlsTest {
    private static final Pattern CLIENT_OID = Pattern.compile("\"clientOid\":\"([^\"]+)\"");

    @TempDir
    static Path certificates;

    private static TestCertificate forLoopback;
    private static TestCertificate forAnotherHost;

    private final FakeTime time = new FakeTime();

    @BeforeAll
    static void makeCertificates() throws Exception {
        forLoopback = TestCertificate.create(certificates, "ip:127.0.0.1");
        forAnotherHost = TestCertificate.create(certificates, "dns:exchange.invalid");
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void aTransferIsAppliedOverTlsWithATrustedCertificate(String serverProtocol) throws Exception {
        try (TlsServer server = TlsServer.start(forLoopback, serverProtocol)) {
            Transfer transfer = spotToFutures();

            TransferReceipt receipt = gateway(server, b -> b.sslContext(trusting(forLoopback))).transfer(transfer);

            assertThat(receipt).isEqualTo(new TransferReceipt("1", transfer.clientOid()));
            assertThat(server.received()).singleElement().satisfies(request -> {
                assertThat(request.protocol()).isEqualTo(serverProtocol);
                assertThat(request.apiKey()).isEqualTo(API_KEY);
            });
        }
    }

    @Test
    void anUntrustedCertificateIsRefusedAndNothingIsSent() throws Exception {
        try (TlsServer server = TlsServer.start(forLoopback, "TLSv1.3")) {
            // No sslContext: the JDK's trust store, which does not hold the test's certificate.
            BitgetTransferGateway gateway = gateway(server, UnaryOperator.identity());

            // Nothing was sent; the transfer records that could prove no earlier call applied it are
            // behind the same certificate, so the call ends in doubt, naming the certificate problem.
            TransferOutcomeUnknownException refused = thrownBy(TransferOutcomeUnknownException.class,
                    () -> gateway.transfer(spotToFutures()));

            assertThat(refused.getCause()).isInstanceOf(SSLHandshakeException.class)
                    .hasMessageContaining("unable to find valid certification path");
            assertThat(refused.getMessage()).contains("the TLS handshake failed before the request was sent",
                    "the transfer records could not be read");
            assertNoTransportTypes(refused);
            assertThat(server.received()).isEmpty();
        }
    }

    @Test
    void aTrustedCertificateForAnotherHostIsRefusedAndNothingIsSent() throws Exception {
        try (TlsServer server = TlsServer.start(forAnotherHost, "TLSv1.3")) {
            BitgetTransferGateway gateway = gateway(server, b -> b.sslContext(trusting(forAnotherHost)));

            TransferOutcomeUnknownException refused = thrownBy(TransferOutcomeUnknownException.class,
                    () -> gateway.transfer(spotToFutures()));

            assertThat(refused.getCause()).isInstanceOf(SSLHandshakeException.class)
                    .hasMessageContaining("127.0.0.1");
            assertThat(server.received()).isEmpty();
        }
    }

    @Test
    void aRedirectIsNotFollowed() throws Exception {
        try (TlsServer server = TlsServer.start(forLoopback, "TLSv1.3")) {
            BitgetTransferGateway gateway = gateway(server, b -> b.sslContext(trusting(forLoopback))
                    .baseUrl(URI.create("https://127.0.0.1:" + server.port() + "/moved")));

            TransferOutcomeUnknownException unknown = thrownBy(TransferOutcomeUnknownException.class,
                    () -> gateway.transfer(spotToFutures()));

            assertThat(unknown.getMessage()).contains("307");
            assertThat(server.redirected()).as("every attempt asked where it was sent").isEqualTo(5);
            assertThat(server.received()).isEmpty();
        }
    }

    @Test
    void aContextWithoutTls12OrNewerIsRefused() {
        SSLContext onlyTls11 = new SSLContext(new OnlyTls11(), null, "TLS") {
        };

        assertThatThrownBy(() -> BitgetTransferGateway.builder()
                .credentials(BitgetCredentials.hmac(API_KEY, SECRET, PASSPHRASE)).sslContext(onlyTls11).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sslContext must offer TLSv1.3 or TLSv1.2");
    }

    private BitgetTransferGateway gateway(TlsServer server, UnaryOperator<BitgetTransferGateway.Builder> tweaks) {
        return WireFixture.gateway(URI.create("https://127.0.0.1:" + server.port()), time, tweaks);
    }

    private static SSLContext trusting(TestCertificate certificate) {
        try {
            return certificate.trustingContext();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the server saw of one transfer request. */
    private record Received(String protocol, String apiKey) {
    }

    /**
     * An HTTPS server on 127.0.0.1 that speaks one TLS version and answers every transfer with
     * Bitget's success envelope; under {@code /moved} it answers with a redirect to the real path.
     */
    private static final class TlsServer implements AutoCloseable {
        private final HttpsServer server;
        private final List<Received> received = new CopyOnWriteArrayList<>();
        private final AtomicInteger redirects = new AtomicInteger();

        private TlsServer(HttpsServer server) {
            this.server = server;
        }

        static TlsServer start(TestCertificate certificate, String protocol) throws Exception {
            HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            https.setHttpsConfigurator(new HttpsConfigurator(certificate.serverContext()) {
                @Override
                public void configure(HttpsParameters parameters) {
                    SSLParameters ssl = getSSLContext().getDefaultSSLParameters();
                    ssl.setProtocols(new String[] {protocol});
                    parameters.setSSLParameters(ssl);
                }
            });
            TlsServer server = new TlsServer(https);
            https.createContext(TRANSFER_PATH, server::transfer);
            https.createContext("/moved" + TRANSFER_PATH, server::redirect);
            https.start();
            return server;
        }

        int port() {
            return server.getAddress().getPort();
        }

        List<Received> received() {
            return received;
        }

        int redirected() {
            return redirects.get();
        }

        private void transfer(HttpExchange exchange) throws IOException {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(((HttpsExchange) exchange).getSSLSession().getProtocol(),
                    exchange.getRequestHeaders().getFirst("ACCESS-KEY")));
            Matcher clientOid = CLIENT_OID.matcher(body);
            String answer = "{\"code\":\"00000\",\"msg\":\"success\",\"requestTime\":1,\"data\":{\"transferId\":\"1\","
                    + "\"clientOid\":\"" + (clientOid.find() ? clientOid.group(1) : "") + "\"}}";
            respond(exchange, 200, answer);
        }

        private void redirect(HttpExchange exchange) throws IOException {
            exchange.getRequestBody().readAllBytes();
            redirects.incrementAndGet();
            exchange.getResponseHeaders().add("Location", "https://127.0.0.1:" + port() + TRANSFER_PATH);
            respond(exchange, 307, "");
        }

        private static void respond(HttpExchange exchange, int status, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    /** A TLS implementation whose default protocol is TLS 1.1 alone: only its parameters are ever asked for. */
    private static final class OnlyTls11 extends SSLContextSpi {
        @Override
        protected SSLParameters engineGetDefaultSSLParameters() {
            return new SSLParameters(null, new String[] {"TLSv1.1"});
        }

        @Override
        protected void engineInit(KeyManager[] keys, TrustManager[] trust, SecureRandom random)
                throws KeyManagementException {
            throw new UnsupportedOperationException();
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            throw new UnsupportedOperationException();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            throw new UnsupportedOperationException();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            throw new UnsupportedOperationException();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            throw new UnsupportedOperationException();
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            throw new UnsupportedOperationException();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            throw new UnsupportedOperationException();
        }
    }
}
