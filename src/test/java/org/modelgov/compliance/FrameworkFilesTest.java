package org.modelgov.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modelgov.inventory.RiskTier;

/** The bundled framework files parse, every evidence reference names something ModelGov records, bad files fail. */
class FrameworkFilesTest {

    private static final Path MAIN = Path.of("src/main/java/org/modelgov");

    @Test
    void everyBundledFrameworkParsesWithItsRequirementsDatesAndDigest() {
        List<Framework> frameworks = FrameworkCatalog.loadBundled();

        assertThat(frameworks).extracting(Framework::id)
                .containsExactly("EU_AI_ACT", "ISO_IEC_42001", "NIST_AI_RMF", "NYC_LL144", "US_BANK_MRM");
        for (Framework f : frameworks) {
            assertThat(f.requirements()).as(f.fileName()).isNotEmpty();
            assertThat(f.sha256()).as(f.fileName()).hasSize(64);
            assertThat(f.fileVersion()).as(f.fileName()).isNotBlank();
        }
        Framework eu = byId(frameworks, "EU_AI_ACT");
        assertThat(eu.dateOf("entry_into_force")).hasToString("2024-08-01");
        assertThat(eu.dateOf("prohibitions")).hasToString("2025-02-02");
        assertThat(eu.dateOf("gpai")).hasToString("2025-08-02");
        assertThat(eu.dateOf("annex_i_products")).hasToString("2027-08-02");
        // the omnibus is recorded, but its dates count only once it is in force
        assertThat(eu.amendments()).singleElement().satisfies(a -> {
            assertThat(a.inForce()).isFalse();
            assertThat(a.changes().get("annex_iii_high_risk")).hasToString("2027-12-02");
        });
        assertThat(eu.dateOf("annex_iii_high_risk")).hasToString("2026-08-02");
        assertThat(requirement(eu, "EU-AIA-ART73").tiers()).containsExactly(RiskTier.HIGH);
        assertThat(byId(frameworks, "NIST_AI_RMF").requirements()).extracting(Requirement::id)
                .contains("GOVERN-1", "GOVERN-6", "MAP-1", "MAP-5", "MEASURE-1", "MEASURE-4", "MANAGE-1", "MANAGE-4");
        assertThat(byId(frameworks, "ISO_IEC_42001").requirements()).extracting(Requirement::id)
                .contains("A.2.2", "A.5.2", "A.6.2.4", "A.10.4");
        assertThat(requirement(byId(frameworks, "NYC_LL144"), "LL144-BIAS-AUDIT").evidence())
                .anySatisfy(ref -> assertThat(ref.maxAge()).hasToString("P1Y"));
        assertThat(byId(frameworks, "US_BANK_MRM").sourceDocument()).contains("SR 26-2", "rescinds SR 11-7");
    }

    @Test
    void everyEvidenceReferenceNamesSomethingTheCodeRecords() throws IOException {
        String sources = allMainSources();
        String cardService = Files.readString(MAIN.resolve("documentation/ModelCardService.java"));
        for (Framework f : FrameworkCatalog.loadBundled()) {
            for (Requirement r : f.requirements()) {
                for (EvidenceRef ref : r.evidence()) {
                    assertThat(EvidenceVocabulary.problem(ref)).as(f.fileName() + " " + r.id() + " " + ref).isEmpty();
                }
            }
        }
        // the vocabulary's lists are held to the code that writes the names
        for (String check : EvidenceVocabulary.FINDING_CHECKS) {
            assertThat(sources.contains("\"" + check + "\"") || sources.contains("\"" + check + ":\""))
                    .as("finding check " + check + " is written by the code").isTrue();
        }
        for (String field : EvidenceVocabulary.CARD_FIELDS) {
            for (String part : field.split("\\.")) {
                assertThat(cardService).as("model card field " + field).contains("\"" + part + "\"");
            }
        }
        for (String action : EvidenceVocabulary.AUDIT_ACTIONS) {
            assertThat(sources.contains("\"" + action + "\"")).as("audit action " + action + " is recorded by the code")
                    .isTrue();
        }
    }

    @Test
    void anUnknownEvidenceReferenceIsRefusedNamingTheFileAndRequirement() {
        Framework f = FrameworkParser.parse("typo.yaml", minimal("all: [decision:SIGNOFF]").getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> FrameworkCatalog.checked(f))
                .hasMessageContaining("typo.yaml").hasMessageContaining("R-1").hasMessageContaining("decision:SIGNOFF")
                .hasMessageContaining("SIGN_OFF");
    }

