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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
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
 * The fleet's window script against a real Redis, the key's state written and read back: slots one
 * spacing apart, each taking a free claim; a claim freed a window after its release, or by the
 * requestTime of its answer and the fleet's least delay, or at its lease, never sooner; a 429 holding
 * every slot back; samples that contradict each other discarded; and a state the running Redis
 * process did not write restarting a horizon ahead with every claim held.
 */
class FleetScheduleTest {
    private static final long SPACING = RedisRateLimiter.SPACING_MILLIS * 1000;
    private static final long HORIZON = RedisRateLimiter.HORIZON_MILLIS * 1000;
    private static final long WINDOW = RedisRateLimiter.WINDOW_MILLIS * 1000;
    private static final long MARGIN = RedisRateLimiter.ARRIVAL_MARGIN_MILLIS * 1000;
    private static final int CLAIMS = RedisRateLimiter.CLAIMS;
    private static final long LONG_WAIT = TimeUnit.SECONDS.toNanos(30);
    /** Far enough ahead that no claim reserved in a test is freed by its lease. */
    private static final long FAR = 600_000_000L;
    private static final int FREE = 0;
    private static final int RESERVED = 1;
    private static final int ENDED = 2;
    private static final int ANSWERED = 3;

    private final FleetSchedule schedule = RedisRateLimiter.SCHEDULE;
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
    void tenPermitsOneSpacingApartTakeTheTenClaimsAndTheEleventhWaitsForOne() throws Exception {
        State state = new State(runId(), redisMicros() - 5_000_000);
        state.write();
        List<Long> slots = new ArrayList<>();
        Set<Integer> claims = new HashSet<>();
        for (int asked = 0; asked < 100 && slots.size() < CLAIMS; asked++) {
            long before = redisMicros();
            Answer answer = schedule.acquire(redis, key, LONG_WAIT, TimeUnit.SECONDS.toNanos(20));
            if (answer.verdict() == Verdict.ASK_AGAIN) {
                assertThat(slots).as("asked to come back only when the next slot is beyond the horizon").isNotEmpty();
                assertThat(slots.get(slots.size() - 1) + SPACING).isGreaterThan(before + HORIZON);
                TimeUnit.NANOSECONDS.sleep(answer.waitNanos());
                continue;
            }
            assertThat(answer.verdict()).isEqualTo(Verdict.RESERVED);
            assertThat(answer.slotMicros()).as("never reserved beyond the horizon")
                    .isLessThanOrEqualTo(redisMicros() + HORIZON);
            slots.add(answer.slotMicros());
            claims.add(answer.claim());
            State read = read();
            assertThat(read.kind[answer.claim()]).isEqualTo(RESERVED);
            assertThat(read.x[answer.claim()]).as("the lease: slot + the attempt's time + a window")
                    .isEqualTo(answer.slotMicros() + 20_000_000 + WINDOW);
        }
        for (int i = 1; i < slots.size(); i++) {
            assertThat(slots.get(i) - slots.get(i - 1)).as("slot %d after slot %d, microseconds", i, i - 1)
                    .isEqualTo(SPACING);
        }
        assertThat(claims).hasSize(CLAIMS);

        Answer eleventh = schedule.acquire(redis, key, LONG_WAIT, LONG_WAIT);
        assertThat(eleventh.verdict()).as("every claim held by a request in flight").isEqualTo(Verdict.ASK_AGAIN);
        assertThat(read().last).isEqualTo(slots.get(CLAIMS - 1));
        assertThat(redis.pttl(key)).as("the key expires").isPositive()
                .isLessThanOrEqualTo(RedisRateLimiter.KEY_LIFETIME.toMillis());
    }

    @Test
    void aClaimReleasedWithoutRequestTimeIsFreeAWindowAfterTheReleaseOnRedissClock() {
        long slot = roundedToMillis(redisMicros() - 900_000);
        State state = allReservedButTheFirst(slot);
        state.write();

        long before = redisMicros();
        assertThat(schedule.release(redis, key, 1, slot, OptionalLong.empty(), false)).isTrue();
        long after = redisMicros();
        State released = read();
        assertThat(released.kind[1]).isEqualTo(ENDED);
        assertThat(released.x[1]).as("the release, on Redis's clock").isBetween(before, after);

        // As if released 0.9 s ago, so that its free time falls within the horizon.
        released.x[1] -= 900_000;
        released.write();
        Answer next = schedule.acquire(redis, key, LONG_WAIT, LONG_WAIT);
        assertThat(next.verdict()).isEqualTo(Verdict.RESERVED);
        assertThat(next.claim()).isEqualTo(1);
        assertThat(next.slotMicros()).as("a window after the release, not after the slot")
                .isEqualTo(released.x[1] + WINDOW);
    }

