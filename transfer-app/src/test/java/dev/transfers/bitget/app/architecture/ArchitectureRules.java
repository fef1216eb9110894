package dev.transfers.bitget.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The layering rules, each named for the edge it forbids, for a code base under {@code base}
 * laid out as {@code base.domain}, {@code base.adapter.http} (with its optional Redis module,
 * {@code base.adapter.http.redis}), {@code base.adapter.fake}, {@code base.micrometer} and {@code base.app}. Parameterised by the base package so that the same rules are also checked
 * against deliberately wrong classes, proving each can fail.
 */
final class ArchitectureRules {
    private final String domain;
    private final String httpAdapter;
    private final String redisModule;
    private final String fakeAdapter;
    private final String micrometerModule;
    private final String app;
    private final String base;

    ArchitectureRules(String base) {
        this.base = base;
        this.domain = base + ".domain..";
        this.httpAdapter = base + ".adapter.http..";
        this.redisModule = base + ".adapter.http.redis..";
        this.fakeAdapter = base + ".adapter.fake..";
        this.micrometerModule = base + ".micrometer..";
        this.app = base + ".app..";
    }

    ArchRule domainDependsOnNothingButTheJdkAndJakartaValidation() {
        return classes().that().resideInAPackage(domain)
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "jakarta.validation..", domain)
                .as("domain_depends_on_nothing_but_the_jdk_and_jakarta_validation");
    }

    ArchRule httpAdapterDoesNotDependOnTheFakeAdapter() {
        return noClasses().that().resideInAPackage(httpAdapter)
                .should().dependOnClassesThat().resideInAPackage(fakeAdapter)
                .as("http_adapter_does_not_depend_on_the_fake_adapter");
    }

    ArchRule fakeAdapterDoesNotDependOnTheHttpAdapter() {
        return noClasses().that().resideInAPackage(fakeAdapter)
                .should().dependOnClassesThat().resideInAPackage(httpAdapter)
                .as("fake_adapter_does_not_depend_on_the_http_adapter");
    }

    /** Feign and the HTTP client under it (OkHttp, with okio) are the HTTP adapter's own choice. */
    ArchRule feignAppearsOnlyInTheHttpAdapter() {
        return noClasses().that().resideInAPackage(base + "..").and().resideOutsideOfPackage(httpAdapter)
                .should().dependOnClassesThat().resideInAnyPackage("feign..", "okhttp3..", "okio..")
                .as("feign_and_okhttp_appear_only_in_the_http_adapter");
    }

    /** Jackson reads and writes the wire in the HTTP adapter, and the app's --json output: nowhere else. */
    ArchRule jacksonAppearsOnlyInTheHttpAdapterAndTheApp() {
        return noClasses().that().resideInAPackage(base + "..").and().resideOutsideOfPackages(httpAdapter, app)
                .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson..")
                .as("jackson_appears_only_in_the_http_adapter_and_the_app");
    }

    ArchRule redisClientAppearsOnlyInTheRedisModule() {
        return noClasses().that().resideInAPackage(base + "..").and().resideOutsideOfPackage(redisModule)
                .should().dependOnClassesThat().resideInAnyPackage("io.lettuce..", "io.netty..", "reactor..")
                .as("redis_client_appears_only_in_the_redis_module");
    }

    ArchRule bucket4jAppearsOnlyInTheHttpAdapter() {
        return noClasses().that().resideInAPackage(base + "..")
                .and(JavaClass.Predicates.resideOutsideOfPackage(httpAdapter)
                        .or(JavaClass.Predicates.resideInAPackage(redisModule)))
                .should().dependOnClassesThat().resideInAPackage("io.github.bucket4j..")
                .as("bucket4j_appears_only_in_the_http_adapter_not_in_its_redis_module");
    }

    /** The HTTP adapter tells listeners what happened; only the optional Micrometer module meters it. */
    ArchRule micrometerAppearsOnlyInTheMicrometerModule() {
        return noClasses().that().resideInAPackage(base + "..").and().resideOutsideOfPackage(micrometerModule)
                .should().dependOnClassesThat().resideInAnyPackage("io.micrometer..")
                .as("micrometer_appears_only_in_the_micrometer_module");
    }

    ArchRule nothingDependsOnTheApp() {
        return noClasses().that().resideInAPackage(base + "..").and().resideOutsideOfPackage(app)
                .should().dependOnClassesThat().resideInAPackage(app)
                .as("nothing_depends_on_the_app");
    }

    ArchRule noPackageCycles() {
        return slices().matching(base + ".(**)").should().beFreeOfCycles()
                .as("no_package_cycles");
    }

    List<ArchRule> all() {
        return List.of(domainDependsOnNothingButTheJdkAndJakartaValidation(),
                httpAdapterDoesNotDependOnTheFakeAdapter(), fakeAdapterDoesNotDependOnTheHttpAdapter(),
                feignAppearsOnlyInTheHttpAdapter(), jacksonAppearsOnlyInTheHttpAdapterAndTheApp(),
                redisClientAppearsOnlyInTheRedisModule(),
                bucket4jAppearsOnlyInTheHttpAdapter(), micrometerAppearsOnlyInTheMicrometerModule(),
                nothingDependsOnTheApp(), noPackageCycles());
    }
}
