package org.modelgov.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The A/B stage's measurement: the statistics are plain Java; the comparison and the sample service know their
 * ports, not the adapters (local table, CloudWatch, web), the engine or the servlet API.
 */
class AbTestLayeringTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.modelgov");
    }

    @Test
    void theStatisticsArePlainJava() {
        classes().that().resideInAPackage("org.modelgov.abtest.stats")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.modelgov.abtest.stats", "java..")
                .check(classes);
    }

    @Test
    void theAbTestDomainKnowsNoAdapterAndNoEngine() {
        noClasses().that().resideInAPackage("org.modelgov.abtest")
                .should().dependOnClassesThat().resideInAnyPackage("org.modelgov.abtest.local..",
                        "org.modelgov.abtest.web..", "org.modelgov.aws..", "software.amazon..", "org.camunda..",
                        "org.modelgov.workflow..", "org.modelgov.security..", "org.modelgov.web..",
                        "org.springframework.web..", "org.springframework.jdbc..", "jakarta.servlet..")
                .check(classes);
    }
}
