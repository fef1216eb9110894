package dev.transfers.bitget.adapter.http.redis.testing;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Redis servers of the tests: real {@code redis-server} processes on 127.0.0.1.
 *
 * <p>{@link #shared()} is the one CI starts ({@code .ci/run} exports {@value #URL_VARIABLE}); when
 * that variable is absent, as when a developer runs {@code mvn verify} by hand, it is a server this
 * JVM starts from {@code redis-server} on the PATH, stopped when the JVM exits. Without either the
 * tests fail: they are never skipped. {@link #startOwn()} always starts a fresh server, for tests
 * that stop it. A tiny RESP client ({@link #command}) talks to them, so the tests need no Redis
 * library of their own. Shipped in this module's test-jar: the app's tests and the fleet benchmark
 * use it too.
 */
public final class TestRedis implements AutoCloseable {
    public static final String URL_VARIABLE = "BITGET_TEST_REDIS_URL";
    private static URI shared;

    private final Process process;
    private final int port;

    private TestRedis(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** The Redis of this test run: CI's, or one started here once. */
    public static synchronized URI shared() {
        if (shared == null) {
            String fromCi = System.getenv(URL_VARIABLE);
            if (fromCi != null && !fromCi.isBlank()) {
                shared = URI.create(fromCi.trim());
            } else {
                TestRedis own = startOwn();
                Runtime.getRuntime().addShutdownHook(new Thread(own::close));
                shared = own.uri();
            }
        }
        return shared;
    }

    /** A new {@code redis-server} on a free port of 127.0.0.1, answering PING, within 10 s. */
    public static TestRedis startOwn() {
        return startOn(freePort());
    }

    /** A new {@code redis-server} on this port (as a restart after {@link #stop()}). */
    public static TestRedis startOn(int port) {
        Path binary = redisServer();
        try {
            Path log = Files.createTempFile("redis-" + port + "-", ".log");
            Process process = new ProcessBuilder(binary.toString(), "--port", Integer.toString(port),
                    "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no")
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            TestRedis redis = new TestRedis(process, port);
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < until) {
                if (!process.isAlive()) {
                    throw new AssertionError("redis-server on port " + port + " exited: " + Files.readString(log));
                }
                try {
                    if ("PONG".equals(command(redis.uri(), "PING"))) {
                        return redis;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                TimeUnit.MILLISECONDS.sleep(20);
            }
            redis.close();
            throw new AssertionError("redis-server on port " + port + " did not answer PING within 10 s");
        } catch (IOException e) {
            throw new AssertionError("cannot start " + binary + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while starting redis-server", e);
        }
    }

    private static Path redisServer() {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
        dirs.add("/usr/bin");
        dirs.add("/usr/local/bin");
        dirs.add("/usr/sbin");
        for (String dir : dirs) {
            if (!dir.isBlank()) {
                Path candidate = Path.of(dir, "redis-server");
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        throw new AssertionError("The Redis tests need a Redis server: set " + URL_VARIABLE
                + "=redis://127.0.0.1:PORT, or put redis-server on the PATH (Debian: apt-get install redis-server)."
                + " .ci/run does both.");
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new AssertionError("no free port", e);
        }
    }

    public URI uri() {
        return URI.create("redis://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    /** Stops the server at once, as a crash would (SIGKILL), and waits until it is gone. */
    public void stop() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * Sends one command and reads its reply as text: a simple string, an error ("-ERR ..."), an
     * integer, a bulk string (null as {@code null}), or for an array its element count ("*N").
     */
    public static String command(URI redis, String... args) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(redis.getHost(), redis.getPort()), 1000);
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            StringBuilder request = new StringBuilder("*").append(args.length).append("\r\n");
            for (String arg : args) {
                request.append('$').append(arg.getBytes(StandardCharsets.UTF_8).length).append("\r\n")
                        .append(arg).append("\r\n");
            }
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            String line = readLine(in);
            if (line == null) {
                return null;
            }
            char type = line.charAt(0);
            String rest = line.substring(1);
            switch (type) {
                case '+', ':' -> {
                    return rest;
                }
                case '-' -> {
                    return line;
                }
                case '$' -> {
                    int length = Integer.parseInt(rest);
                    if (length < 0) {
                        return null;
                    }
                    byte[] bytes = in.readNBytes(length + 2);
                    return new String(bytes, 0, length, StandardCharsets.UTF_8);
                }
                default -> {
                    return line;
                }
            }
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int previous = -1;
        for (int b = in.read(); b != -1; b = in.read()) {
            if (previous == '\r' && b == '\n') {
                byte[] bytes = line.toByteArray();
                return new String(bytes, 0, bytes.length - 1, StandardCharsets.UTF_8);
            }
            line.write(b);
            previous = b;
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
    }
}
