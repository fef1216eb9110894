package dev.transfers.bitget.bench;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
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
 * A {@code redis-server} from the PATH on a free port of 127.0.0.1, without persistence
 * ({@code --save '' --appendonly no}), for the fleet benchmark. {@link #close()} sends
 * {@code SHUTDOWN NOSAVE} and then destroys the process. A tiny RESP client ({@link #command}) is
 * enough to ping and stop it.
 */
final class LocalRedis implements AutoCloseable {
    private final Process process;
    private final int port;

    private LocalRedis(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts one and waits (at most 10 s) until it answers PING. */
    static LocalRedis start() throws IOException, InterruptedException {
        Path binary = redisServer();
        int port = freePort();
        Path log = Files.createTempFile("bench-redis-" + port + "-", ".log");
        Process process = new ProcessBuilder(binary.toString(), "--port", Integer.toString(port),
                "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        LocalRedis redis = new LocalRedis(process, port);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < until) {
            if (!process.isAlive()) {
                throw new IllegalStateException("redis-server on port " + port + " exited: " + Files.readString(log));
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
        throw new IllegalStateException("redis-server on port " + port + " did not answer PING within 10 s (log: "
                + log + ")");
    }

    URI uri() {
        return URI.create("redis://127.0.0.1:" + port);
    }

    @Override
    public void close() {
        try {
            command(uri(), "SHUTDOWN", "NOSAVE");
        } catch (IOException expected) {
            // the server closes the connection without a reply when it shuts down
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static Path redisServer() {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "")
                .split(File.pathSeparator)));
        for (String dir : dirs) {
            if (!dir.isBlank()) {
                Path candidate = Path.of(dir, "redis-server");
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("FleetUtilisation needs redis-server on the PATH"
                + " (Debian: apt-get install redis-server); none found in PATH=" + System.getenv("PATH"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** One command; its reply's first line as text (a bulk string's content), or null at end of stream. */
    static String command(URI redis, String... args) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(redis.getHost(), redis.getPort()), 1000);
            socket.setSoTimeout(5000);
            StringBuilder request = new StringBuilder("*").append(args.length).append("\r\n");
            for (String arg : args) {
                request.append('$').append(arg.getBytes(StandardCharsets.UTF_8).length).append("\r\n")
                        .append(arg).append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            String line = readLine(in);
            if (line == null || line.isEmpty()) {
                return null;
            }
            if (line.charAt(0) == '$') {
                int length = Integer.parseInt(line.substring(1));
                return length < 0 ? null
                        : new String(in.readNBytes(length + 2), 0, length, StandardCharsets.UTF_8);
            }
            return line.charAt(0) == '+' || line.charAt(0) == ':' ? line.substring(1) : line;
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int previous = -1;
        for (int b = in.read(); b != -1 && line.size() < 65_536; b = in.read()) {
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
