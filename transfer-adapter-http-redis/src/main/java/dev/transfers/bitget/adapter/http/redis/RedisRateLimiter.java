package dev.transfers.bitget.adapter.http.redis;

import dev.transfers.bitget.adapter.http.LoopbackHosts;
import dev.transfers.bitget.adapter.http.RateLimiterUnavailableException;
import dev.transfers.bitget.adapter.http.RequestRateLimiter;
import dev.transfers.bitget.domain.Sleeper;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import io.netty.resolver.DefaultAddressResolverGroup;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rate limit of one key (the UID) shared through Redis by every process that uses the same
 * Redis and key, decided on Redis's clock: a fleet of processes behaves like one process, from its
 * first request. Give it to every gateway of the UID in this process; every process of the fleet
 * builds its own with the same Redis and key:
 *
 * <pre>{@code
 * try (RedisRateLimiter limiter = RedisRateLimiter.builder()
 *         .redisUri(URI.create(System.getenv("BITGET_REDIS_URL")))   // redis://:PASSWORD@host:6379/0
 *         .rateLimitKey(uid)
 *         .build()) {
 *     BitgetTransferGateway gateway = BitgetTransferGateway.builder()
 *             .credentials(credentials)
 *             .rateLimiter(limiter)
 *             .build();
 *     // ... transfers ...
 * }
 * }</pre>
 *
 * <p><b>The schedule.</b> Each permit is a slot on Redis's clock, handed out by a Lua script that
 * reads {@code TIME} (no host's clock is read or compared): a slot at least {@value #SPACING_MILLIS}
 * ms after the key's previous one, whichever process asked for it, reserved at most
 * {@value #HORIZON_MILLIS} ms ahead. The script answers how long to wait; the caller sleeps that
 * long from the moment the answer arrived, so it never sends before its slot. So any 11 consecutive
 * permits of the fleet span at least 10 x {@value #SPACING_MILLIS} = 1050 ms of Redis's clock, and a
 * process that joins a running fleet queues behind the permits already given. The first permit of a
 * limiter keeps the {@value #SLOTS_KEPT_FREE_AFTER_FIRST} slots after it free: a starting process's
 * first request can take a hundred milliseconds or more from permit to wire (connection set-up,
 * lazy initialisation), more than the margin below; so it may be up to 50 + 2 x 105 = 260 ms late.
 *
 * <p><b>Why arrivals stay within 10 in any 1000 ms.</b> A permit's request arrives at Bitget some
 * delay after its slot: the answer's way back from Redis, the wake-up, signing and sending, the
 * network to Bitget. Two arrivals 10 permits apart are at least 1050 ms minus the difference of
 * their two delays apart, so the bound holds while the delays of the fleet's permits differ by at
 * most the 50 ms margin; the common part of the delay (the mean network latency) does not count,
 * only its spread. The margin is spent so: a caller that finds itself more than
 * {@value #LATE_TOLERANCE_MILLIS} ms after the earliest instant its slot could have been (its own
 * monotonic clock, from before it asked Redis; so a slow answer from Redis counts too) gives the
 * permit up and takes another, so a paused or starved process cannot bunch a late request onto
 * the following ones; the remaining 30 ms cover sending (a millisecond or two) and the variation
 * of the one-way network delay to Bitget (20 ms at a 100 ms round trip with &plusmn;20 % jitter).
 * A stall after {@link #acquire} has returned (in the gateway, before the request leaves) is beyond
 * this limiter's sight and counts against the same margin.
 *
 * <p><b>When Redis forgets.</b> The key holds the last slot and the identity ({@code run_id}) of
 * the Redis process that wrote it. When the script finds no schedule written by the running Redis
 * process (a new key, a key unused for {@link #KEY_LIFETIME} that expired, or Redis restarted,
 * was flushed, evicted the key or failed over), a permit handed out before may still be waiting, up
 * to the horizon ahead: the schedule restarts {@value #HORIZON_MILLIS} ms from now, so the first
 * permit of a new or idle key waits about 1.1 s. Redis's clock must not step forward while permits
 * wait (NTP slews it); a step back is recognised the same way.
 *
 * <p>Besides the shared permits, the gateway keeps this limiter's requests within its per-process
 * window (see {@link RequestRateLimiter}), which applies after the permit.
 *
 * <p><b>Failures.</b> Fail closed: when Redis refuses the connection, does not answer within
 * {@link #TIMEOUT}, or fails the command, {@link #acquire} throws
 * {@link RateLimiterUnavailableException} and no request may be sent; a permit the script may have
 * reserved is simply not used. A local fallback could not be safe: no process knows how many others
 * are falling back with it. The connection is made on first use, not when the gateway is built: the
 * first permit of a process waits for it, trying again with a growing pause, within the time the
 * call gives it (the gateway's remaining deadline); once that wait has failed, or once connected,
 * a call whose Redis cannot answer fails at once. Once connected, Lettuce reconnects in the
 * background, and while it is down commands are refused at once rather than queued.
 *
 * <p>The key in Redis is {@value #KEY_PREFIX} followed by the SHA-256 of the rate-limit key (the
 * command line's default is the API key, so it is not stored as is); it expires
 * {@link #KEY_LIFETIME} after its last permit. Every process of a fleet must run this version: the
 * key's value differs from the earlier Bucket4j bucket's.
 */
public final class RedisRateLimiter extends RequestRateLimiter {
    /** The least time between two permits of one key, across every process: 10 x this is 1000 ms plus the margin. */
    public static final long SPACING_MILLIS = 105;
    /** How far ahead of Redis's clock a permit may be reserved; further back callers ask again later. */
    public static final long HORIZON_MILLIS = 1000;
    /** How late after its slot a caller may find itself and still use the permit; later, it takes another. */
    public static final long LATE_TOLERANCE_MILLIS = 20;
    /** How many slots after the first permit of a limiter (a process starting) are kept free. */
    public static final int SLOTS_KEPT_FREE_AFTER_FIRST = 2;
    /** Longest wait for one connection attempt to Redis, and for one Redis command. */
    public static final Duration TIMEOUT = Duration.ofSeconds(1);
    /** How long the key of an unused limit stays in Redis after its last permit. */
    public static final Duration KEY_LIFETIME = Duration.ofHours(1);
    /** The start of the Redis key of each limit; the SHA-256 of the rate-limit key follows. */
    public static final String KEY_PREFIX = "bitget-transfer:rate-limit:";

    private static final Logger LOG = LoggerFactory.getLogger(RedisRateLimiter.class);
    private static final Duration FIRST_CONNECT_RETRY = Duration.ofMillis(50);
    private static final Duration LONGEST_CONNECT_RETRY = Duration.ofSeconds(1);
    private static final FleetSchedule SCHEDULE = new FleetSchedule(Duration.ofMillis(SPACING_MILLIS),
            Duration.ofMillis(HORIZON_MILLIS), KEY_LIFETIME);

    private final String masked;
    private final String password;
    private final RedisClient client;
    private final byte[] key;
    private final LongSupplier hostNanoTime;
    /** Held by the caller that makes the first connection; the others wait for it within their deadlines. */
    private final ReentrantLock connecting = new ReentrantLock();
    private volatile StatefulRedisConnection<byte[], byte[]> connection;
    private volatile boolean closed;
    /** Whether this limiter has had a permit: its first keeps the slots after it free. */
    private volatile boolean warm;
    /** A first connection was waited for until a deadline, in vain: later callers try once, not until theirs. */
    private boolean coldStartOver;

    private RedisRateLimiter(URI redisUri, String rateLimitKey, LongSupplier hostNanoTime) {
        this.masked = mask(redisUri);
        RedisURI uri = RedisURI.create(redisUri);
        uri.setTimeout(TIMEOUT);
        this.password = uri.getPassword() == null ? null : new String(uri.getPassword());
        this.client = RedisClient.create(SharedResources.INSTANCE, uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(TIMEOUT).build())
                .timeoutOptions(TimeoutOptions.enabled(TIMEOUT))
                .build());
        this.key = (KEY_PREFIX + sha256(rateLimitKey)).getBytes(StandardCharsets.UTF_8);
        this.hostNanoTime = hostNanoTime;
    }

    /** A builder; {@link Builder#redisUri(URI)} and {@link Builder#rateLimitKey(String)} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Takes the next slot of the key's schedule in Redis and sleeps until it, connecting on first use.
     *
     * @throws RateLimiterUnavailableException when Redis cannot be reached (for the first connection:
     *                                         within {@code maxWait}), does not answer within
     *                                         {@link #TIMEOUT}, or fails the command; send nothing
     */
    @Override
    public boolean acquire(Duration maxWait, Sleeper sleeper)
            throws InterruptedException, RateLimiterUnavailableException {
        long deadline = hostNanoTime.getAsLong() + Math.max(0, maxWait.toNanos());
        RedisCommands<byte[], byte[]> redis = connected(deadline, sleeper);
        while (true) {
            long asked = hostNanoTime.getAsLong();
            if (deadline - asked <= 0) {
                return false;
            }
            FleetSchedule.Answer answer;
            try {
                answer = SCHEDULE.next(redis, key, deadline - asked, warm ? 0 : SLOTS_KEPT_FREE_AFTER_FIRST);
            } catch (RuntimeException failed) {
                throw unavailable("did not give a permit", failed);
            }
            long answered = hostNanoTime.getAsLong();
            switch (answer.verdict()) {
                case TOO_FAR -> {
                    return false;
                }
                case ASK_AGAIN -> {
                    if (answered + answer.waitNanos() - deadline >= 0) {
                        return false;
                    }
                    sleeper.sleep(Duration.ofNanos(answer.waitNanos()));
                }
                case RESERVED -> {
                    warm = true;
                    if (waitedForSlot(answered + answer.waitNanos(), asked + answer.waitNanos(), sleeper)) {
                        return true;
                    }
                }
            }
        }
    }

    /**
     * Sleeps until {@code slot} (a host time not before the reserved slot), then tells whether the
     * caller is still within {@link #LATE_TOLERANCE_MILLIS} of {@code earliest}, the first host
     * time the slot could have been; false means the permit is given up.
     */
    private boolean waitedForSlot(long slot, long earliest, Sleeper sleeper) throws InterruptedException {
        // A sleeper may wake a fraction of a millisecond early (Thread.sleep rounds): once more, then go.
        for (int sleeps = 0; sleeps < 2; sleeps++) {
            long left = slot - hostNanoTime.getAsLong();
            if (left <= 0) {
                break;
            }
            sleeper.sleep(Duration.ofNanos(left));
        }
        long late = hostNanoTime.getAsLong() - earliest;
        if (late <= TimeUnit.MILLISECONDS.toNanos(LATE_TOLERANCE_MILLIS)) {
            return true;
        }
        LOG.debug("A permit of {} was {} ms late (the process stalled, or Redis answered slowly): given up, asking"
                + " for another", masked, TimeUnit.NANOSECONDS.toMillis(late));
        return false;
    }

    /**
     * The commands of the connection, made by the first caller: it tries again with a growing pause
     * until {@code deadline}, and the other callers wait for it within theirs. Once such a wait has
     * failed, a caller tries once.
     */
    private RedisCommands<byte[], byte[]> connected(long deadline, Sleeper sleeper)
            throws InterruptedException, RateLimiterUnavailableException {
        StatefulRedisConnection<byte[], byte[]> made = connection;
        if (closed) {
            throw wasClosed();
        }
        if (made != null) {
            return made.sync();
        }
        if (!connecting.tryLock(Math.max(0, deadline - hostNanoTime.getAsLong()), TimeUnit.NANOSECONDS)) {
            throw unavailable("could not be reached within the call's deadline", null);
        }
        try {
            Duration pause = FIRST_CONNECT_RETRY;
            while (true) {
                if (closed) {
                    throw wasClosed();
                }
                if (connection != null) {
                    return connection.sync();
                }
                try {
                    connection = client.connect(ByteArrayCodec.INSTANCE);
                    return connection.sync();
                } catch (RuntimeException failed) {
                    if (coldStartOver || deadline - hostNanoTime.getAsLong() <= pause.toNanos()) {
                        coldStartOver = true;
                        throw unavailable("could not be reached", failed);
                    }
                    LOG.debug("Redis at {} not reachable yet; trying again in {} ms", masked, pause.toMillis());
                    sleeper.sleep(pause);
                    pause = pause.multipliedBy(2).compareTo(LONGEST_CONNECT_RETRY) > 0 ? LONGEST_CONNECT_RETRY
                            : pause.multipliedBy(2);
                }
            }
        } finally {
            connecting.unlock();
        }
    }

    private RateLimiterUnavailableException wasClosed() {
        return new RateLimiterUnavailableException("the rate limiter shared through " + masked + " was closed");
    }

    /** A description of a Redis failure (if any) without its types and without the password. */
    private RateLimiterUnavailableException unavailable(String what, Throwable failed) {
        StringBuilder causes = new StringBuilder();
        for (Throwable cause = failed; cause != null && causes.length() < 500; cause = cause.getCause()) {
            causes.append(causes.length() == 0 ? "" : "; ").append(cause.getClass().getSimpleName());
            if (cause.getMessage() != null) {
                causes.append(": ").append(cause.getMessage());
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        String text = causes.toString().replaceAll("\\s*\\R\\s*", " ");
        if (password != null && !password.isEmpty()) {
            text = text.replace(password, "***");
        }
        return new RateLimiterUnavailableException("the rate limiter shared through " + masked + " " + what
                + (text.isEmpty() ? "" : " (" + text + ")") + "; no request was sent without a permit");
    }

    @Override
    public String describe() {
        return "rate limit shared through " + masked;
    }

    /** Closes the Redis connection; later permits are refused as unavailable. */
    @Override
    public void close() {
        closed = true;
        try {
            StatefulRedisConnection<byte[], byte[]> made = connection;
            if (made != null) {
                made.close();
            }
        } finally {
            client.shutdown(Duration.ZERO, TIMEOUT);
        }
    }

    /**
     * Checks a Redis URL for the builder: {@code redis://} or {@code rediss://}, a host, an
     * optional port, password ({@code redis://:password@host}, or {@code user:password}) and
     * database number ({@code /0}); a password over plain {@code redis://} only to a loopback host
     * unless {@code allowCleartextPassword}.
     *
     * @throws IllegalArgumentException naming what is wrong, never quoting the password
     */
    static void check(URI redisUri, boolean allowCleartextPassword) {
        String scheme = redisUri.getScheme() == null ? "" : redisUri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("redis") || scheme.equals("rediss")) || redisUri.getHost() == null
                || redisUri.getFragment() != null) {
            throw new IllegalArgumentException("redisUri must be a redis:// or rediss:// URL with a host,"
                    + " such as redis://127.0.0.1:6379, not '" + mask(redisUri) + "'");
        }
        String path = redisUri.getPath();
        if (path != null && !path.isEmpty() && !path.matches("/[0-9]{0,5}")) {
            throw new IllegalArgumentException("redisUri: the path of a Redis URL is a database number"
                    + " such as /0, not '" + path + "'");
        }
        try {
            RedisURI.create(redisUri);
        } catch (RuntimeException invalid) {
            throw new IllegalArgumentException("redisUri: not a usable Redis URL: '" + mask(redisUri) + "'");
        }
        if (!allowCleartextPassword && LoopbackHosts.wouldSendCredentialsInClearText(redisUri)) {
            throw new IllegalArgumentException("redisUri " + mask(redisUri) + " would send the Redis password"
                    + " in clear text to a host that is not loopback. Use rediss:// (TLS); only for a TLS-terminating"
                    + " proxy on a private network, call allowCleartextCredentialsToNonLoopbackHosts()");
        }
    }

    /** The URL without its user information (which may hold a password) and without its query. */
    static String mask(URI redisUri) {
        if (redisUri.getHost() == null) {
            // Opaque or unparsed: nothing can be shown safely but the scheme.
            return (redisUri.getScheme() == null ? "" : redisUri.getScheme() + ":") + "(not shown)";
        }
        try {
            return new URI(redisUri.getScheme(), redisUri.getRawUserInfo() == null ? null : "***",
                    redisUri.getHost(), redisUri.getPort(), redisUri.getPath(), null, null).toString();
        } catch (URISyntaxException e) {
            return redisUri.getScheme() + "://(not shown)";
        }
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** One set of Lettuce threads for every Redis limiter of the process, made on first use. */
    private static final class SharedResources {
        static final ClientResources INSTANCE = DefaultClientResources.builder()
                .ioThreadPoolSize(2)
                .computationThreadPoolSize(2)
                // The JDK's resolver, as the rest of the adapter uses; Netty's DNS client is slow to start.
                .addressResolverGroup(DefaultAddressResolverGroup.INSTANCE)
                // Reconnect soon after Redis is back: at most a second between tries (Lettuce's default is 30 s).
                .reconnectDelay(Delay.exponential(Duration.ofMillis(10), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS))
                .build();
    }

    @Override
    public String toString() {
        return "RedisRateLimiter[" + masked + "]";
    }

    /**
     * Configures a {@link RedisRateLimiter}; {@link #build()} checks the URL without connecting
     * (the connection is made on the first permit).
     */
    public static final class Builder {
        private URI redisUri;
        private String rateLimitKey;
        private boolean allowCleartextPassword;
        private LongSupplier hostNanoTime = System::nanoTime;

        private Builder() {
        }

        /**
         * The Redis that holds the schedule: {@code redis://host:port}, {@code redis://:password@host:port/0},
         * {@code rediss://} for TLS; a standalone Redis (not Cluster or Sentinel) with
         * {@code maxmemory-policy noeviction}. Required. The password is never printed: messages
         * show the URL as {@code redis://***@host:port}.
         */
        public Builder redisUri(URI redisUri) {
            this.redisUri = Objects.requireNonNull(redisUri, "redisUri");
            return this;
        }

        /**
         * What the limit is counted by: the UID, since Bitget counts per UID across every API key.
         * Every process that uses the same Redis and key shares one schedule. Required.
         */
        public Builder rateLimitKey(String rateLimitKey) {
            this.rateLimitKey = Objects.requireNonNull(rateLimitKey, "rateLimitKey");
            return this;
        }

        /**
         * This host's monotonic clock, in nanoseconds, by default {@link System#nanoTime()}: it times
         * the wait for a slot and whether the caller came late to it. Only differences of its own
         * readings are used, never compared with another host's or with Redis's clock; tests and
         * simulations give each process a clock of its own (skewed, say) to show that this holds.
         */
        public Builder hostNanoTime(LongSupplier hostNanoTime) {
            this.hostNanoTime = Objects.requireNonNull(hostNanoTime, "hostNanoTime");
            return this;
        }

        /**
         * Lets a password travel over plain {@code redis://} to a host that is not loopback, for a
         * TLS-terminating proxy on a private network; every limiter built so logs a warning. Without
         * it, {@link #build()} refuses such a URL: use {@code rediss://}.
         */
        public Builder allowCleartextCredentialsToNonLoopbackHosts() {
            this.allowCleartextPassword = true;
            return this;
        }

        /**
         * The limiter, not yet connected.
         *
         * @throws IllegalStateException    when the Redis URL or the rate-limit key was not set
         * @throws IllegalArgumentException when the URL is not a usable Redis URL or the key is blank;
         *                                  the message never quotes the password
         */
        public RedisRateLimiter build() {
            if (redisUri == null) {
                throw new IllegalStateException("redisUri is required, such as redis://127.0.0.1:6379");
            }
            if (rateLimitKey == null) {
                throw new IllegalStateException("rateLimitKey is required: the UID the limit is counted by");
            }
            if (rateLimitKey.isBlank()) {
                throw new IllegalArgumentException("rateLimitKey must not be blank");
            }
            check(redisUri, allowCleartextPassword);
            if (allowCleartextPassword && LoopbackHosts.wouldSendCredentialsInClearText(redisUri)) {
                LOG.warn("allowCleartextCredentialsToNonLoopbackHosts: the Redis password travels unencrypted to {};"
                        + " use rediss:// unless a TLS-terminating proxy on a private network is all that is on the"
                        + " way", mask(redisUri));
            }
            return new RedisRateLimiter(redisUri, rateLimitKey, hostNanoTime);
        }
    }
}
