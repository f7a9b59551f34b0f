package org.modelgov.compliance;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The compliance domain knows neither the web nor the database; the evaluator and parser are plain Java. */
class ComplianceLayeringTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.modelgov.compliance");

    @Test
    void theComplianceDomainKnowsNoAdapter() {
        noClasses().that().resideInAPackage("org.modelgov.compliance")
                .should().dependOnClassesThat().resideInAnyPackage("org.modelgov.compliance.web..",
                        "org.modelgov.compliance.jdbc..", "org.modelgov.security..", "org.modelgov.web..",
                        "org.springframework.web..", "org.springframework.jdbc..", "org.camunda..", "jakarta.servlet..")
                .check(CLASSES);
    }

    @Test
    void frameworksAreParsedAndEvaluatedInPlainJava() {
        noClasses().that().haveSimpleNameStartingWith("Framework").or().haveSimpleName("ComplianceEvaluator")
                .or().haveSimpleName("EvidenceVocabulary").or().haveSimpleName("EvidenceRef")
                .and().doNotHaveSimpleName("FrameworkCatalog")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.camunda..")
                .check(CLASSES);
    }
}
