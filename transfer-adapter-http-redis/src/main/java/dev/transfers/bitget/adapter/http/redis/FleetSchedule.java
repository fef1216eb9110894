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
import java.util.OptionalLong;

/**
 * The Lua script ({@code fleet-schedule.lua}) that keeps the arrival window of one rate-limit key
 * for every process of a fleet, deciding on Redis's clock ({@code TIME}): {@code claims} claims,
 * each held by one request from its slot until the next request through it cannot arrive within a
 * window of this one's arrival, and slots at least {@code spacing} apart, reserved at most
 * {@code horizon} ahead. {@link #acquire} reserves a slot (and tells the caller how long to wait
 * for it); {@link #release} ends the claim with what the attempt's answer said. Sent as
 * {@code EVALSHA}, and as {@code EVAL} once when Redis does not know it yet (after a restart or
 * {@code SCRIPT FLUSH}). The argument for the bound is in {@link RedisRateLimiter}.
 */
final class FleetSchedule {
    private static final String RESOURCE = "fleet-schedule.lua";
    private static final byte[] ACQUIRE = ascii("acquire");
    private static final byte[] RELEASE = ascii("release");
    private static final byte[] NO_REQUEST_TIME = ascii("-");

    private final byte[] script;
    private final String digest;
    /** The arguments every call passes after the mode: claims, spacing ... poll (see the script). */
    private final byte[][] settings;

    /**
     * @param claims       how many requests the limit allows per window
     * @param spacing      the least time between two slots
     * @param horizon      how far ahead of Redis's clock a slot may be reserved
     * @param window       the exchange's window
     * @param margin       how far below the least recent delay from slot to arrival a request's may fall
     * @param keyLifetime  how long the key lives after its last write
     * @param samples      how many recent delays are kept
     * @param holdAfter429 how long no slot is given after a 429
     * @param poll         how soon a caller asks again while only a request in flight can free a claim
     */
    FleetSchedule(int claims, Duration spacing, Duration horizon, Duration window, Duration margin,
            Duration keyLifetime, int samples, Duration holdAfter429, Duration poll) {
        this.script = load();
        this.digest = sha1(script);
        this.settings = new byte[][] {ascii(claims), ascii(micros(spacing)), ascii(micros(horizon)),
            ascii(micros(window)), ascii(micros(margin)), ascii(keyLifetime.toMillis()), ascii(samples),
            ascii(micros(holdAfter429)), ascii(micros(poll))};
    }

    /** What the script answered to {@link #acquire}. */
    enum Verdict {
        /** A slot was reserved: send after the wait, not before. */
        RESERVED,
        /** Nothing reserved: no claim is free within the horizon yet; ask again after the wait. */
        ASK_AGAIN,
        /** Nothing reserved: no slot can come sooner than the wait, longer than the caller would wait. */
        TOO_FAR
    }

    /**
     * The answer for one request of a permit.
     *
     * @param verdict    what was decided
     * @param waitNanos  for {@link Verdict#RESERVED}, how long after Redis read its clock the slot is;
     *                   for {@link Verdict#ASK_AGAIN}, when to ask again; for {@link Verdict#TOO_FAR},
     *                   how far away the soonest slot was
     * @param claim      for {@link Verdict#RESERVED}, the claim the slot holds (1 to claims)
     * @param slotMicros for {@link Verdict#RESERVED}, the slot on Redis's clock: with the claim, what
     *                   {@link #release} names
     */
    record Answer(Verdict verdict, long waitNanos, int claim, long slotMicros) {
    }

    /**
     * Asks for a slot of {@code key}, to be reserved only if it is at most {@code longestWaitNanos}
     * away; the claim is held until released, or until the slot plus {@code attemptNanos} plus a
     * window (its lease: the caller's attempt ends within {@code attemptNanos} of the slot). Any
     * Lettuce exception (connection, timeout, error reply) propagates.
     */
    Answer acquire(RedisCommands<byte[], byte[]> redis, byte[] key, long longestWaitNanos, long attemptNanos) {
        List<Object> reply = run(redis, key, ACQUIRE, ascii(Math.max(0, longestWaitNanos / 1000)),
                ascii(Math.max(0, attemptNanos / 1000)));
        long code = (Long) reply.get(0);
        long waitNanos = Math.multiplyExact((Long) reply.get(1), 1000L);
        return switch ((int) code) {
            case 1 -> new Answer(Verdict.RESERVED, waitNanos, Math.toIntExact((Long) reply.get(2)),
                    (Long) reply.get(3));
            case 2 -> new Answer(Verdict.ASK_AGAIN, waitNanos, 0, 0);
            case 0 -> new Answer(Verdict.TOO_FAR, waitNanos, 0, 0);
            default -> throw new IllegalStateException("the schedule script answered code " + code);
        };
    }

    /**
     * Ends the claim {@code claim} reserved for {@code slotMicros}: free a window after now (Redis's
     * clock, later than the attempt's end) without {@code requestTime}, or as soon as the next
     * request through it cannot arrive within a window of {@code requestTime}; with
     * {@code rateLimited}, no slot is given for a moment. Any Lettuce exception propagates.
     *
     * @return false when the claim was no longer the caller's (its lease ran out, or Redis lost the state)
     */
    boolean release(RedisCommands<byte[], byte[]> redis, byte[] key, int claim, long slotMicros,
            OptionalLong requestTime, boolean rateLimited) {
        List<Object> reply = run(redis, key, RELEASE, ascii(claim), ascii(slotMicros),
                requestTime.isPresent() ? ascii(requestTime.getAsLong()) : NO_REQUEST_TIME, ascii(rateLimited ? 1 : 0));
        return (Long) reply.get(0) == 1;
    }


    private List<Object> run(RedisCommands<byte[], byte[]> redis, byte[] key, byte[] mode, byte[]... callArgs) {
        byte[][] keys = {key};
        byte[][] args = new byte[1 + settings.length + callArgs.length][];
        args[0] = mode;
        System.arraycopy(settings, 0, args, 1, settings.length);
        System.arraycopy(callArgs, 0, args, 1 + settings.length, callArgs.length);
        try {
            return redis.evalsha(digest, ScriptOutputType.MULTI, keys, args);
        } catch (RedisNoScriptException notLoaded) {
            return redis.eval(script, ScriptOutputType.MULTI, keys, args);
        }
    }

    private static long micros(Duration duration) {
        return duration.toNanos() / 1000;
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

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
