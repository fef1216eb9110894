package dev.transfers.bitget.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Credentials never travel in clear text to a host that is not loopback: an {@code http://}
 * {@code --base-url} or a {@code redis://} URL with a password to such a host is refused with exit 2
 * before anything is sent, unless {@code --allow-cleartext-credentials} is given, which warns.
 * The listener binds every interface of this machine ({@code 0.0.0.0}), as the user did.
 */
class CleartextCredentialsCliTest {
    private static final String SECRET = "cleartext-cli-secret-never-printed";
    private static final String PASSPHRASE = "cleartext-cli-passphrase-never-printed";
    private static final String REDIS_PASSWORD = "cleartext-cli-redis-password-never-printed";
    private static final Map<String, String> CREDENTIALS = Map.of("BITGET_API_KEY", "cleartext-cli-key",
            "BITGET_API_SECRET", SECRET, "BITGET_API_PASSPHRASE", PASSPHRASE);
    private static final String CLIENT_OID = "cleartext-cli-1";

    private ServerSocket listener;

    @BeforeEach
    void listenOnEveryInterface() throws IOException {
        listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 0));
    }

    @AfterEach
    void stopListening() throws IOException {
        listener.close();
    }

    private CliRunner.Run transfer(Map<String, String> environment, String baseUrl, String... options) {
        List<String> args = new ArrayList<>(List.of("transfer", "--base-url", baseUrl, "--from", "spot", "--to",
                "usdt_futures", "--amount", "1", "--coin", "USDT", "--client-oid", CLIENT_OID));
        args.addAll(List.of(options));
        CliRunner.Run run = CliRunner.run(environment, args.toArray(String[]::new));
        assertThat(run.out() + run.err()).as("no secret is ever printed")
                .doesNotContain(SECRET, PASSPHRASE, REDIS_PASSWORD);
        return run;
    }

    @Test
    void plainHttpToThisMachinesOtherAddressesExits2SaysUseHttpsAndConnectsNowhere() throws IOException {
        for (String host : nonLoopbackAddressesOfThisMachine()) {
            String baseUrl = "http://" + host + ":" + listener.getLocalPort();

            CliRunner.Run run = transfer(CREDENTIALS, baseUrl);

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.INVALID_INPUT.code());
            assertThat(run.err()).contains("--base-url " + baseUrl + " is plain HTTP to a host that is not loopback",
                    "would travel in clear text", "Use https://", "--allow-cleartext-credentials");
        }
        assertNoConnectionReachedTheListener();
    }

    @Test
    void aRedisPasswordOverPlainRedisToAnotherHostExits2NamingRedissAndConnectsNowhere() throws IOException {
        String redisUrl = "redis://:" + REDIS_PASSWORD + "@0.0.0.0:" + listener.getLocalPort();
        Map<String, String> withRedisInTheEnvironment = new HashMap<>(CREDENTIALS);
        withRedisInTheEnvironment.put(RateLimitOptions.REDIS_URL_VARIABLE, redisUrl);

        CliRunner.Run option = transfer(CREDENTIALS, "https://127.0.0.1:1", "--redis-url", redisUrl);
        CliRunner.Run variable = transfer(withRedisInTheEnvironment, "https://127.0.0.1:1");

        assertThat(option.exitCode()).as(option.toString()).isEqualTo(ExitCode.INVALID_INPUT.code());
        assertThat(option.err()).contains("--redis-url would send the Redis password in clear text to 0.0.0.0",
                "Use rediss://", "--allow-cleartext-credentials");
        assertThat(variable.exitCode()).as(variable.toString()).isEqualTo(ExitCode.INVALID_INPUT.code());
        assertThat(variable.err()).contains("BITGET_REDIS_URL would send the Redis password in clear text");
        assertNoConnectionReachedTheListener();
    }

    @Test
    void theOptInSendsOverPlainHttpAndWarnsOnStderr() throws Exception {
        String baseUrl = "http://0.0.0.0:" + listener.getLocalPort();
        listener.setSoTimeout(10_000);
        CompletableFuture<String> request = CompletableFuture.supplyAsync(this::answerOneTransfer);

        CliRunner.Run run = transfer(CREDENTIALS, baseUrl, "--allow-cleartext-credentials");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("applied transferId=1 clientOid=" + CLIENT_OID);
        assertThat(run.err()).contains("warning: --allow-cleartext-credentials: the API key, the passphrase and"
                + " replayable signatures travel unencrypted to " + baseUrl);
        assertThat(request.get(10, TimeUnit.SECONDS).toLowerCase(Locale.ROOT))
                .as("the listener would have seen a request sent in clear text").contains("access-passphrase");
    }

    /** No connection is waiting: the CLI has returned, so one it had made would already be queued. */
    private void assertNoConnectionReachedTheListener() throws SocketException {
        listener.setSoTimeout(200);
        assertThatThrownBy(() -> listener.accept().close()).isInstanceOf(SocketTimeoutException.class);
    }

    /** Accepts one connection, reads the request and answers with Bitget's success envelope; returns the head. */
    private String answerOneTransfer() {
        try (Socket connection = listener.accept()) {
            InputStream in = connection.getInputStream();
            String head = readHead(in);
            int length = head.lines().filter(line -> line.toLowerCase(Locale.ROOT).startsWith("content-length:"))
                    .map(line -> Integer.parseInt(line.substring(line.indexOf(':') + 1).trim())).findFirst().orElse(0);
            in.readNBytes(length);
            byte[] body = ("{\"code\":\"00000\",\"msg\":\"success\",\"requestTime\":1,\"data\":{\"transferId\":\"1\","
                    + "\"clientOid\":\"" + CLIENT_OID + "\"}}").getBytes(StandardCharsets.UTF_8);
            OutputStream out = connection.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            return head;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        while (matched < end.length) {
            int next = in.read();
            if (next < 0) {
                throw new IOException("the request ended before its head did");
            }
            head.write(next);
            matched = next == end[matched] ? matched + 1 : (next == end[0] ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    /** {@code 0.0.0.0} and this machine's own IPv4 addresses that are not loopback, if it has any. */
    private static List<String> nonLoopbackAddressesOfThisMachine() throws SocketException {
        List<String> hosts = new ArrayList<>(List.of("0.0.0.0"));
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (network.isUp() && !network.isLoopback()) {
                Collections.list(network.getInetAddresses()).stream()
                        .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                        .findFirst().ifPresent(address -> hosts.add(address.getHostAddress()));
            }
        }
        return hosts;
    }
}
