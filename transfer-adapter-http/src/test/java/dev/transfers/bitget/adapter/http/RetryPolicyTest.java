package dev.transfers.bitget.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void delaysGrowExponentiallyUpToTheCap() {
        RetryPolicy policy = RetryPolicy.builder().initialBackoff(Duration.ofMillis(100))
                .maxBackoff(Duration.ofMillis(500)).multiplier(2).jitter(0).build();

        assertThat(policy.backoffBefore(1, 0.9)).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.backoffBefore(2, 0.9)).isEqualTo(Duration.ofMillis(200));
        assertThat(policy.backoffBefore(3, 0.9)).isEqualTo(Duration.ofMillis(400));
        assertThat(policy.backoffBefore(4, 0.9)).isEqualTo(Duration.ofMillis(500));
        assertThat(policy.backoffBefore(60, 0.9)).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void jitterTakesUpToItsFractionOffTheDelay() {
        RetryPolicy policy = RetryPolicy.builder().initialBackoff(Duration.ofMillis(200)).jitter(0.5).build();

        assertThat(policy.backoffBefore(1, 0.0)).isEqualTo(Duration.ofMillis(200));
        assertThat(policy.backoffBefore(1, 0.5)).isEqualTo(Duration.ofMillis(150));
        assertThat(policy.backoffBefore(1, 0.999_999)).isGreaterThan(Duration.ofMillis(100))
                .isLessThan(Duration.ofMillis(101));
    }

    @Test
    void defaultsAreFiveAttemptsFrom200MillisDoublingTo5Seconds() {
        assertThat(RetryPolicy.DEFAULT).isEqualTo(
                new RetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(5), 2.0, 0.5));
    }

    @Test
    void outOfRangeSettingsAreRefusedByName() {
        assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> RetryPolicy.builder().jitter(1.5).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jitter");
        assertThatThrownBy(() -> RetryPolicy.builder().multiplier(0.5).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multiplier");
        assertThatThrownBy(() -> RetryPolicy.builder().initialBackoff(Duration.ofSeconds(10)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxBackoff");
    }
}
