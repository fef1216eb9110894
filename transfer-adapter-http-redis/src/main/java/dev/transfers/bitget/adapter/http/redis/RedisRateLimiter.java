package dev.transfers.bitget.adapter.http.redis;

import dev.transfers.bitget.adapter.http.LoopbackHosts;
import dev.transfers.bitget.adapter.http.RateLimiterUnavailableException;
import dev.transfers.bitget.adapter.http.RequestRateLimiter;
import dev.transfers.bitget.adapter.http.Sleeper;
import io.github.bucket4j.BlockingStrategy;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
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
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rate limit of one key (the UID) shared through Redis by every process that uses the same
 * Redis and key: Bucket4j's compare-and-swap {@code ProxyManager} over Lettuce, with the same
 * bucket as {@link dev.transfers.bitget.adapter.http.LocalRateLimiter}, at a longer period for the
 * clock skew between hosts (capacity 1, one permit per {@value #PERIOD_MILLIS} ms). Give it to every
 * gateway of the UID in this process; every process of the fleet builds its own with the same
 * Redis and key:
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
 * <p>Besides the shared permits, the gateway keeps this limiter's requests within 10 in flight or
 * finished within the last 1000 ms in this process (see {@link RequestRateLimiter}). The margin
 * (110 ms, not 100 ms) covers the clock skew between hosts plus the spread of the time from permit
 * to wire; a first request of a cold process (class loading, a TLS handshake) can take longer than
 * that, and a 429 it causes is retried under a new permit.
 *
 * <p><b>Clock.</b> A Redis-backed bucket is computed on the client: each process stamps the
 * bucket state with its own clock. The clock here is the wall clock ({@link Instant#now()}, in
 * nanoseconds since the epoch, microsecond resolution on Linux) so that stamps of different
 * processes compare; per process {@code nanoTime} would not. Consecutive grants are one period
 * apart on the stamps, so 11 grants span at least 1100 ms of stamps, and at least
 * {@code 1100 ms - skew} of real time, where skew is how far the first and the last granting host's
 * clocks disagree (on one host: 0). The 100 ms margin covers skew plus the jitter between grant and
 * arrival: hosts of one fleet must keep their clocks within a few tens of milliseconds (NTP keeps
 * them within a few).
 *
 * <p><b>Failures.</b> Fail closed: when Redis refuses the connection, does not answer within
 * {@link #TIMEOUT}, or fails the command, {@link #acquire} throws
 * {@link RateLimiterUnavailableException} and takes no permit, so the gateway sends nothing. A
 * local fallback could not be safe: no process knows how many others are falling back with it.
 * The connection is made on first use, not when the gateway is built; once made, Lettuce
 * reconnects in the background, and while it is down commands are refused at once rather than
 * queued.
 *
 * <p>The key in Redis is {@value #KEY_PREFIX} followed by the SHA-256 of the rate-limit key (the
 * command line's default is the API key, so it is not stored as is). It expires a few seconds after its bucket
 * would be full again.
 */
public final class RedisRateLimiter extends RequestRateLimiter {
    /** The least time between two permits of one key, across every process. */
    public static final long PERIOD_MILLIS = 110;
    /** Longest wait to connect to Redis, and for one Redis command. */
    public static final Duration TIMEOUT = Duration.ofSeconds(1);
    /** The start of the Redis key of each bucket; the SHA-256 of the rate-limit key follows. */
    public static final String KEY_PREFIX = "bitget-transfer:rate-limit:";

    private static final Logger LOG = LoggerFactory.getLogger(RedisRateLimiter.class);
    private static final long NOT_READ = Long.MIN_VALUE;
    /** The clock's last reading on each thread: the time a permit's wait is counted from. */
    private static final ThreadLocal<long[]> LAST_READING = ThreadLocal.withInitial(() -> new long[] {NOT_READ});
    private static final TimeMeter WALL_CLOCK = new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            long now = wallClockNanos();
            LAST_READING.get()[0] = now;
            return now;
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    };

    private final String masked;
    private final String password;
    private final RedisClient client;
    private final byte[] key;
    private StatefulRedisConnection<byte[], byte[]> connection;
    private Bucket bucket;
    private boolean closed;
    /** The last failure to connect, repeated without a new try for {@link #TIMEOUT} after it. */
    private RateLimiterUnavailableException connectFailure;
    private long connectFailureNanos;

    private RedisRateLimiter(URI redisUri, String rateLimitKey) {
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
    }

    /** A builder; {@link Builder#redisUri(URI)} and {@link Builder#rateLimitKey(String)} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Takes one permit from the bucket in Redis, connecting on first use.
     *
     * @throws RateLimiterUnavailableException when Redis cannot be reached, does not answer within
     *                                         {@link #TIMEOUT}, or fails the command; no permit was taken
     */
    @Override
    public boolean acquire(Duration maxWait, Sleeper sleeper)
            throws InterruptedException, RateLimiterUnavailableException {
        Bucket shared = bucket();
        long[] lastReading = LAST_READING.get();
        lastReading[0] = NOT_READ;
        // Bucket4j stamps the request with the clock (on this thread) before its Redis round trips,
        // reserves the permit for stamp + wait, and then asks to park for that wait. Sleeping until
        // stamp + wait, rather than for the wait after the round trips, keeps the Redis latency out
        // of the spacing between sends; without a stamp it sleeps the whole wait (later, so safe).
        BlockingStrategy untilReserved = nanos -> {
            long stamp = lastReading[0];
            long left = stamp == NOT_READ ? nanos : stamp + nanos - wallClockNanos();
            if (left > 0) {
                sleeper.sleep(Duration.ofNanos(left));
            }
        };
        try {
            return shared.asBlocking().tryConsume(1, maxWait, untilReserved);
        } catch (RuntimeException failed) {
            throw unavailable("did not give a permit", failed);
        }
    }

    private synchronized Bucket bucket() throws RateLimiterUnavailableException {
        if (closed) {
            throw new RateLimiterUnavailableException("the rate limiter shared through " + masked
                    + " was closed");
        }
        if (bucket == null) {
            // Callers queue on this lock: one connect attempt per TIMEOUT keeps each one's wait short.
            if (connectFailure != null && System.nanoTime() - connectFailureNanos < TIMEOUT.toNanos()) {
                throw new RateLimiterUnavailableException(connectFailure.getMessage());
            }
            try {
                connection = client.connect(ByteArrayCodec.INSTANCE);
                connectFailure = null;
            } catch (RuntimeException failed) {
                connectFailure = unavailable("could not be reached", failed);
                connectFailureNanos = System.nanoTime();
                throw connectFailure;
            }
            ProxyManager<byte[]> buckets = Bucket4jLettuce.casBasedBuilder(connection)
                    .clientClock(WALL_CLOCK)
                    .requestTimeout(TIMEOUT)
                    .expirationAfterWrite(ExpirationAfterWriteStrategy
                            .basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(5)))
                    .build();
            bucket = buckets.builder().build(key, RedisRateLimiter::configuration);
        }
        return bucket;
    }

    private static BucketConfiguration configuration() {
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(1).refillGreedy(1, Duration.ofMillis(PERIOD_MILLIS)))
                .build();
    }

    private static long wallClockNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    /** A description of a Redis failure without its types and without the password. */
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
                + " (" + text + "); no request was sent without a permit");
    }

    @Override
    public String describe() {
        return "rate limit shared through " + masked;
    }

    /** Closes the Redis connection; later permits are refused as unavailable. */
    @Override
    public synchronized void close() {
        closed = true;
        bucket = null;
        try {
            if (connection != null) {
                connection.close();
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

        private Builder() {
        }

        /**
         * The Redis that holds the bucket: {@code redis://host:port}, {@code redis://:password@host:port/0},
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
         * Every process that uses the same Redis and key shares one bucket. Required.
         */
        public Builder rateLimitKey(String rateLimitKey) {
            this.rateLimitKey = Objects.requireNonNull(rateLimitKey, "rateLimitKey");
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
            return new RedisRateLimiter(redisUri, rateLimitKey);
        }
    }
}
