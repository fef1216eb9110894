package dev.transfers.bitget.adapter.http;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.Charset;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.Call;
import okhttp3.ConnectionSpec;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.RequestBody;
import okio.Buffer;
import okio.BufferedSource;

/**
 * The HTTP client under Feign: OkHttp, chosen by measurement (docs/BENCHMARKS.md, section 7): at the
 * pace Bitget's limit allows, in a JVM that is only lukewarm, it answered faster and with less CPU
 * than the JDK's {@code java.net.http} client. Configured so that every attempt stays one request,
 * counted and signed by the gateway:
 * <ul>
 *   <li>it never resends a request by itself ({@code retryOnConnectionFailure(false)}: OkHttp would
 *       otherwise silently resend a POST on a dropped keep-alive connection) and never follows a
 *       redirect;</li>
 *   <li>HTTP/1.1 only; TLS 1.2 or 1.3 (the versions the builder settled on) through the gateway's
 *       {@link SSLContext}, whose trust managers check the certificate during the handshake, and the
 *       JDK's HTTPS host-name check in that same handshake (so a wrong certificate fails it with an
 *       {@link javax.net.ssl.SSLHandshakeException} before anything is sent), then OkHttp's own
 *       host-name check;</li>
 *   <li>the connect timeout is the client's; each attempt's {@linkplain Request.Options#readTimeoutMillis()
 *       read timeout} bounds the whole call (OkHttp's call timeout), its answer's body included: the
 *       body is read at once, up to {@value #MAX_BODY_BYTES} bytes, so a body that stalls after the
 *       headers fails the attempt with an {@link java.io.InterruptedIOException} (in doubt) instead
 *       of hanging past the deadline.</li>
 * </ul>
 */
final class OkHttpTransport implements Client {
    /** Bitget's answers are a few hundred bytes; a longer body is cut and then fails to parse. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private final OkHttpClient http;
    /** Calls to one endpoint send the same URL, which OkHttp would otherwise parse and canonicalise on every call. */
    private final LastParse<HttpUrl> urls = new LastParse<>() {
        @Override
        HttpUrl parse(String url) {
            return HttpUrl.get(url);
        }
    };
    /** And the same content type, which OkHttp parses with regular expressions. */
    private final LastParse<MediaType> mediaTypes = new LastParse<>() {
        @Override
        MediaType parse(String contentType) {
            return MediaType.parse(contentType);
        }
    };

    OkHttpTransport(SSLContext tls, List<String> tlsProtocols, Duration connectTimeout, Duration readTimeout) {
        ConnectionSpec tlsSpec = new ConnectionSpec.Builder(ConnectionSpec.MODERN_TLS)
                .tlsVersions(tlsProtocols.toArray(String[]::new))
                .allEnabledCipherSuites()
                .build();
        this.http = new OkHttpClient.Builder()
                .protocols(List.of(Protocol.HTTP_1_1))
                .connectionSpecs(List.of(tlsSpec, ConnectionSpec.CLEARTEXT))
                .sslSocketFactory(new HostCheckingSocketFactory(tls.getSocketFactory()), NoChainCleaning.INSTANCE)
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .followSslRedirects(false)
                .connectTimeout(connectTimeout)
                .readTimeout(readTimeout)
                .writeTimeout(readTimeout)
                .build();
    }

    /** Closes the connections kept alive and idle; one still in use closes at OkHttp's idle limit after its call. */
    void closeIdleConnections() {
        http.connectionPool().evictAll();
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        okhttp3.Request.Builder sent = new okhttp3.Request.Builder().url(urls.of(request.url()));
        String contentType = null;
        for (Map.Entry<String, Collection<String>> header : request.headers().entrySet()) {
            if (header.getKey().equalsIgnoreCase("Content-Length")) {
                continue; // OkHttp writes it from the body
            }
            for (String value : header.getValue()) {
                sent.addHeader(header.getKey(), value);
                if (header.getKey().equalsIgnoreCase("Content-Type")) {
                    contentType = value;
                }
            }
        }
        byte[] body = request.body();
        String method = request.httpMethod().name();
        if (body != null || method.equals("POST") || method.equals("PUT")) {
            sent.method(method, RequestBody.create(body == null ? new byte[0] : body,
                    contentType == null ? null : mediaTypes.of(contentType)));
        } else {
            sent.method(method, null);
        }
        Call call = http.newCall(sent.build());
        call.timeout().timeout(options.readTimeoutMillis(), TimeUnit.MILLISECONDS);
        try (okhttp3.Response answer = call.execute()) {
            // Read at once, bounded, under the call timeout: a body that stalls ends the attempt.
            // Through OkHttp's own pooled buffer: no scratch buffer per call, as InputStream.readNBytes has.
            byte[] answerBody;
            try (BufferedSource source = answer.body().source()) {
                source.request(MAX_BODY_BYTES);
                Buffer buffered = source.getBuffer();
                answerBody = buffered.readByteArray(Math.min(buffered.size(), MAX_BODY_BYTES));
            }
            return Response.builder()
                    .status(answer.code())
                    .reason(answer.message())
                    .headers(headersRead(answer.headers()))
                    .request(request)
                    .body(new ReadBody(answerBody))
                    .build();
        }
    }

