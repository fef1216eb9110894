package dev.transfers.bitget.adapter.http.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transfers.bitget.adapter.http.redis.FleetSchedule.Answer;
import dev.transfers.bitget.adapter.http.redis.FleetSchedule.Verdict;
import dev.transfers.bitget.adapter.http.redis.testing.TestRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The schedule script against a real Redis, read back from the key it writes: slots exactly one
 * spacing apart on Redis's clock, never reserved beyond the horizon or beyond the caller's wait, and
 * a schedule that the running Redis process did not write (new, restarted, flushed, or from a clock
 * that stepped back) restarts a horizon ahead.
 */
class FleetScheduleTest {
    private static final long SPACING_MICROS = RedisRateLimiter.SPACING_MILLIS * 1000;
    private static final long HORIZON_MICROS = RedisRateLimiter.HORIZON_MILLIS * 1000;
    private static final long LONG_WAIT = TimeUnit.SECONDS.toNanos(30);
    private static final Pattern STATE = Pattern.compile("(\\d+) (\\w+)");

    private final FleetSchedule schedule = new FleetSchedule(Duration.ofMillis(RedisRateLimiter.SPACING_MILLIS),
            Duration.ofMillis(RedisRateLimiter.HORIZON_MILLIS), RedisRateLimiter.KEY_LIFETIME);
    private final byte[] key = ("fleet-schedule-test:" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
    private RedisClient client;
    private StatefulRedisConnection<byte[], byte[]> connection;
    private RedisCommands<byte[], byte[]> redis;

    @BeforeEach
    void connect() {
        client = RedisClient.create(TestRedis.shared().toString());
        connection = client.connect(ByteArrayCodec.INSTANCE);
        redis = connection.sync();
    }

    @AfterEach
    void disconnect() {
        connection.close();
        client.shutdown();
    }

    @Test
    void consecutivePermitsAreOneSpacingApartOnRedissClockWhoeverAsks() {
        writeSchedule(redisMicros() - 5_000_000, runId());
        List<Long> slots = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Answer answer = schedule.next(redis, key, LONG_WAIT, 0);
            assertThat(answer.verdict()).isEqualTo(Verdict.RESERVED);
            slots.add(lastSlot());
        }
        for (int i = 1; i < slots.size(); i++) {
            assertThat(slots.get(i) - slots.get(i - 1)).as("slot %d after slot %d, microseconds", i, i - 1)
                    .isEqualTo(SPACING_MICROS);
        }
        assertThat(redis.pttl(key)).as("the key expires").isPositive()
                .isLessThanOrEqualTo(RedisRateLimiter.KEY_LIFETIME.toMillis());
    }

    @Test
    void noPermitIsReservedBeyondTheHorizonOrBeyondTheCallersWait() {
        long now = redisMicros();
        writeSchedule(now + HORIZON_MICROS - SPACING_MICROS / 2, runId());

        Answer beyondHorizon = schedule.next(redis, key, LONG_WAIT, 0);
        assertThat(beyondHorizon.verdict()).isEqualTo(Verdict.ASK_AGAIN);
        assertThat(beyondHorizon.waitNanos()).isPositive().isLessThanOrEqualTo(SPACING_MICROS * 1000);

        Answer beyondWait = schedule.next(redis, key, TimeUnit.MILLISECONDS.toNanos(200), 0);
        assertThat(beyondWait.verdict()).isEqualTo(Verdict.TOO_FAR);
        assertThat(lastSlot()).as("nothing reserved").isEqualTo(now + HORIZON_MICROS - SPACING_MICROS / 2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"new key", "written by another Redis process", "from a clock that stepped back"})
    void aScheduleTheRunningRedisDidNotWriteRestartsAHorizonAhead(String state) {
        long now = redisMicros();
        switch (state) {
            case "written by another Redis process" -> writeSchedule(now - 5_000_000, "0123456789abcdef");
            case "from a clock that stepped back" -> writeSchedule(now + 60_000_000, runId());
            default -> assertThat(redis.exists(key)).isZero();
        }

        Answer first = schedule.next(redis, key, LONG_WAIT, 0);

        // The schedule restarts at now + horizon: the first slot is one spacing past the horizon.
        assertThat(first.verdict()).isEqualTo(Verdict.ASK_AGAIN);
        assertThat(first.waitNanos()).isEqualTo(SPACING_MICROS * 1000);
        assertThat(lastSlot()).isGreaterThanOrEqualTo(now + HORIZON_MICROS).isLessThan(now + 2 * HORIZON_MICROS);
        assertThat(state().group(2)).as("written by the running Redis").isEqualTo(runId());
    }

    private long redisMicros() {
        List<byte[]> time = redis.time();
        return Long.parseLong(new String(time.get(0), StandardCharsets.US_ASCII)) * 1_000_000
                + Long.parseLong(new String(time.get(1), StandardCharsets.US_ASCII));
    }

    private String runId() {
        Matcher runId = Pattern.compile("run_id:(\\w+)").matcher(redis.info("server"));
        assertThat(runId.find()).isTrue();
        return runId.group(1);
    }

    private void writeSchedule(long slotMicros, String runId) {
        redis.set(key, (slotMicros + " " + runId).getBytes(StandardCharsets.US_ASCII));
    }

    private Matcher state() {
        Matcher state = STATE.matcher(new String(redis.get(key), StandardCharsets.US_ASCII));
        assertThat(state.matches()).as("the key's value: slot and run_id").isTrue();
        return state;
    }

    private long lastSlot() {
        return Long.parseLong(state().group(1));
    }
}
