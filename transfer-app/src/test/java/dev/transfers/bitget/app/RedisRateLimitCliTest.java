package dev.transfers.bitget.app;

import dev.transfers.bitget.adapter.http.redis.testing.TestRedis;
import static org.assertj.core.api.Assertions.assertThat;

import dev.transfers.bitget.adapter.fake.simulator.SimulatedBitget;
import dev.transfers.bitget.domain.AccountType;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code --redis-url} / {@code BITGET_REDIS_URL} and {@code --uid} / {@code BITGET_UID}: the
 * command shares its rate limit through a real Redis, sends nothing when Redis is down, and never
 * prints the Redis password.
 */
class RedisRateLimitCliTest {
    private static final String KEY = "redis-cli-key";
    private static final String SECRET = "redis-cli-secret-never-printed";
    private static final String PASSPHRASE = "redis-cli-passphrase-never-printed";

    private final String uid = "redis-cli-uid-" + UUID.randomUUID();
    private SimulatedBitget sim;

    @BeforeEach
    void startSimulator() {
        sim = SimulatedBitget.builder()
                .credentials(SimulatedBitget.Credentials.live(KEY, SECRET, PASSPHRASE, uid))
                .start();
        sim.seedBalance(AccountType.SPOT, "USDT", new BigDecimal("1000"));
    }

    @AfterEach
    void stopSimulator() {
        sim.close();
    }

    private CliRunner.Run transfer(Map<String, String> extraEnvironment, String... options) {
        Map<String, String> env = new HashMap<>(Map.of("BITGET_API_KEY", KEY, "BITGET_API_SECRET", SECRET,
                "BITGET_API_PASSPHRASE", PASSPHRASE));
        env.putAll(extraEnvironment);
        String[] base = {"transfer", "--base-url", sim.baseUri().toString(), "--from", "spot", "--to",
            "usdt_futures", "--amount", "1", "--coin", "USDT"};
        String[] args = new String[base.length + options.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(options, 0, args, base.length, options.length);
        CliRunner.Run run = CliRunner.run(env, args);
        assertThat(run.out() + run.err()).doesNotContain(SECRET, PASSPHRASE);
        return run;
    }

    private static String bucketKey(String rateLimitKey) throws Exception {
        return "bitget-transfer:rate-limit:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(rateLimitKey.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void redisUrlOptionSharesTheLimitOfTheUidThroughRedis() throws Exception {
        URI redis = TestRedis.shared();

        CliRunner.Run run = transfer(Map.of(), "--redis-url", redis.toString(), "--uid", uid);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(sim.appliedTransfers()).hasSize(1);
        assertThat(TestRedis.command(redis, "EXISTS", bucketKey(uid))).as("the UID's bucket is in Redis").isEqualTo("1");
    }

    @Test
    void environmentVariablesWorkLikeTheOptions() throws Exception {
        URI redis = TestRedis.shared();

        CliRunner.Run run = transfer(Map.of("BITGET_REDIS_URL", redis.toString(), "BITGET_UID", uid));

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(TestRedis.command(redis, "EXISTS", bucketKey(uid))).isEqualTo("1");
    }

    @Test
    void withoutAUidTheLimitIsCountedByTheApiKey() throws Exception {
        URI redis = TestRedis.shared();

        CliRunner.Run run = transfer(Map.of("BITGET_REDIS_URL", redis.toString()));

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(TestRedis.command(redis, "EXISTS", bucketKey(KEY))).isEqualTo("1");
    }

    @Test
    void unreachableRedisSendsNothingExitsUnreachableAndNeverPrintsThePassword() {
        String password = "redis-cli-password-canary";
        int port = TestRedis.freePort();

        CliRunner.Run run = transfer(Map.of("BITGET_REDIS_URL", "redis://:" + password + "@127.0.0.1:" + port));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.UNREACHABLE.code());
        assertThat(run.err().strip().lines()).as("one line says why").singleElement().asString()
                .startsWith("rate limiter unreachable, nothing was sent: clientOid=");
        assertThat(run.out() + run.err()).doesNotContain(password)
                .contains("redis://***@127.0.0.1:" + port)
                .contains("nothing was sent")
                .contains("check --redis-url (or BITGET_REDIS_URL) and that Redis is up");
        assertThat(sim.requests()).as("only the transfer records were read").allSatisfy(
                request -> assertThat(request.method()).isEqualTo("GET"));
    }

    @Test
    void theOptionWinsOverTheEnvironment() {
        CliRunner.Run run = transfer(Map.of("BITGET_REDIS_URL", "redis://127.0.0.1:" + TestRedis.freePort()),
                "--redis-url", TestRedis.shared().toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
    }

    @Test
    void aRedisUrlThatIsNotOneIsInvalidInputAndIsNotQuoted() {
        CliRunner.Run run = transfer(Map.of(), "--redis-url", "http://user:not-a-redis-password@127.0.0.1:6379");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.INVALID_INPUT.code());
        assertThat(run.out() + run.err()).contains("--redis-url must be a redis:// or rediss:// URL")
                .doesNotContain("not-a-redis-password");
        assertThat(sim.requests()).isEmpty();
    }
}