    /**
     * The answer's headers that the adapter reads ({@value ResponseClassifier#RETRY_AFTER}), and no
     * other: Feign copies a response's headers each time it builds one, twice per call, and nothing
     * here reads the rest.
     */
    private static Map<String, Collection<String>> headersRead(Headers headers) {
        List<String> retryAfter = headers.values(ResponseClassifier.RETRY_AFTER);
        return retryAfter.isEmpty() ? Map.of() : Map.of(ResponseClassifier.RETRY_AFTER, retryAfter);
    }

    /**
     * An answer's body, read whole by {@link #execute}: {@link Wire#readBody} takes its bytes as they
     * are. It gives no {@linkplain #length() length}, so that Feign does not copy it once more (it
     * copies a body of known length up to 8 KiB for a method that returns {@link Response}, and
     * rebuilds the response, its headers included, around the copy).
     */
    static final class ReadBody implements Response.Body {
        private final byte[] bytes;

        private ReadBody(byte[] bytes) {
            this.bytes = bytes;
        }

        /** The body as read; the caller owns it (nothing else reads it). */
        byte[] bytes() {
            return bytes;
        }

        @Override
        public Integer length() {
            return null;
        }

        @Override
        public boolean isRepeatable() {
            return true;
        }

        @Override
        public InputStream asInputStream() {
            return new ByteArrayInputStream(bytes);
        }

        @Override
        public Reader asReader(Charset charset) {
            return new InputStreamReader(asInputStream(), charset);
        }

        @Override
        public void close() {
            // Nothing to release: the connection went back to OkHttp when the body was read.
        }
    }

    /**
     * A parser that keeps its last result: the text is parsed again only when it differs from the
     * last. The text and its parse are one immutable pair, read and replaced whole, so a race between
     * threads costs at most one parse more. (A subclass rather than a lambda: a fresh JVM links a
     * lambda through method handles it must first generate.)
     */
    private abstract static class LastParse<T> {
        private volatile Parsed<T> last;

        abstract T parse(String text);

        T of(String text) {
            Parsed<T> kept = last;
            if (kept != null && kept.text().equals(text)) {
                return kept.value();
            }
            T value = parse(text);
            last = new Parsed<>(text, value);
            return value;
        }

        private record Parsed<T>(String text, T value) {
        }
    }

    /**
     * The gateway's TLS sockets: the JDK checks the host name against the certificate during the
     * handshake ({@code HTTPS} endpoint identification), as {@code java.net.http} does.
     */
    private static final class HostCheckingSocketFactory extends SSLSocketFactory {
        private final SSLSocketFactory delegate;

        HostCheckingSocketFactory(SSLSocketFactory delegate) {
            this.delegate = delegate;
        }

        private static Socket checkingHost(Socket socket) {
            if (socket instanceof SSLSocket tls) {
                SSLParameters parameters = tls.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                tls.setSSLParameters(parameters);
            }
            return socket;
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return delegate.getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return delegate.getSupportedCipherSuites();
        }

        @Override
        public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
            return checkingHost(delegate.createSocket(socket, host, port, autoClose));
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return checkingHost(delegate.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return checkingHost(delegate.createSocket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return checkingHost(delegate.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return checkingHost(delegate.createSocket(address, port, localAddress, localPort));
        }
    }

    /**
     * What OkHttp is handed as "the" trust manager. OkHttp uses it only to clean certificate chains
     * for certificate pinning, which this client does not configure; the certificate is checked by
     * the {@link SSLContext}'s own trust managers during the handshake. Should OkHttp ever ask it to
     * trust anything, it refuses: it fails closed.
     */
    private enum NoChainCleaning implements X509TrustManager {
        INSTANCE;

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("not a trust manager: the SSLContext's trust managers decide");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("not a trust manager: the SSLContext's trust managers decide");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
