package dev.transfers.bitget.spring;

import dev.transfers.bitget.adapter.http.BitgetServerTime;
import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Whether Bitget answers, and how far this machine's clock is from Bitget's: one unsigned
 * {@code GET /api/v2/public/time} per check, no credentials. UP with {@code serverTime},
 * {@code clockOffsetMillis} (Bitget's clock minus ours) and {@code roundTripMillis}; DOWN when
 * Bitget cannot be read, or when the offset exceeds {@code bitget.transfer.health.max-clock-offset}
 * (the gateway corrects its timestamps after a refusal, but a clock that far off is worth fixing).
 */
public class BitgetExchangeHealthIndicator implements HealthIndicator {
    private final BitgetServerTime serverTime;
    private final Duration maxClockOffset;

    /** Checks with {@code serverTime}, DOWN beyond {@code maxClockOffset}. */
    public BitgetExchangeHealthIndicator(BitgetServerTime serverTime, Duration maxClockOffset) {
        this.serverTime = Objects.requireNonNull(serverTime, "serverTime");
        this.maxClockOffset = Objects.requireNonNull(maxClockOffset, "maxClockOffset");
    }

    @Override
    public Health health() {
        BitgetServerTime.Result result = serverTime.read();
        if (result instanceof BitgetServerTime.Unavailable unavailable) {
            return Health.down().withDetail("error", unavailable.reason()).build();
        }
        BitgetServerTime.Reading reading = (BitgetServerTime.Reading) result;
        Health.Builder health = reading.clockOffset().abs().compareTo(maxClockOffset) > 0
                ? Health.down().withDetail("error", "the clock offset exceeds " + maxClockOffset.toMillis() + " ms")
                : Health.up();
        return health.withDetail("serverTime", reading.serverTime().toString())
                .withDetail("clockOffsetMillis", reading.clockOffset().toMillis())
                .withDetail("roundTripMillis", reading.roundTrip().toMillis())
                .build();
    }
}
