package org.modelgov.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.modelgov.fairness.MetricsInputException;
import org.modelgov.fairness.data.CsvLimits;
import org.modelgov.privacy.PersonalDataFinding.DetectedBy;

/** The scan on whole files: exact counts and shares, header hints, special categories, and no value in the output. */
class PersonalDataScanTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    static PersonalDataReport scan(String csv) {
        return PersonalDataScan.run(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), CsvLimits.DEFAULTS,
                TODAY);
    }

    private static Map<String, PersonalDataFinding> byKey(PersonalDataReport report) {
        return report.findings().stream().collect(Collectors.toMap(f -> f.column() + "/" + f.detector(), f -> f));
    }

    @Test
    void countsAndSharesAreExactPerColumnAndDetector() {
        PersonalDataReport report = scan(PersonalDataScanTestData.mixed());
        Map<String, PersonalDataFinding> f = byKey(report);

        assertThat(report.rows()).isEqualTo(10);
        assertThat(report.columns()).isEqualTo(19);
        assertThat(f.get("email/EMAIL")).isEqualTo(finding("email", PersonalDataKind.EMAIL, 8, DetectedBy.HEADER_AND_VALUES));
        assertThat(f.get("phone/PHONE")).isEqualTo(finding("phone", PersonalDataKind.PHONE, 8, DetectedBy.HEADER_AND_VALUES));
        assertThat(f.get("ssn/US_SSN")).isEqualTo(finding("ssn", PersonalDataKind.US_SSN, 7, DetectedBy.HEADER_AND_VALUES));
        assertThat(f.get("nino/UK_NINO")).isEqualTo(finding("nino", PersonalDataKind.UK_NINO, 8, DetectedBy.HEADER_AND_VALUES));
        assertThat(f.get("card/PAYMENT_CARD")).isEqualTo(finding("card", PersonalDataKind.PAYMENT_CARD, 7, DetectedBy.VALUES));
        assertThat(f.get("iban/IBAN")).isEqualTo(finding("iban", PersonalDataKind.IBAN, 8, DetectedBy.HEADER_AND_VALUES));
        assertThat(f.get("client_ip/IP_ADDRESS")).isEqualTo(finding("client_ip", PersonalDataKind.IP_ADDRESS, 8,
                DetectedBy.HEADER_AND_VALUES));
        assertThat(f.get("date_of_birth/DATE_OF_BIRTH")).isEqualTo(finding("date_of_birth",
                PersonalDataKind.DATE_OF_BIRTH, 7, DetectedBy.HEADER_AND_VALUES));
        assertThat(f.get("full_name/PERSON_NAME")).isEqualTo(finding("full_name", PersonalDataKind.PERSON_NAME, 8,
                DetectedBy.HEADER_AND_VALUES));
        // the header says religion, and so do the values
        assertThat(f.get("faith/RELIGIOUS_OR_PHILOSOPHICAL_BELIEFS")).isEqualTo(finding("faith",
                PersonalDataKind.RELIGIOUS_OR_PHILOSOPHICAL_BELIEFS, 10, DetectedBy.HEADER_AND_VALUES));
        // a neutral header, values that are health conditions ("none" counts with them)
        assertThat(f.get("group/HEALTH")).isEqualTo(finding("group", PersonalDataKind.HEALTH, 10, DetectedBy.VALUES));
        // one address in free text is found
        assertThat(f.get("notes/EMAIL")).isEqualTo(finding("notes", PersonalDataKind.EMAIL, 1, DetectedBy.VALUES));
        assertThat(report.found()).isEqualTo(PersonalDataClass.SPECIAL_CATEGORY);
    }

    @Test
    void nearMissesAreNotFindings() {
        Map<String, PersonalDataFinding> f = byKey(scan(PersonalDataScanTestData.mixed()));
        // one Luhn-valid Visa number among nine order numbers: not a card column
        assertThat(f.keySet()).noneMatch(k -> k.startsWith("order_no/"));
        // 1.2.3.4 in a build column, a date column not hinted as birth, sex (not sex life), age, a loan's condition
        assertThat(f.keySet()).noneMatch(k -> k.startsWith("build/") || k.startsWith("signup_date/")
                || k.startsWith("sex/") || k.startsWith("age/") || k.startsWith("id/") || k.startsWith("condition/"));
        assertThat(f.keySet()).filteredOn(k -> k.startsWith("notes/")).containsExactly("notes/EMAIL");
    }

    @Test
    void theDemoCreditDataHoldsNoPersonalData() throws Exception {
        for (String file : List.of("evaluation.csv", "reference.csv", "current.csv", "evaluation-biased.csv")) {
            try (var in = getClass().getResourceAsStream("/demo/credit/" + file)) {
                PersonalDataReport report = PersonalDataScan.run(in, CsvLimits.DEFAULTS, TODAY);
                assertThat(report.findings()).as(file).isEmpty();
                assertThat(report.found()).isEqualTo(PersonalDataClass.NONE);
            }
        }
    }

    @Test
    void specialCategoriesByHeader() {
        String csv = "ethnicity_code,party_affiliation,union_member,genotype,fingerprint_template,diagnosis,"
                + "sexual_orientation,sex,blood_pressure\n"
                + "3,2,1,AG,x1,J45,1,Male,120\n4,1,0,AA,x2,E11,2,Female,130\n";
        Map<String, PersonalDataFinding> f = byKey(scan(csv));
        assertThat(f.keySet()).containsExactlyInAnyOrder("ethnicity_code/RACIAL_OR_ETHNIC_ORIGIN",
                "party_affiliation/POLITICAL_OPINIONS", "union_member/TRADE_UNION_MEMBERSHIP", "genotype/GENETIC_DATA",
                "fingerprint_template/BIOMETRIC_DATA", "diagnosis/HEALTH",
                "sexual_orientation/SEX_LIFE_OR_SEXUAL_ORIENTATION");
        assertThat(f.values()).allSatisfy(finding -> {
            assertThat(finding.rows()).isEqualTo(2);
            assertThat(finding.share()).isEqualTo(1.0);
            assertThat(finding.detectedBy()).isEqualTo(DetectedBy.HEADER);
        });
    }

    @Test
    void specialCategoriesByValues() {
        StringBuilder csv = new StringBuilder("a,b,c,d,colour,profile\n");
        String[][] rows = {
            {"White British", "Gay", "Labour", "Hindu", "white", "conservative"},
            {"Black African", "Heterosexual", "Green Party", "Sikh", "black", "liberal"},
            {"Asian", "Bisexual", "Conservative", "None", "white", "conservative"},
            {"Hispanic or Latino", "Straight", "SNP", "Buddhist", "red", "moderate"}};
        for (String[] row : rows) {
            csv.append(String.join(",", row)).append('\n');
        }
        Map<String, PersonalDataFinding> f = byKey(scan(csv.toString()));
        assertThat(f.keySet()).containsExactlyInAnyOrder("a/RACIAL_OR_ETHNIC_ORIGIN",
                "b/SEX_LIFE_OR_SEXUAL_ORIENTATION", "c/POLITICAL_OPINIONS", "d/RELIGIOUS_OR_PHILOSOPHICAL_BELIEFS");
        assertThat(f.get("d/RELIGIOUS_OR_PHILOSOPHICAL_BELIEFS").rows()).isEqualTo(4);
        assertThat(f.values()).allSatisfy(finding -> assertThat(finding.detectedBy()).isEqualTo(DetectedBy.VALUES));
    }

    @Test
    void aFewTermsInAColumnOfOtherValuesAreNoSpecialCategory() {
        StringBuilder csv = new StringBuilder("product\n");
        for (int i = 0; i < 10; i++) {
            csv.append(i < 4 ? "Cancer" : "Widget " + i).append('\n'); // a horoscope sign among products
        }
        assertThat(scan(csv.toString()).findings()).isEmpty();
    }

    @Test
    void wordsWithAnotherEverydayMeaningDecideNothingAlone() {
        String csv = "feature_flag,stroke,sign,job_type,colour,iris,species\n"
                + "disabled,freestyle,Cancer,Labour,white,5.1,setosa\n"
                + "disabled,Stroke,Cancer,Labour,black,4.9,setosa\n"
                + "enabled,butterfly,Leo,management,white,6.3,virginica\n";
        assertThat(scan(csv).findings()).isEmpty();
        assertThat(scan("feature_flag\ndisabled\ndisabled\nAsthma\n").findings())
                .extracting(PersonalDataFinding::detector).containsExactly(PersonalDataKind.HEALTH);
    }

    @Test
    void aColumnWithManyDistinctValuesIsStillCountedExactly() {
        // 300 distinct values: past the categorical cap, so counting switches to cell by cell midway
        StringBuilder csv = new StringBuilder("contact\n");
        int emails = 0;
        for (int i = 0; i < 1000; i++) {
            boolean email = i % 3 != 0;
            csv.append(email ? "user" + (i % 300) + "@example.org" : "n/a").append('\n');
            emails += email ? 1 : 0;
        }
        PersonalDataFinding f = scan(csv.toString()).findings().get(0);
        assertThat(f.detector()).isEqualTo(PersonalDataKind.EMAIL);
        assertThat(f.rows()).isEqualTo(emails);
        assertThat(f.share()).isEqualTo(emails / 1000.0);
    }

    @Test
    void valuesAloneNeedHalfOfTheColumn() {
        StringBuilder half = new StringBuilder("ref\n");
        StringBuilder less = new StringBuilder("ref\n");
        for (int i = 0; i < 10; i++) {
            half.append(i < 5 ? "AB123456C" : "X" + i).append('\n');
            less.append(i < 4 ? "AB123456C" : "X" + i).append('\n');
        }
        assertThat(scan(half.toString()).findings()).extracting(PersonalDataFinding::rows).containsExactly(5L);
        assertThat(scan(less.toString()).findings()).isEmpty();
    }

    @Test
    void namesByTitleWithoutAHintAndNotByCapitalsAlone() {
        assertThat(scan("who\nMr John Smith\nMrs Jane Smith\n").findings()).extracting(PersonalDataFinding::detector)
                .containsExactly(PersonalDataKind.PERSON_NAME);
        assertThat(scan("city\nNew York\nLos Angeles\n").findings()).isEmpty();
        assertThat(scan("product_name\nWidget Pro\nGadget Max\n").findings()).isEmpty();
        assertThat(scan("customer\nJane Doe\nJohn Roe\n").findings()).extracting(PersonalDataFinding::rows)
                .containsExactly(2L);
        assertThat(scan("customer_id\nJane Doe\nJohn Roe\n").findings()).isEmpty();
    }

    @Test
    void aBirthDateHintWithoutDatesIsNoFinding() {
        assertThat(scan("country_of_birth\nFrance\nSpain\n").findings()).isEmpty();
        assertThat(scan("dob\n1984-03-07\n2050-01-01\n").findings()).extracting(PersonalDataFinding::rows)
                .containsExactly(1L);
    }

    @Test
    void nothingTheScanProducesHoldsAPlantedValue() {
        PersonalDataReport report = scan(PersonalDataScanTestData.mixed());
        List<String> outputs = new ArrayList<>();
        outputs.add(report.toJson());
        report.findings().forEach(f -> outputs.add(f.describe()));
        outputs.add(report.toString());
        for (String output : outputs) {
            for (String value : PersonalDataScanTestData.PLANTED) {
                assertThat(output).doesNotContain(value);
            }
        }
        assertThat(report.toJson()).contains("\"column\" : \"email\"", "\"detector\" : \"EMAIL\"", "\"rows\" : 8",
                "\"found\" : \"SPECIAL_CATEGORY\"");
    }

    @Test
    void aMalformedFileIsRefusedWithoutItsContent() {
        assertThatThrownBy(() -> scan("email,phone\njane.doe@example.org\n"))
                .isInstanceOf(MetricsInputException.class)
                .hasMessageContaining("row 2")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("jane.doe"));
    }

    private static PersonalDataFinding finding(String column, PersonalDataKind kind, long rows, DetectedBy by) {
        return new PersonalDataFinding(column, kind, rows, rows / 10.0, by);
    }
}