    @Test
    void aClaimAnsweredIsFreeWhenTheNextRequestCannotArriveWithinAWindowOfTheArrival() {
        long slot = roundedToMillis(redisMicros() - 900_000);
        State state = allReservedButTheFirst(slot);
        state.write();
        long requestTime = slot / 1000 + 50; // handled 50 ms after the slot (on the exchange's clock)

        assertThat(schedule.release(redis, key, 1, slot, OptionalLong.of(requestTime), false)).isTrue();
        State released = read();
        assertThat(released.kind[1]).isEqualTo(ANSWERED);
        assertThat(released.requestTime[1]).isEqualTo(requestTime);
        assertThat(released.upper).as("the delay, requestTime - slot").containsExactly(50_000L);

        Answer next = schedule.acquire(redis, key, LONG_WAIT, LONG_WAIT);
        assertThat(next.verdict()).isEqualTo(Verdict.RESERVED);
        assertThat(next.claim()).isEqualTo(1);
        // A request sent at s arrives no sooner than s + 50 ms (the least delay, its own): free when
        // s + 50 ms >= requestTime + 1 ms + window + margin, sooner than a window after the release.
        assertThat(next.slotMicros()).isEqualTo(requestTime * 1000 + 1000 + WINDOW + MARGIN - 50_000)
                .isEqualTo(slot + 1000 + WINDOW + MARGIN)
                .isLessThan(released.x[1] + WINDOW);
    }

    @Test
    void theLeastDelayOfTheWholeFleetDatesTheNextArrival() {
        long slot = roundedToMillis(redisMicros() - 900_000);
        State state = allReservedButTheFirst(slot);
        // Another process's answer: handled 20 ms after its slot, released 30 ms after it.
        state.lower.add(-10_000L);
        state.upper.add(20_000L);
        state.write();
        long requestTime = slot / 1000 + 50;

        schedule.release(redis, key, 1, slot, OptionalLong.of(requestTime), false);
        Answer next = schedule.acquire(redis, key, LONG_WAIT, LONG_WAIT);

        assertThat(next.slotMicros()).as("the next request may arrive 20 ms after its slot, not 50")
                .isEqualTo(requestTime * 1000 + 1000 + WINDOW + MARGIN - 20_000);
    }

    @Test
    void anAnswerThatContradictsTheOthersDiscardsWhatWasLearnt() {
        long slot = roundedToMillis(redisMicros() - 500_000);
        State state = allReservedButTheFirst(slot);
        // Earlier answers put the exchange's clock 0 to 5 ms ahead of Redis's ...
        state.lower.add(0L);
        state.upper.add(5_000L);
        state.kind[2] = ANSWERED;
        state.slot[2] = slot - 100_000;
        state.x[2] = slot - 90_000;
        state.requestTime[2] = (slot - 97_000) / 1000;
        state.write();

        // ... this one 200 ms behind it: a clock stepped.
        schedule.release(redis, key, 1, slot, OptionalLong.of((slot - 200_000) / 1000), false);

        State read = read();
        assertThat(read.upper).as("only the new delay is kept").containsExactly(-200_000L);
        assertThat(read.kind[2]).as("an answered claim falls back to its release").isEqualTo(ENDED);
        assertThat(read.x[2]).isEqualTo(slot - 90_000);
    }

    @Test
    void aClaimNeverReleasedIsFreeAtItsLeaseAndNotBefore() {
        long now = redisMicros();
        State state = new State(runId(), now - 5_000_000);
        for (int i = 1; i <= CLAIMS; i++) {
            state.reserve(i, now - 3_000_000, now + FAR);
        }
        state.write();
        Answer held = schedule.acquire(redis, key, TimeUnit.MILLISECONDS.toNanos(500), LONG_WAIT);
        assertThat(held.verdict()).as("every claim held by its lease").isIn(Verdict.ASK_AGAIN, Verdict.TOO_FAR);

        state.x[7] = now - 1; // the lease of claim 7 ran out: its process died
        state.write();
        Answer freed = schedule.acquire(redis, key, LONG_WAIT, LONG_WAIT);
        assertThat(freed.verdict()).isEqualTo(Verdict.RESERVED);
        assertThat(freed.claim()).isEqualTo(7);
        assertThat(freed.waitNanos()).as("at once").isZero();
    }

    @Test
    void aReleaseOfAClaimNoLongerTheCallersChangesNothing() {
        long slot = roundedToMillis(redisMicros() - 500_000);
        State state = allReservedButTheFirst(slot);
        state.write();

        assertThat(schedule.release(redis, key, 1, slot - SPACING, OptionalLong.of(slot / 1000), false)).isFalse();
        assertThat(read().kind[1]).isEqualTo(RESERVED);
        assertThat(read().upper).isEmpty();
    }

