package dev.transfers.bitget.adapter.fake.simulator;

import static dev.transfers.bitget.adapter.fake.simulator.BitgetTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.transfers.bitget.domain.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The simulated network, on a fake clock that its sleeper moves: no test waits for real. */
class SimulatedBitgetNetworkDelayTest {
    private static final long START = 1_700_000_000_000L;
    private static final Duration ONE_WAY = Duration.ofMillis(50);
    private static final Duration JITTER = Duration.ofMillis(10);

    private final AtomicLong nowMillis = new AtomicLong(START);
    private final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
    private final Sleeper movingTheClock = duration -> {
        waits.add(duration);
        nowMillis.addAndGet(duration.toMillis());
    };
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(nowMillis.get());
        }
    };

    private SimulatedBitget simulator(long seed) {
        return SimulatedBitget.builder().withPublicTestCredentials().clock(clock).sleeper(movingTheClock)
                .networkDelay(ONE_WAY, JITTER, seed).start();
    }

    @Test
    void aRequestArrivesAfterTheWayInAndIsAnsweredAfterTheWayBack() throws Exception {
        try (SimulatedBitget sim = simulator(7)) {
            var answer = json(new BitgetTestClient(sim.baseUri()).get(SimulatedBitget.TIME_PATH));

            assertThat(waits).hasSize(2);
            assertThat(waits).allSatisfy(wait -> assertThat(wait)
                    .isBetween(ONE_WAY.minus(JITTER), ONE_WAY.plus(JITTER)));
            long in = waits.get(0).toMillis();
            assertThat(sim.requests().get(0).arrival()).as("stamped after the way in")
                    .isEqualTo(Instant.ofEpochMilli(START + in));
            assertThat(answer.get("requestTime").getAsLong()).as("handled on arrival, before the way back")
                    .isEqualTo(START + in);
            assertThat(nowMillis.get()).isEqualTo(START + in + waits.get(1).toMillis());
        }
    }

    @Test
    void theSameSeedDrawsTheSameDelays() throws Exception {
        List<Duration> first = delaysOfThreeRequests(42);
        List<Duration> second = delaysOfThreeRequests(42);
        List<Duration> other = delaysOfThreeRequests(43);

        assertThat(first).hasSize(6).isEqualTo(second).isNotEqualTo(other);
        assertThat(first).as("jittered, not fixed").doesNotHaveDuplicates();
    }

    @Test
    void jitterLargerThanTheDelayIsRefused() {
        assertThatThrownBy(() -> SimulatedBitget.builder().networkDelay(ONE_WAY, ONE_WAY.plusNanos(1), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jitter");
    }

    private List<Duration> delaysOfThreeRequests(long seed) throws Exception {
        waits.clear();
        try (SimulatedBitget sim = simulator(seed)) {
            BitgetTestClient client = new BitgetTestClient(sim.baseUri());
            for (int i = 0; i < 3; i++) {
                client.get(SimulatedBitget.TIME_PATH);
            }
        }
        return List.copyOf(waits);
    }
}