    @Test
    void aBrokenFileFailsWithTheFileTheLineAndTheField() {
        assertThatThrownBy(() -> parse("tiers.yaml", minimal("all: [decision:SIGN_OFF]").replace("tiers: [HIGH]", "tiers: [HIGHH]")))
                .hasMessage("tiers.yaml line 11, requirements[0].applies.tiers[0]: 'HIGHH' is not a risk tier: one of"
                        + " [LOW, MEDIUM, HIGH, PROHIBITED, UNASSESSED]");
        assertThatThrownBy(() -> parse("kind.yaml", minimal("all: [desicion:SIGN_OFF]")))
                .hasMessageContaining("kind.yaml line 13, requirements[0].evidence.all[0]: unknown evidence kind 'desicion'");
        assertThatThrownBy(() -> parse("date.yaml", minimal("all: [decision:SIGN_OFF]").replace("2024-08-01", "1 Aug 2024")))
                .hasMessageContaining("date.yaml line 6, application_dates.start.date: '1 Aug 2024' is not a date");
        assertThatThrownBy(() -> parse("from.yaml", minimal("all: [decision:SIGN_OFF]").replace("from: start", "from: later")))
                .hasMessageContaining("from.yaml line 11, requirements[0].applies.from: 'later' is not one of the application_dates");
        assertThatThrownBy(() -> parse("both.yaml", minimal("any: [decision:SIGN_OFF]") + "    outside_modelgov: HR\n"))
                .hasMessageContaining("both.yaml line 8, requirements[0]: needs exactly one of 'evidence'");
        assertThatThrownBy(() -> parse("field.yaml", minimal("all: [decision:SIGN_OFF]").replace("reference:", "referense:")))
                .hasMessageContaining("field.yaml line 10, requirements[0].referense: unknown field");
        assertThatThrownBy(() -> parse("yaml.yaml", "id: [unclosed\n"))
                .hasMessageContaining("yaml.yaml line 2: not valid YAML");
        assertThatThrownBy(() -> parse("age.yaml", minimal("all: [{ref: report:BIAS, max_age: one year}]")))
                .hasMessageContaining("age.yaml line 13, requirements[0].evidence.all[0].max_age: 'one year' is not an ISO-8601 period");
    }

    @Test
    void anExternalDirectoryReplacesTheBundledFilesAndABadFileThereStopsLoading(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("house.yaml"), minimal("all: [decision:SIGN_OFF]"));
        assertThat(new FrameworkCatalog(dir.toString()).frameworks()).extracting(Framework::id).containsExactly("HOUSE");
        assertThat(new FrameworkCatalog(dir.toString()).location()).isEqualTo(dir.toString());

        Files.writeString(dir.resolve("zz-broken.yaml"), minimal("all: [decision:SIGN_OFF]").replace("id: HOUSE", "id: OTHER")
                .replace("scope: ALL", "scope: MARS"));
        assertThatThrownBy(() -> new FrameworkCatalog(dir.toString()))
                .hasMessageContaining("zz-broken.yaml line 3, scope: 'MARS' is not a scope");
        assertThatThrownBy(() -> new FrameworkCatalog(dir.resolve("missing").toString()))
                .hasMessageContaining("is not a directory");
    }

    private static Framework parse(String name, String yaml) {
        return FrameworkParser.parse(name, yaml.getBytes(StandardCharsets.UTF_8));
    }

    /** A one-requirement framework; line numbers in the assertions above count from its first line. */
    static String minimal(String evidence) {
        return """
                id: HOUSE
                title: House rules
                scope: ALL
                file_version: "1"
                source: {document: "House rules", date: 2024-01-01}
                application_dates: {start: {date: 2024-08-01, what: "Start"}}
                requirements:
                  - id: R-1
                    title: Signed off
                    reference: "§ 1"
                    applies: {tiers: [HIGH], from: start}
                    evidence:
                      %s
                """.formatted(evidence);
    }

    private static String allMainSources() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path p : files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.endsWith("EvidenceVocabulary.java")).toList()) {
                all.append(Files.readString(p));
            }
        }
        return all.toString();
    }

    static Framework byId(List<Framework> frameworks, String id) {
        return frameworks.stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
    }

    private static Requirement requirement(Framework f, String id) {
        return f.requirements().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }
}
