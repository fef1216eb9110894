package dev.transfers.bitget.bench;

import com.sun.net.httpserver.HttpServer;
import dev.transfers.bitget.adapter.fake.simulator.SimulatedBitget;
import dev.transfers.bitget.domain.AccountType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** The loopback servers the wire benchmarks talk to: 127.0.0.1 only, ephemeral ports. */
final class Loopback {
    private Loopback() {
    }

    /** One registered API key of a {@link SimulatedBitget}, with its own UID. */
    /** The jitter of each way of a simulated network, in percent of its delay. */
    static final int JITTER_PERCENT = 20;
    private static final long NETWORK_SEED = 11;

    record Account(String apiKey, String secret, String passphrase, String uid) {
        SimulatedBitget.Credentials credentials() {
            return SimulatedBitget.Credentials.live(apiKey, secret, passphrase, uid);
        }
    }

    /** {@code count} accounts, each with its own key and UID; {@code label} keeps them apart between runs. */
    static List<Account> accounts(String label, int count) {
        List<Account> accounts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            accounts.add(new Account("bench-key-" + label + "-" + i, "bench-secret-" + i, "bench-pass-" + i,
                    "bench-uid-" + label + "-" + i));
        }
        return accounts;
    }

    /** A simulator that knows these accounts, with ample USDT in spot for 0.01 USDT transfers. */
    static SimulatedBitget simulator(List<Account> accounts) {
        return simulator(accounts, Duration.ZERO);
    }

    /**
     * The same, behind a simulated network whose round trip is about {@code roundTrip}: each way
     * {@code roundTrip / 2} with a uniform jitter of ±{@value #JITTER_PERCENT} % of it, seeded.
     */
    static SimulatedBitget simulator(List<Account> accounts, Duration roundTrip) {
        SimulatedBitget.Builder builder = SimulatedBitget.builder();
        if (!roundTrip.isZero()) {
            Duration oneWay = roundTrip.dividedBy(2);
            builder.networkDelay(oneWay, oneWay.multipliedBy(JITTER_PERCENT).dividedBy(100), NETWORK_SEED);
        }
        accounts.forEach(account -> builder.credentials(account.credentials()));
        SimulatedBitget sim = builder.start();
        sim.seedBalance(AccountType.SPOT, "USDT", new BigDecimal("1000000000000"));
        return sim;
    }

    /**
     * A trivial HTTP server that reads every request body in full and answers every request with a
     * canned Bitget success envelope (a fresh transferId each time), checking nothing. It runs the
     * handler on its dispatcher thread. Stop it with {@code stop(0)}.
     */
    static HttpServer cannedSuccessServer() {
        AtomicLong transferIds = new AtomicLong(1_000_000);
        try {
            HttpServer server = HttpServer.create(
                    new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0), 0);
            server.createContext("/", exchange -> {
                try (InputStream in = exchange.getRequestBody()) {
                    in.readAllBytes();
                }
                byte[] answer = ("{\"code\":\"00000\",\"msg\":\"success\",\"requestTime\":"
                        + System.currentTimeMillis() + ",\"data\":{\"transferId\":\"" + transferIds.incrementAndGet()
                        + "\"}}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, answer.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static URI uri(HttpServer server) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }
}
