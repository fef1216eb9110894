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
import java.util.Optional;
import java.util.OptionalLong;
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
 * <p><b>The fleet's arrival window.</b> The state of the key in Redis is the fleet's send window:
 * {@value #CLAIMS} claims, each held by one request from its permit until the next request through
 * it cannot arrive within {@value #WINDOW_MILLIS} ms of this one's arrival. A Lua script decides
 * every permit on Redis's clock ({@code TIME}; no host's clock is read or compared): it reserves a
 * slot only when a claim will be free by then, at least {@value #SPACING_MILLIS} ms after the key's
 * previous slot (which keeps the flow even) and at most {@value #HORIZON_MILLIS} ms ahead, and
 * answers how long to wait; the caller sleeps that long from the moment the answer arrived, so it
 * never sends before its slot. When the attempt has ended, the gateway
 * {@linkplain Permit#release releases} the permit and a second call of the script ends the claim:
 * <ol>
 *   <li>Without a dated answer (a timeout, a dropped connection, an HTML page), the claim is free
 *       {@value #WINDOW_MILLIS} ms after the release on Redis's clock: the request, if it arrived,
 *       arrived before its attempt ended, so before the release.</li>
 *   <li>With Bitget's {@code requestTime} (when it handled the request, to the millisecond, on its
 *       clock), the claim is free at the first slot {@code s} with
 *       {@code s + d >= requestTime + 1 ms + }{@value #WINDOW_MILLIS}{@code  ms + }
 *       {@value #ARRIVAL_MARGIN_MILLIS}{@code  ms},
 *       where {@code d} is the least of the fleet's last {@value #DELAY_SAMPLES} delays
 *       {@code requestTime - slot}: the offset of the exchange's clock to Redis's plus the time from
 *       slot to arrival. The offset is in both sides and cancels; what is assumed is that no request
 *       reaches Bitget more than {@value #ARRIVAL_MARGIN_MILLIS} ms sooner after its slot than the
 *       fastest of the last ones did. Only the variation of that delay is charged, not the round
 *       trip. Each answer also brackets the offset between {@code requestTime - release} and
 *       {@code requestTime - slot}; an answer whose bracket misses the others' (Redis's clock
 *       stepped, stamps that are not arrivals) discards the delays learnt, and every answered claim
 *       falls back to rule 1.</li>
 * </ol>
 * An answered claim is free at the earlier of the two, since rule 1 always holds. A claim never
 * released (its process died, or could not reach Redis) is free at its lease: the slot plus what was
 * left of the call's deadline when it asked (the attempt ends by then) plus {@value #WINDOW_MILLIS} ms. A 429 reported in a release holds every slot back
 * {@value #RATE_LIMITED_HOLD_MILLIS} ms.
 *
 * <p><b>Why arrivals stay within 10 in any 1000 ms.</b> Any 11 requests of the fleet include two
 * through the same claim (pigeonhole), and the later of two consecutive requests through a claim has
 * a slot no earlier than the claim's free time, so it arrives at least {@value #WINDOW_MILLIS} ms
 * after the earlier one: no 1000 ms window of arrivals holds 11, however the requests are spaced,
 * whichever process sent them and whatever its clock says. A caller that wakes late for its slot
 * (paused, starved of CPU) keeps its permit: being late only makes its arrival later, which the
 * rules above already allow for; its claim stays held until released. A process joining a running
 * fleet takes claims as they come free, as any process of the fleet does.
 *
 * <p><b>When Redis forgets.</b> The key holds the claims and the identity ({@code run_id}) of the
 * Redis process that wrote it. When the script finds no state written by the running Redis process
 * (a new key, a key unused for {@link #KEY_LIFETIME} that expired, or Redis restarted, was flushed,
 * evicted the key or failed over), a permit handed out before may still be waiting, its slot up to
 * the horizon ahead: the schedule restarts a horizon from now, with every claim held as if its
 * request had ended a horizon after that (assumed: a request permitted before the loss arrives
 * within {@value #HORIZON_MILLIS} ms of its slot), so the first permit of a new or idle key waits
 * 2 x {@value #HORIZON_MILLIS} + {@value #WINDOW_MILLIS} ms. Releases of claims from before the loss
 * are ignored. A state whose last slot lies beyond the horizon (Redis's clock stepped back) is
 * treated the same way; Redis's clock must not step forward while permits wait (NTP slews it).
 *
 * <p>Callers of one limiter ask Redis one at a time (in turn), so a saturated process polls Redis
 * at most every {@value #POLL_MILLIS} ms while only requests in flight could free a claim.
 *
 * <p><b>Failures.</b> Fail closed: when Redis refuses the connection, does not answer within
 * {@link #TIMEOUT}, or fails the command, {@link #acquire} throws
 * {@link RateLimiterUnavailableException} and no request may be sent; a permit the script may have
 * reserved is simply not used (its claim is freed by its lease). A local fallback could not be safe:
 * no process knows how many others are falling back with it. The connection is made on first use,
 * not when the gateway is built: the first permit of a process waits for it, trying again with a
 * growing pause, within the time the call gives it (the gateway's remaining deadline); once that
 * wait has failed, or once connected, a call whose Redis cannot answer fails at once. Once
 * connected, Lettuce reconnects in the background, and while it is down commands are refused at
 * once rather than queued. A release that cannot reach Redis is logged and leaves the claim to its
 * lease.
 *
 * <p>The key in Redis is {@value #KEY_PREFIX} followed by the SHA-256 of the rate-limit key (the
 * command line's default is the API key, so it is not stored as is); it expires
 * {@link #KEY_LIFETIME} after its last write. Every process of a fleet must run this version: the
 * key's value differs from earlier versions'.
 */
public final class RedisRateLimiter extends RequestRateLimiter {
    /** How many requests Bitget allows per window and UID: the fleet's claims. */
    public static final int CLAIMS = 10;
    /** Bitget's window, milliseconds. */
    public static final long WINDOW_MILLIS = 1000;
    /** The least time between two permits of one key, across every process: the limit's own 1000 ms / 10. */
    public static final long SPACING_MILLIS = 100;
    /** How far ahead of Redis's clock a permit may be reserved; further back callers ask again later. */
    public static final long HORIZON_MILLIS = 250;
    /** How far below the least recent delay from slot to arrival a request's delay may fall. */
    public static final long ARRIVAL_MARGIN_MILLIS = 10;
    /** How many recent answers, from the whole fleet, give the least delay. */
    public static final int DELAY_SAMPLES = 64;
    /** How long no permit is given after a 429. */
    public static final long RATE_LIMITED_HOLD_MILLIS = 100;
    /** How soon a caller asks again while only requests in flight could free a claim. */
    public static final long POLL_MILLIS = 20;
    /** Longest wait for one connection attempt to Redis, and for one Redis command. */
    public static final Duration TIMEOUT = Duration.ofSeconds(1);
    /** How long the key of an unused limit stays in Redis after its last write. */
    public static final Duration KEY_LIFETIME = Duration.ofHours(1);
    /** The start of the Redis key of each limit; the SHA-256 of the rate-limit key follows. */
    public static final String KEY_PREFIX = "bitget-transfer:rate-limit:";

    private static final Logger LOG = LoggerFactory.getLogger(RedisRateLimiter.class);
    private static final Duration FIRST_CONNECT_RETRY = Duration.ofMillis(50);
    private static final Duration LONGEST_CONNECT_RETRY = Duration.ofSeconds(1);
    /** The schedule of every Redis limiter. */
    static final FleetSchedule SCHEDULE = new FleetSchedule(CLAIMS, Duration.ofMillis(SPACING_MILLIS),
            Duration.ofMillis(HORIZON_MILLIS), Duration.ofMillis(WINDOW_MILLIS),
            Duration.ofMillis(ARRIVAL_MARGIN_MILLIS),
            KEY_LIFETIME, DELAY_SAMPLES, Duration.ofMillis(RATE_LIMITED_HOLD_MILLIS), Duration.ofMillis(POLL_MILLIS));

    private final String masked;
    private final String password;
    private final RedisClient client;
    private final byte[] key;
    private final LongSupplier hostNanoTime;
    /** Held by the caller that makes the first connection; the others wait for it within their deadlines. */
    private final ReentrantLock connecting = new ReentrantLock();
    /** Held by the caller asking Redis for a slot; the others wait their turn, so one caller polls. */
    private final ReentrantLock asking = new ReentrantLock(true);
    private volatile StatefulRedisConnection<byte[], byte[]> connection;
    private volatile boolean closed;
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
     * Reserves a slot of the key's window in Redis and sleeps until it, connecting on first use. The
     * permit's claim is held until the permit is {@linkplain Permit#release released}, or until its
     * lease runs out ({@code maxWait} and a window after the slot).
     *
     * @throws RateLimiterUnavailableException when Redis cannot be reached (for the first connection:
     *                                         within {@code maxWait}), does not answer within
     *                                         {@link #TIMEOUT}, or fails the command; send nothing
     */
    @Override
    public Optional<Permit> acquire(Duration maxWait, Sleeper sleeper)
            throws InterruptedException, RateLimiterUnavailableException {
        long deadline = hostNanoTime.getAsLong() + Math.max(0, maxWait.toNanos());
        RedisCommands<byte[], byte[]> redis = connected(deadline, sleeper);
        if (!asking.tryLock(Math.max(0, deadline - hostNanoTime.getAsLong()), TimeUnit.NANOSECONDS)) {
            return Optional.empty();
        }
        FleetSchedule.Answer reserved;
        long answered;
        try {
            while (true) {
                long asked = hostNanoTime.getAsLong();
                if (deadline - asked <= 0) {
                    return Optional.empty();
                }
                FleetSchedule.Answer answer;
                try {
                    answer = SCHEDULE.acquire(redis, key, deadline - asked, deadline - asked);
                } catch (RuntimeException failed) {
                    throw unavailable("did not give a permit", failed);
                }
                answered = hostNanoTime.getAsLong();
                if (answer.verdict() == FleetSchedule.Verdict.RESERVED) {
                    reserved = answer;
                    break;
                }
                if (answer.verdict() == FleetSchedule.Verdict.TOO_FAR
                        || answered + answer.waitNanos() - deadline >= 0) {
                    return Optional.empty();
                }
                sleeper.sleep(Duration.ofNanos(answer.waitNanos()));
            }
        } finally {
            asking.unlock();
        }
        Claim claim = new Claim(reserved.claim(), reserved.slotMicros());
        try {
            sleepUntil(answered + reserved.waitNanos(), sleeper);
        } catch (InterruptedException interrupted) {
            // Nothing will be sent under it: the claim goes back now rather than at its lease.
            claim.release(OptionalLong.empty(), false);
            throw interrupted;
        }
        return Optional.of(claim);
    }

    /** Sleeps until {@code slot}, a host time not before the reserved slot. */
    private void sleepUntil(long slot, Sleeper sleeper) throws InterruptedException {
        // A sleeper may wake a fraction of a millisecond early (Thread.sleep rounds): sleep again until it is time.
        for (long left = slot - hostNanoTime.getAsLong(); left > 0; left = slot - hostNanoTime.getAsLong()) {
            sleeper.sleep(Duration.ofNanos(left));
        }
    }

    /** A permit: one claim of the key's window, named by its slot, until released. */
    private final class Claim implements Permit {
        private final int claim;
        private final long slotMicros;

        Claim(int claim, long slotMicros) {
            this.claim = claim;
            this.slotMicros = slotMicros;
        }

        @Override
        public void release(OptionalLong requestTime, boolean rateLimited) {
            try {
                StatefulRedisConnection<byte[], byte[]> made = connection;
                if (made == null || closed) {
                    throw new IllegalStateException("the limiter was closed");
                }
                SCHEDULE.release(made.sync(), key, claim, slotMicros, requestTime, rateLimited);
            } catch (RuntimeException failed) {
                LOG.warn("The rate limiter shared through {} could not be told that a request ended ({}); its claim is"
                        + " held until its lease runs out", masked, failure(failed));
            }
        }
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

    /** A failure to ask Redis, described without the client's types and without the password. */
    private RateLimiterUnavailableException unavailable(String what, Throwable failed) {
        String text = failure(failed);
        return new RateLimiterUnavailableException("the rate limiter shared through " + masked + " " + what
                + (text.isEmpty() ? "" : " (" + text + ")") + "; no request was sent without a permit");
    }

    /** The messages of a Redis failure and its causes (if any), on one line, without the password. */
    private String failure(Throwable failed) {
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
        return text;
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

    /** The hex SHA-256 of {@code text}, as the key names the limit. */
    static String sha256(String text) {
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
         * the wait for a slot and the call's deadline. Only differences of its own
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
