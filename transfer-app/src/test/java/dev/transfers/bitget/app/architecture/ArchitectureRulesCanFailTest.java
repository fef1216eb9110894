package dev.transfers.bitget.app.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each rule, checked against classes in test sources that break it on purpose
 * ({@code dev.transfers.archfixture}), reports the breach: a rule that cannot fail protects nothing.
 */
class ArchitectureRulesCanFailTest {
    private static final String FIXTURE = "dev.transfers.archfixture";
    private static final ArchitectureRules RULES = new ArchitectureRules(FIXTURE);
    private static JavaClasses wrong;

    @BeforeAll
    static void importDeliberatelyWrongClasses() {
        wrong = new ClassFileImporter().importPackages(FIXTURE);
    }

    @Test
    void aDomainClassUsingJacksonBreaksTheDomainRule() {
        assertViolation(RULES.domainDependsOnNothingButTheJdkAndJakartaValidation(),
                FIXTURE + ".domain.DomainUsingJackson", "com.fasterxml.jackson.databind.ObjectMapper");
    }

    @Test
    void anHttpAdapterClassUsingTheFakeBreaksTheAdapterRule() {
        assertViolation(RULES.httpAdapterDoesNotDependOnTheFakeAdapter(),
                FIXTURE + ".adapter.http.HttpAdapterUsingTheFake", FIXTURE + ".adapter.fake.FakeGateway");
    }

    @Test
    void aFakeAdapterClassUsingTheHttpAdapterBreaksTheAdapterRule() {
        assertViolation(RULES.fakeAdapterDoesNotDependOnTheHttpAdapter(),
                FIXTURE + ".adapter.fake.FakeGateway", FIXTURE + ".adapter.http.HttpAdapterUsingTheFake");
    }

    @Test
    void aFeignTypeOutsideTheHttpAdapterBreaksTheFeignRule() {
        assertViolation(RULES.feignAppearsOnlyInTheHttpAdapter(),
                FIXTURE + ".adapter.fake.FakeUsingFeign", "feign.Feign");
    }

    @Test
    void anOkHttpTypeInTheAppBreaksTheFeignRule() {
        assertViolation(RULES.feignAppearsOnlyInTheHttpAdapter(),
                FIXTURE + ".app.AppUsingOkHttp", "okhttp3.OkHttpClient");
    }

    @Test
    void aJacksonTypeInAFakeBreaksTheJacksonRule() {
        assertViolation(RULES.jacksonAppearsOnlyInTheHttpAdapterAndTheApp(),
                FIXTURE + ".adapter.fake.FakeUsingJackson", "com.fasterxml.jackson.databind.ObjectMapper");
    }

    @Test
    void aLettuceTypeInTheAppBreaksTheRedisClientRule() {
        assertViolation(RULES.redisClientAppearsOnlyInTheRedisModule(),
                FIXTURE + ".app.AppUsingLettuce", "io.lettuce.core.RedisURI");
    }

    @Test
    void aLettuceTypeInTheHttpAdapterOutsideItsRedisModuleBreaksTheRedisClientRule() {
        assertViolation(RULES.redisClientAppearsOnlyInTheRedisModule(),
                FIXTURE + ".adapter.http.HttpAdapterUsingLettuce", "io.lettuce.core.RedisClient");
    }

    @Test
    void aBucket4jTypeOutsideTheHttpAdapterBreaksTheBucket4jRule() {
        assertViolation(RULES.bucket4jAppearsOnlyInTheHttpAdapter(),
                FIXTURE + ".app.AppUsingBucket4j", "io.github.bucket4j.Bucket");
    }

    @Test
    void aBucket4jTypeInTheRedisModuleBreaksTheBucket4jRule() {
        assertViolation(RULES.bucket4jAppearsOnlyInTheHttpAdapter(),
                FIXTURE + ".adapter.http.redis.RedisModuleUsingBucket4j", "io.github.bucket4j.Bucket");
    }

    @Test
    void aMicrometerTypeInTheHttpAdapterBreaksTheMicrometerRule() {
        assertViolation(RULES.micrometerAppearsOnlyInTheMicrometerModule(),
                FIXTURE + ".adapter.http.HttpAdapterUsingMicrometer", "io.micrometer.core.instrument.MeterRegistry");
    }

    @Test
    void aDomainClassUsingTheAppBreaksTheNothingDependsOnTheAppRule() {
        assertViolation(RULES.nothingDependsOnTheApp(), FIXTURE + ".domain.DomainUsingTheApp", FIXTURE + ".app.App");
    }

    @Test
    void packagesThatUseEachOtherBreakTheNoCyclesRule() {
        assertViolation(RULES.noPackageCycles(), "Cycle detected", FIXTURE + ".app");
    }

    private static void assertViolation(ArchRule rule, String... expectedInReport) {
        EvaluationResult result = rule.evaluate(wrong);

        assertThat(result.hasViolation()).as("rule %s must report the deliberate breach", rule.getDescription())
                .isTrue();
        assertThat(String.join("\n", result.getFailureReport().getDetails())).contains(expectedInReport);
    }
}
