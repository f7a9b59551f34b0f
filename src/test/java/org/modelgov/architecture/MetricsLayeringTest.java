package org.modelgov.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The metrics and the personal-data scan are plain Java: no Spring, no Camunda, and only Jackson's streaming core for
 * JSON.
 */
class MetricsLayeringTest {

    @Test
    void metricsPackagesDependOnPlainJavaAndJacksonCoreOnly() {
        JavaClasses metrics = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.modelgov.fairness", "org.modelgov.drift", "org.modelgov.privacy");
        classes().that().resideInAnyPackage("org.modelgov.fairness..", "org.modelgov.drift..", "org.modelgov.privacy..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.modelgov.fairness..", "org.modelgov.drift..",
                        "org.modelgov.privacy..",
                        "java..", "com.fasterxml.jackson.core..")
                .check(metrics);
    }
}
