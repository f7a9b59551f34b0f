package org.modelgov.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each value check on valid values, invalid checksums and allocation rules, and near misses. */
class DetectorsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jane.doe@example.org", "j+tag@mail.example.co.uk", "Write to a_b-c@x-y.io today.",
        "contact: first.last@example.com.", "zoë.müller@exämple.de"})
    void emailAddressesAnywhereInTheText(String text) {
        assertThat(Detectors.containsEmail(b(text), 0, b(text).length)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"user@localhost", "a@b.c", "@example.org", "jane@", "jane@-example.org", "jane@example.1",
        "version 1.2@3.4", ".jane@example.org.", "jane@example..org", "no at sign here"})
    void notEmailAddresses(String text) {
        assertThat(Detectors.containsEmail(b(text), 0, b(text).length)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"+14155552671", "+44 7700 900123", "+49 30 1234567", "+1 (555) 123-4567",
        "+44 (0) 20 7946 0958", "(555) 123-4567", "555-123-4567", "555.123.4567", "1-555-123-4567", "07700 900123",
        "020 7946 0958", "030 1234567", "0171-1234567"})
    void phoneNumbers(String text) {
        assertThat(Detectors.isPhone(b(text), 0, b(text).length)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"4155552671", "2024-01-15", "15.01.2024", "123-45-6789", "12345", "+0123456789",
        "555-123.4567", "155-123-4567", "0.1234567891", "1234567890123", "555--123-4567", "+1 555 12", "(555 123-4567",
        "12-34-56-78-90"})
    void notPhoneNumbers(String text) {
        assertThat(Detectors.isPhone(b(text), 0, b(text).length)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"4155552671", "0049301234567", "555 1234 567"})
    void bareDigitsArePhoneNumbersOnlyInAPhoneColumn(String text) {
        assertThat(Detectors.isPhoneLoose(b(text), 0, b(text).length)).isTrue();
        assertThat(Detectors.isPhoneLoose(b("12345"), 0, 5)).isFalse();
        assertThat(Detectors.isPhoneLoose(b("555-CALL-NOW"), 0, 12)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"123-45-6789", "123 45 6789", "001-01-0001", "665-99-9999", "899-12-3456"})
    void socialSecurityNumbers(String text) {
        assertThat(Detectors.isUsSsn(b(text), 0, b(text).length, false)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"000-12-3456", "666-12-3456", "900-12-3456", "999-12-3456", "123-00-4567", "123-45-0000",
        "078-05-1120", "219-09-9999", "123-456-789", "12-345-6789", "123-45-678a", "123456789"})
    void notSocialSecurityNumbers(String text) {
        assertThat(Detectors.isUsSsn(b(text), 0, b(text).length, false)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"123456789", "123-45-6789"})
    void bareSsnOnlyInAnSsnColumn(String text) {
        assertThat(Detectors.isUsSsn(b(text), 0, b(text).length, true)).isTrue();
        assertThat(Detectors.isUsSsn(b("666456789"), 0, 9, true)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"AB123456C", "AB 12 34 56 C", "ab123456d", "CE123456A", "ZY987654B"})
    void nationalInsuranceNumbers(String text) {
        assertThat(Detectors.isUkNino(b(text), 0, b(text).length)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"DA123456C", "FA123456C", "IA123456C", "QA123456C", "UA123456C", "VA123456C",
        "AD123456C", "AF123456C", "AI123456C", "AO123456C", "AQ123456C", "AU123456C", "AV123456C", "BG123456C",
        "GB123456C", "KN123456C", "NK123456C", "NT123456C", "TN123456C", "ZZ123456C", "AB123456E", "AB12345C",
        "AB1234567C", "A1123456C"})
    void notNationalInsuranceNumbers(String text) {
        assertThat(Detectors.isUkNino(b(text), 0, b(text).length)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"4111111111111111", "4111 1111 1111 1111", "4111-1111-1111-1111", "5555555555554444",
        "2223003122003222", "378282246310005", "6011111111111117", "3566002020360505", "30569309025904",
        "4222222222222"})
    void paymentCards(String text) {
        assertThat(Detectors.isPaymentCard(b(text), 0, b(text).length)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"4111111111111112", "5555555555554445", "378282246310006",
        // Luhn-valid, but no issuer starts with 9 or 1, and Amex issues 15 digits only
        "9999999999999995", "1234567812345670", "3782822463100052",
        "4111  1111 1111 1111", "4111-1111-1111-111-", "-4111111111111111", "411111111111", "4111.1111.1111.1111"})
    void notPaymentCards(String text) {
        assertThat(Detectors.isPaymentCard(b(text), 0, b(text).length)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"GB82WEST12345698765432", "GB82 WEST 1234 5698 7654 32", "DE89370400440532013000",
        "FR1420041010050500013M02606", "NL91ABNA0417164300", "NO9386011117947", "gb82west12345698765432"})
    void ibans(String text) {
        assertThat(Detectors.isIban(b(text), 0, b(text).length)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"GB82WEST12345698765433", "GB83WEST12345698765432", "DE8937040044053201300",
        "DE893704004405320130001", "XX82WEST12345698765432", "GBXXWEST12345698765432", "GB82-WEST-1234-5698-7654-32"})
    void notIbans(String text) {
        assertThat(Detectors.isIban(b(text), 0, b(text).length)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"192.168.1.1", "10.0.0.1", "8.8.8.8", "255.255.255.255", "1.2.3.4"})
    void ipv4(String text) {
        assertThat(Detectors.isIpv4(b(text), 0, b(text).length)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"256.1.1.1", "1.2.3", "1.2.3.4.5", "01.2.3.4", "0.1.2.3", "1..2.3", "1.2.3.", "1.2.3.4a",
        "1234.1.1.1"})
    void notIpv4(String text) {
        assertThat(Detectors.isIpv4(b(text), 0, b(text).length)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2001:0db8:85a3:0000:0000:8a2e:0370:7334", "2001:db8::1", "fe80::1", "::1",
        "::ffff:192.0.2.128", "2001:db8:0:0:0:0:2:1", "1::"})
    void ipv6(String text) {
        assertThat(Detectors.isIpv6(b(text), 0, b(text).length)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"::", "12:30:45", "00:1A:2B:3C:4D:5E", "2001:db8::1::2", "2001:db8:85a3:0:0:8a2e:370",
        "2001:db8:85a3:0:0:8a2e:370:7334:1", "12345::1", "2001:dg8::1", "1:2:3:4:5:6:7:", ":1:2:3:4:5:6:7"})
    void notIpv6(String text) {
        assertThat(Detectors.isIpv6(b(text), 0, b(text).length)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1984-03-07", "1984-03-07T00:00:00Z", "07/03/1984", "12/31/1984", "07.03.1984",
        "07-03-1984", "1984/03/07", "19840307", "1910-01-01", "2026-12-02"})
    void plausibleBirthDates(String text) {
        assertThat(Detectors.isPlausibleBirthDate(b(text), 0, b(text).length, TODAY)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1900-01-01", "2026-12-03", "2030-01-01", "1984-13-01", "1984-02-30", "31/31/1984",
        "84-03-07", "1984-03", "12345678", "1984.03.07"})
    void notPlausibleBirthDates(String text) {
        assertThat(Detectors.isPlausibleBirthDate(b(text), 0, b(text).length, TODAY)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Mr John Smith", "Dr. Jane Doe", "Mrs O'Brien", "Prof Ana María López", "Ms Smith-Jones"})
    void titledNames(String text) {
        assertThat(Detectors.isTitledName(b(text), 0, b(text).length)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Mr", "Mr john smith", "Drive Thru Service", "Dr Who Is This Person Here", "MR ABC",
        "Mrs 42", "Profit Margin"})
    void notTitledNames(String text) {
        assertThat(Detectors.isTitledName(b(text), 0, b(text).length)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Jane", "Jane Doe", "Doe, Jane", "Zoë Müller", "Jean-Luc Picard", "Mary Ann De Vries"})
    void capitalisedNames(String text) {
        assertThat(Detectors.isCapitalisedName(b(text), 0, b(text).length)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"jane doe", "ABC", "Jane  Doe", "Jane Doe ", "X", "A B C D E F", "Jane2"})
    void notCapitalisedNames(String text) {
        assertThat(Detectors.isCapitalisedName(b(text), 0, b(text).length)).isFalse();
    }
}
