package dev.transfers.bitget.adapter.http.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A Redis password travels over plain {@code redis://} only to loopback, unless the builder is told, loudly. */
class RedisCleartextPasswordTest {
    private static final Path LOG_FILE = Path.of("target", "adapter-http-redis-test.log");
    private static final String REDIS_PASSWORD = "cleartext-test-redis-password";

    @ParameterizedTest
    @ValueSource(strings = {"redis://:" + REDIS_PASSWORD + "@10.0.0.5:6379", "redis://fleet:" + REDIS_PASSWORD
        + "@cache.internal:6379/0", "redis://" + REDIS_PASSWORD + "@0.0.0.0"})
    void aRedisPasswordOverPlainRedisToAnotherHostIsRefusedNamingRediss(String url) {
        assertThatThrownBy(() -> RedisRateLimiter.builder().redisUri(URI.create(url)).rateLimitKey("uid").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("would send the Redis password in clear text")
                .hasMessageContaining("Use rediss://")
                .hasMessageContaining("allowCleartextCredentialsToNonLoopbackHosts()")
                .hasMessageNotContaining(REDIS_PASSWORD);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rediss://:" + REDIS_PASSWORD + "@10.0.0.5:6380", "redis://10.0.0.5:6379",
        "redis://:" + REDIS_PASSWORD + "@localhost:6379"})
    void tlsOrNoPasswordOrLoopbackRedisBuilds(String url) {
        try (RedisRateLimiter limiter = RedisRateLimiter.builder().redisUri(URI.create(url)).rateLimitKey("uid")
                .build()) {
            assertThat(limiter.describe()).contains("rate limit shared through redis").doesNotContain(REDIS_PASSWORD);
        }
    }

    @Test
    void theOptInAllowsARedisPasswordOverPlainRedisAndWarnsWithoutIt() throws Exception {
        String host = "10.0.0." + ThreadLocalRandom.current().nextInt(1, 255);
        int port = ThreadLocalRandom.current().nextInt(1024, 65536);

        RedisRateLimiter.builder().redisUri(URI.create("redis://:" + REDIS_PASSWORD + "@" + host + ":" + port))
                .rateLimitKey("uid").allowCleartextCredentialsToNonLoopbackHosts().build().close();

        assertThat(warningsAbout("redis://***@" + host + ":" + port)).singleElement().asString()
                .contains("the Redis password travels unencrypted")
                .doesNotContain(REDIS_PASSWORD);
    }

    /** The WARN lines of this module's test log that mention {@code text}. */
    private static List<String> warningsAbout(String text) throws Exception {
        return Files.readAllLines(LOG_FILE, StandardCharsets.UTF_8).stream()
                .filter(line -> line.contains(" WARN ") && line.contains(text))
                .toList();
    }
}
