package org.modelgov.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Ports and adapters: the domain does not know the web, the database code or the security setup. */
class LayeringTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.modelgov");
    }

    @Test
    void theInventoryDomainKnowsNoAdapter() {
        noClasses().that().resideInAPackage("org.modelgov.inventory")
                .should().dependOnClassesThat().resideInAnyPackage("org.modelgov.inventory.web..",
                        "org.modelgov.inventory.jdbc..", "org.modelgov.security..", "org.modelgov.web..",
                        "org.springframework.web..", "org.springframework.security..", "org.springframework.jdbc..",
                        "org.camunda..", "jakarta.servlet..")
                .check(classes);
    }

    @Test
    void theEvidenceDomainKnowsNoAdapter() {
        noClasses().that().resideInAPackage("org.modelgov.evidence")
                .should().dependOnClassesThat().resideInAnyPackage("org.modelgov.evidence.web..",
                        "org.modelgov.evidence.jdbc..", "org.modelgov.security..", "org.modelgov.web..",
                        "org.springframework.web..", "org.springframework.security..", "org.springframework.jdbc..",
                        "org.camunda..", "jakarta.servlet..")
                .check(classes);
    }

    @Test
    void theGovernanceDomainKnowsNoEngineAndNoAdapter() {
        // the lifecycle's business rules run without Camunda; the workflow package adapts them to the engine
        noClasses().that().resideInAnyPackage("org.modelgov.lifecycle", "org.modelgov.review", "org.modelgov.risk",
                        "org.modelgov.validation", "org.modelgov.registry", "org.modelgov.documentation",
                        "org.modelgov.incident", "org.modelgov.incident.guardduty")
                .should().dependOnClassesThat().resideInAnyPackage("org.camunda..", "org.modelgov.workflow..",
                        "org.modelgov.security..", "org.modelgov.web..", "org.springframework.web..",
                        "org.springframework.jdbc..", "jakarta.servlet..", "org.modelgov.registry.local..",
                        "org.modelgov.documentation.local..", "org.modelgov.validation.jdbc..",
                        "org.modelgov.validation.local..", "org.modelgov.review.jdbc..", "org.modelgov.incident.jdbc..",
                        "org.modelgov.incident.local..", "org.modelgov.incident.web..", "org.modelgov.incident.sns..",
                        "org.modelgov.incident.guardduty.jdbc..", "org.modelgov.incident.guardduty.web..")
                .check(classes);
    }

    @Test
    void theExerciseDomainKnowsNoEngineAndNoAdapter() {
        // exercises run on the engine through ports (ExerciseEngine, ExerciseCadence, FaultExperiments)
        noClasses().that().resideInAPackage("org.modelgov.exercise")
                .should().dependOnClassesThat().resideInAnyPackage("org.camunda..", "org.modelgov.workflow..",
                        "org.modelgov.security..", "org.modelgov.web..", "org.springframework.web..",
                        "org.springframework.jdbc..", "jakarta.servlet..", "org.modelgov.exercise.jdbc..",
                        "org.modelgov.exercise.local..", "org.modelgov.exercise.web..", "org.modelgov.aws..",
                        "software.amazon..")
                .check(classes);
    }

    @Test
    void sharedDomainTypesArePlainJava() {
        noClasses().that().resideInAPackage("org.modelgov.common")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.camunda..",
                        "jakarta..")
                .check(classes);
    }

    @Test
    void theAuditHashChainIsPlainJava() {
        noClasses().that().haveSimpleName("AuditHashChain")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.camunda..")
                .check(classes);
    }

    @Test
    void onlyTheWebLayerUsesServletTypes() {
        noClasses().that().resideInAnyPackage("org.modelgov.inventory", "org.modelgov.audit", "org.modelgov.fairness..",
                        "org.modelgov.drift..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.servlet..")
                .check(classes);
    }
}
