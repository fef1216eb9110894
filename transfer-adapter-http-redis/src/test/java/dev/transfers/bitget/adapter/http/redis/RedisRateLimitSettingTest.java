package dev.transfers.bitget.adapter.http.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.transfers.bitget.adapter.http.BitgetCredentials;
import dev.transfers.bitget.adapter.http.BitgetTransferGateway;
import dev.transfers.bitget.adapter.http.RateLimiterUnavailableException;
import dev.transfers.bitget.domain.Sleeper;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link RedisRateLimiter.Builder#redisUri(URI)}: what it accepts, and that it never shows a password. */
class RedisRateLimitSettingTest {
    private static final BitgetCredentials CREDENTIALS =
            BitgetCredentials.hmac("bg_redis_key_1", "redis-setting-secret", "redis-setting-passphrase");
    private static final String PASSWORD = "redis-password-never-shown";

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:6379", "redis:/nohost", "redis://:" + PASSWORD + "@host:6379/db-one",
        "redis-sentinel://:" + PASSWORD + "@host:26379", "redis://user:" + PASSWORD + "@host:6379#x"})
    void anythingButAStandaloneRedisUrlIsRefusedWithoutShowingThePassword(String url) {
        assertThatThrownBy(() -> RedisRateLimiter.builder().redisUri(URI.create(url)).rateLimitKey("uid-1").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("redisUri")
                .hasMessageNotContaining(PASSWORD);
    }

    @ParameterizedTest
    @ValueSource(strings = {"redis://127.0.0.1:6379", "redis://localhost", "rediss://cache.example:6380/2",
        "redis://:" + PASSWORD + "@127.0.0.1:6379/0", "redis://fleet:" + PASSWORD + "@127.0.0.1:6379"})
    void aRedisUrlBuildsWithoutConnecting(String url) {
        try (RedisRateLimiter limiter = RedisRateLimiter.builder().redisUri(URI.create(url)).rateLimitKey("uid-1")
                .build()) {
            BitgetTransferGateway gateway = BitgetTransferGateway.builder().credentials(CREDENTIALS)
                    .rateLimiter(limiter).build();
            assertThat(gateway.toString()).contains("rate limit shared through redis").doesNotContain(PASSWORD);
            assertThat(limiter.toString()).doesNotContain(PASSWORD);
        }
    }

    @Test
    void theUrlAndANonBlankKeyAreRequired() {
        assertThatThrownBy(() -> RedisRateLimiter.builder().rateLimitKey("uid-1").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("redisUri");
        assertThatThrownBy(() -> RedisRateLimiter.builder().redisUri(URI.create("redis://127.0.0.1")).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("rateLimitKey");
        assertThatThrownBy(() -> RedisRateLimiter.builder().redisUri(URI.create("redis://127.0.0.1"))
                .rateLimitKey(" ").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rateLimitKey");
    }

    @Test
    void aClosedLimiterGivesNoPermit() {
        RedisRateLimiter limiter = RedisRateLimiter.builder().redisUri(URI.create("redis://127.0.0.1:6379"))
                .rateLimitKey("uid-1").build();
        limiter.close();

        assertThatThrownBy(() -> limiter.acquire(Duration.ofSeconds(5), Sleeper.system()))
                .isInstanceOf(RateLimiterUnavailableException.class)
                .hasMessage("the rate limiter shared through redis://127.0.0.1:6379 was closed");
    }

    @Test
    void theMaskHidesUserInformationAndQuery() {
        assertThat(RedisRateLimiter.mask(URI.create("redis://:" + PASSWORD + "@10.0.0.1:6379/3?timeout=5s")))
                .isEqualTo("redis://***@10.0.0.1:6379/3");
        assertThat(RedisRateLimiter.mask(URI.create("rediss://user:" + PASSWORD + "@cache:6380")))
                .isEqualTo("rediss://***@cache:6380");
        assertThat(RedisRateLimiter.mask(URI.create("redis://127.0.0.1:6379"))).isEqualTo("redis://127.0.0.1:6379");
        assertThat(RedisRateLimiter.mask(URI.create("redis:" + PASSWORD))).doesNotContain(PASSWORD);
    }
}