    @Test
    void a429HoldsEverySlotBack() {
        long slot = roundedToMillis(redisMicros() - 500_000);
        State state = new State(runId(), slot);
        state.reserve(1, slot, slot + FAR);
        state.write();

        schedule.release(redis, key, 1, slot, OptionalLong.of(slot / 1000 + 5), true);
        State read = read();
        assertThat(read.hold).isEqualTo(read.x[1] + RedisRateLimiter.RATE_LIMITED_HOLD_MILLIS * 1000);

        Answer next = schedule.acquire(redis, key, LONG_WAIT, LONG_WAIT);
        assertThat(next.verdict()).isEqualTo(Verdict.RESERVED);
        assertThat(next.claim()).as("a free claim, but not before the hold ends").isNotEqualTo(1);
        assertThat(next.slotMicros()).isEqualTo(read.hold);
    }

    @ParameterizedTest
    @ValueSource(strings = {"new key", "written by another Redis process", "from a clock that stepped back"})
    void aStateTheRunningRedisDidNotWriteRestartsAHorizonAheadWithEveryClaimHeld(String how) {
        long now = redisMicros();
        switch (how) {
            case "written by another Redis process" -> new State("0123456789abcdef", now - 5_000_000).write();
            case "from a clock that stepped back" -> new State(runId(), now + 60_000_000).write();
            default -> assertThat(redis.exists(key)).isZero();
        }

        Answer first = schedule.acquire(redis, key, LONG_WAIT, LONG_WAIT);

        // Every claim is held as if its request had ended two horizons ahead: free a window after that,
        // which enters the horizon a horizon and a window from now.
        assertThat(first.verdict()).isEqualTo(Verdict.ASK_AGAIN);
        assertThat(first.waitNanos()).isEqualTo((HORIZON + WINDOW) * 1000);
        State read = read();
        assertThat(read.run).as("written by the running Redis").isEqualTo(runId());
        assertThat(read.last).isGreaterThanOrEqualTo(now + HORIZON).isLessThan(now + 2 * HORIZON);
        for (int i = 1; i <= CLAIMS; i++) {
            assertThat(read.kind[i]).isEqualTo(ENDED);
            assertThat(read.x[i]).isEqualTo(read.last + HORIZON);
        }
        assertThat(schedule.acquire(redis, key, TimeUnit.SECONDS.toNanos(1), LONG_WAIT).verdict())
                .as("a caller that will not wait 1.5 s").isEqualTo(Verdict.TOO_FAR);
        assertThat(schedule.release(redis, key, 1, now, OptionalLong.empty(), false))
                .as("a release of a permit from before the loss").isFalse();
    }

    private State allReservedButTheFirst(long slot) {
        State state = new State(runId(), slot);
        state.reserve(1, slot, slot + FAR);
        for (int i = 2; i <= CLAIMS; i++) {
            state.reserve(i, slot + 1000, slot + FAR);
        }
        return state;
    }

    private static long roundedToMillis(long micros) {
        return micros / 1000 * 1000;
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

    private State read() {
        String[] tokens = new String(redis.get(key), StandardCharsets.US_ASCII).split(" ");
        State state = new State(tokens[0], Long.parseLong(tokens[1]));
        state.hold = Long.parseLong(tokens[2]);
        for (int i = 1; i <= CLAIMS; i++) {
            int at = 3 + 4 * (i - 1);
            state.kind[i] = Integer.parseInt(tokens[at]);
            state.slot[i] = Long.parseLong(tokens[at + 1]);
            state.x[i] = Long.parseLong(tokens[at + 2]);
            state.requestTime[i] = Long.parseLong(tokens[at + 3]);
        }
        for (int at = 3 + 4 * CLAIMS; at + 1 < tokens.length; at += 2) {
            state.lower.add(Long.parseLong(tokens[at]));
            state.upper.add(Long.parseLong(tokens[at + 1]));
        }
        return state;
    }

    /** The key's value, as the script writes it (its header comment). */
    private final class State {
        final String run;
        final long last;
        long hold;
        final int[] kind = new int[CLAIMS + 1];
        final long[] slot = new long[CLAIMS + 1];
        final long[] x = new long[CLAIMS + 1];
        final long[] requestTime = new long[CLAIMS + 1];
        final List<Long> lower = new ArrayList<>();
        final List<Long> upper = new ArrayList<>();

        State(String run, long last) {
            this.run = run;
            this.last = last;
            Arrays.fill(kind, FREE);
        }

        void reserve(int claim, long slotMicros, long lease) {
            kind[claim] = RESERVED;
            slot[claim] = slotMicros;
            x[claim] = lease;
        }

        void write() {
            StringBuilder text = new StringBuilder(run).append(' ').append(last).append(' ').append(hold);
            for (int i = 1; i <= CLAIMS; i++) {
                text.append(' ').append(kind[i]).append(' ').append(slot[i]).append(' ').append(x[i]).append(' ')
                        .append(requestTime[i]);
            }
            for (int s = 0; s < lower.size(); s++) {
                text.append(' ').append(lower.get(s)).append(' ').append(upper.get(s));
            }
            redis.set(key, text.toString().getBytes(StandardCharsets.US_ASCII));
        }
    }
}
