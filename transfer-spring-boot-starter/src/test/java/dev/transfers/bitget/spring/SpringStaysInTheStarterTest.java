package dev.transfers.bitget.spring;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/**
 * Spring stays in this module: the domain, the adapters and the fakes (all on this module's class
 * path) use none of it, so a user without Spring never needs it. The rule lives here rather than
 * with the app's rules because only here are Spring and the starter on the class path.
 */
class SpringStaysInTheStarterTest {
    private static final JavaClasses PRODUCT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.transfers.bitget");

    @Test
    void springAppearsOnlyInTheStarter() {
        springOnlyIn("dev.transfers.bitget.spring..").check(PRODUCT);
    }

    @Test
    void theRuleReportsSpringOutsideThePackageItAllows() {
        EvaluationResult wrong = springOnlyIn("dev.transfers.bitget.domain..").evaluate(PRODUCT);

        assertThat(wrong.hasViolation()).isTrue();
        assertThat(String.join("\n", wrong.getFailureReport().getDetails()))
                .contains(BitgetTransferAutoConfiguration.class.getName());
    }

    private static ArchRule springOnlyIn(String allowed) {
        return noClasses().that().resideInAPackage("dev.transfers.bitget..").and().resideOutsideOfPackage(allowed)
                .should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .as("spring_appears_only_in_the_starter");
    }
}
