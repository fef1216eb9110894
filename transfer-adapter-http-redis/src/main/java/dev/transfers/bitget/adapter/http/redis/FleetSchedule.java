package dev.transfers.bitget.adapter.http.redis;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * The Lua script ({@code fleet-schedule.lua}) that hands out the permits of one rate-limit key to
 * every process of a fleet, deciding on Redis's clock ({@code TIME}): each permit is a slot at
 * least {@code spacing} after the previous one, reserved at most {@code horizon} ahead, and the
 * caller is told how long to wait for it. Sent as {@code EVALSHA}, and as {@code EVAL} once when
 * Redis does not know it yet (after a restart or {@code SCRIPT FLUSH}).
 */
final class FleetSchedule {
    private static final String RESOURCE = "fleet-schedule.lua";

    private final byte[] script;
    private final String digest;
    private final long spacingMicrosValue;
    private final byte[] spacingMicros;
    private final byte[] horizonMicros;
    private final byte[] keyLifetimeMillis;

    FleetSchedule(Duration spacing, Duration horizon, Duration keyLifetime) {
        this.script = load();
        this.digest = sha1(script);
        this.spacingMicrosValue = spacing.toNanos() / 1000;
        this.spacingMicros = ascii(spacingMicrosValue);
        this.horizonMicros = ascii(horizon.toNanos() / 1000);
        this.keyLifetimeMillis = ascii(keyLifetime.toMillis());
    }

    /** What the script answered. */
    enum Verdict {
        /** A slot was reserved: send after the wait, not before. */
        RESERVED,
        /** Nothing reserved: the reserved slots reach past the horizon; ask again after the wait. */
        ASK_AGAIN,
        /** Nothing reserved: the next slot is further away than the caller would wait. */
        TOO_FAR
    }

    /**
     * The answer for one request of a permit.
     *
     * @param verdict   what was decided
     * @param waitNanos for {@link Verdict#RESERVED}, how long after Redis read its clock the slot is;
     *                  for {@link Verdict#ASK_AGAIN}, when to ask again; for {@link Verdict#TOO_FAR},
     *                  how far away the next slot was
     */
    record Answer(Verdict verdict, long waitNanos) {
    }

    /**
     * Asks for the next slot of {@code key}, to be reserved only if it is at most
     * {@code longestWaitNanos} away, keeping the next {@code slotsKeptFree} slots after it free.
     * Any Lettuce exception (connection, timeout, error reply) propagates.
     */
    Answer next(RedisCommands<byte[], byte[]> redis, byte[] key, long longestWaitNanos, int slotsKeptFree) {
        byte[][] keys = {key};
        byte[][] args = {spacingMicros, horizonMicros, ascii(Math.max(0, longestWaitNanos / 1000)), keyLifetimeMillis,
            ascii(slotsKeptFree * spacingMicrosValue)};
        List<Object> reply;
        try {
            reply = redis.evalsha(digest, ScriptOutputType.MULTI, keys, args);
        } catch (RedisNoScriptException notLoaded) {
            reply = redis.eval(script, ScriptOutputType.MULTI, keys, args);
        }
        long code = (Long) reply.get(0);
        long waitNanos = Math.multiplyExact((Long) reply.get(1), 1000L);
        Verdict verdict = switch ((int) code) {
            case 1 -> Verdict.RESERVED;
            case 2 -> Verdict.ASK_AGAIN;
            case 0 -> Verdict.TOO_FAR;
            default -> throw new IllegalStateException("the schedule script answered code " + code);
        };
        return new Answer(verdict, waitNanos);
    }

    private static byte[] load() {
        try (InputStream in = FleetSchedule.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private static String sha1(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }

    private static byte[] ascii(long value) {
        return Long.toString(value).getBytes(StandardCharsets.US_ASCII);
    }
}
