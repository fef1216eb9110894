package dev.transfers.bitget.app.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The production classes of every module obey the layering rules. */
class ArchitectureTest {
    private static final String BASE = "dev.transfers.bitget";
    private static final ArchitectureRules RULES = new ArchitectureRules(BASE);
    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TEST_FIXTURES)
                .withImportOption(ArchitectureTest::isNotATestJar)
                .importPackages(BASE);
    }

    @Test
    void everyRingHasClassesToCheck() {
        for (String ring : new String[] {".domain", ".adapter.http", ".adapter.http.redis", ".adapter.fake", ".micrometer",
                ".app"}) {
            assertThat(production.stream().filter(c -> c.getPackageName().startsWith(BASE + ring)))
                    .as("production classes in %s%s", BASE, ring).isNotEmpty();
        }
    }

    @Test
    void domainDependsOnNothingButTheJdkAndJakartaValidation() {
        check(RULES.domainDependsOnNothingButTheJdkAndJakartaValidation());
    }

    @Test
    void httpAdapterDoesNotDependOnTheFakeAdapter() {
        check(RULES.httpAdapterDoesNotDependOnTheFakeAdapter());
    }

    @Test
    void fakeAdapterDoesNotDependOnTheHttpAdapter() {
        check(RULES.fakeAdapterDoesNotDependOnTheHttpAdapter());
    }

    @Test
    void feignAppearsOnlyInTheHttpAdapter() {
        check(RULES.feignAppearsOnlyInTheHttpAdapter());
    }

    @Test
    void jacksonAppearsOnlyInTheHttpAdapterAndTheApp() {
        check(RULES.jacksonAppearsOnlyInTheHttpAdapterAndTheApp());
    }

    @Test
    void redisClientAppearsOnlyInTheRedisModule() {
        check(RULES.redisClientAppearsOnlyInTheRedisModule());
    }

    @Test
    void bucket4jAppearsOnlyInTheHttpAdapter() {
        check(RULES.bucket4jAppearsOnlyInTheHttpAdapter());
    }

    @Test
    void micrometerAppearsOnlyInTheMicrometerModule() {
        check(RULES.micrometerAppearsOnlyInTheMicrometerModule());
    }

    @Test
    void nothingDependsOnTheApp() {
        check(RULES.nothingDependsOnTheApp());
    }

    @Test
    void noPackageCycles() {
        check(RULES.noPackageCycles());
    }

    /** Test-jars (the Redis module's TestRedis) are test code, though they come as jars. */
    private static boolean isNotATestJar(Location location) {
        return !location.contains("-tests.jar");
    }

    private static void check(ArchRule rule) {
        rule.check(production);
    }
}
