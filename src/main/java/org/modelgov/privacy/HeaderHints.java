package org.modelgov.privacy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a column's header says it holds. The header is split into lower-case words ({@code dateOfBirth},
 * {@code date_of_birth} and {@code Date of Birth} all read date, of, birth) and matched word by word, so that
 * {@code sex} is not {@code sex_life}, {@code condition} is not {@code medical_condition}, and {@code customer_id}
 * is no name.
 */
final class HeaderHints {

    /** Headers that name people's names; {@code name} alone counts unless another word says whose name it is. */
    private static final Set<String> NAME_WORDS = Set.of("name", "names", "firstname", "lastname", "surname",
            "forename", "forenames", "fullname", "givenname", "familyname", "maidenname");
    /** {@code product_name}, {@code file_name}: names, but not of people. */
    private static final Set<String> NOT_PEOPLE = Set.of("file", "filename", "product", "model", "company", "business",
            "brand", "feature", "column", "host", "hostname", "user", "username", "domain", "app", "application",
            "project", "city", "country", "street", "item", "bank", "org", "organisation", "organization", "dataset",
            "table", "field", "class", "category", "variable", "job", "event", "service", "team", "group", "store",
            "shop", "merchant", "vendor", "supplier", "region", "state", "town", "place", "site", "device", "metric",
            "drug", "medicine", "species", "type", "code", "key", "path", "queue", "topic", "bucket", "tag", "label");
    /** A header that is one of these words alone names a person. */
    private static final Set<String> PERSON_WORDS = Set.of("customer", "client", "patient", "employee", "applicant",
            "person", "cardholder", "holder", "recipient", "beneficiary", "contact", "borrower", "tenant");
    /** Version and build numbers look like IPv4 addresses. */
    private static final Set<String> NOT_AN_ADDRESS = Set.of("version", "ver", "release", "build", "revision", "rev",
            "oid", "sku", "semver");

    private HeaderHints() {
    }

    /** The kinds the header names; empty for most headers. */
    static Set<PersonalDataKind> of(String header) {
        List<String> w = words(header);
        Set<PersonalDataKind> kinds = EnumSet.noneOf(PersonalDataKind.class);
        if (w.isEmpty()) {
            return kinds;
        }
        if (any(w, "email", "emails", "mail", "emailaddress") || pair(w, "e", "mail")) {
            kinds.add(PersonalDataKind.EMAIL);
        }
        if (any(w, "phone", "telephone", "tel", "mobile", "msisdn", "fax", "cellphone", "phonenumber")
                || pair(w, "cell", "number")) {
            kinds.add(PersonalDataKind.PHONE);
        }
        if (any(w, "ssn") || pair(w, "social", "security")) {
            kinds.add(PersonalDataKind.US_SSN);
        }
        if (any(w, "nino") || pair(w, "national", "insurance") || pair(w, "ni", "number") || pair(w, "ni", "no")) {
            kinds.add(PersonalDataKind.UK_NINO);
        }
        if (any(w, "pan", "creditcard", "cardnumber", "ccnumber") || pair(w, "card", "number") || pair(w, "card", "no")
                || pair(w, "credit", "card") || pair(w, "cc", "number")) {
            kinds.add(PersonalDataKind.PAYMENT_CARD);
        }
        if (any(w, "iban")) {
            kinds.add(PersonalDataKind.IBAN);
        }
        if (any(w, "ip", "ipaddress", "ipv4", "ipv6", "ipaddr") || pair(w, "remote", "addr")) {
            kinds.add(PersonalDataKind.IP_ADDRESS);
        }
        if (any(w, "dob", "birth", "birthdate", "birthday", "born", "dateofbirth")) {
            kinds.add(PersonalDataKind.DATE_OF_BIRTH);
        }
        if (any(w, NAME_WORDS) && !any(w, NOT_PEOPLE) || w.size() == 1 && PERSON_WORDS.contains(w.get(0))
                || w.size() == 2 && PERSON_WORDS.contains(w.get(0)) && w.get(1).equals("name")) {
            kinds.add(PersonalDataKind.PERSON_NAME);
        }
        if (any(w, "ethnicity", "ethnic", "race", "racial", "ethnicities")) {
            kinds.add(PersonalDataKind.RACIAL_OR_ETHNIC_ORIGIN);
        }
        if (any(w, "political", "politics") || pair(w, "party", "affiliation") || pair(w, "voting", "intention")) {
            kinds.add(PersonalDataKind.POLITICAL_OPINIONS);
        }
        if (any(w, "religion", "religious", "faith", "denomination", "belief", "beliefs", "religions")) {
            kinds.add(PersonalDataKind.RELIGIOUS_OR_PHILOSOPHICAL_BELIEFS);
        }
        if (any(w, "tradeunion", "unionised", "unionized") || pair(w, "trade", "union") || pair(w, "union", "member")
                || pair(w, "union", "membership")) {
            kinds.add(PersonalDataKind.TRADE_UNION_MEMBERSHIP);
        }
        if (any(w, "genetic", "genetics", "genotype", "genome", "dna", "allele", "snp")) {
            kinds.add(PersonalDataKind.GENETIC_DATA);
        }
        // "iris" alone is the flower of the best-known ML dataset: only an iris scan or template is biometric
        if (any(w, "biometric", "biometrics", "fingerprint", "fingerprints", "faceprint", "voiceprint")
                || pair(w, "iris", "scan") || pair(w, "iris", "template") || pair(w, "iris", "code")
                || pair(w, "retina", "scan") || pair(w, "face", "template") || pair(w, "face", "embedding")
                || pair(w, "facial", "features")) {
            kinds.add(PersonalDataKind.BIOMETRIC_DATA);
        }
        if (any(w, "health", "medical", "diagnosis", "diagnoses", "disease", "diseases", "illness", "disability",
                "disabilities", "medication", "medications", "prescription", "icd", "icd10", "symptoms", "hiv",
                "pregnancy", "pregnant", "allergy", "allergies", "mental") || pair(w, "blood", "type")
                || pair(w, "chronic", "condition")) {
            kinds.add(PersonalDataKind.HEALTH);
        }
        if (any(w, "sexuality", "lgbt", "lgbtq") || pair(w, "sexual", "orientation") || pair(w, "sex", "life")
                || pair(w, "sexual", "preference")) {
            kinds.add(PersonalDataKind.SEX_LIFE_OR_SEXUAL_ORIENTATION);
        }
        return kinds;
    }

    /** A header that names versions or builds: its dotted quads are not taken for IPv4 addresses. */
    static boolean namesVersions(String header) {
        return any(words(header), NOT_AN_ADDRESS);
    }

    /** Lower-case words: split at anything but letters and digits, and where a lower-case letter meets a capital. */
    static List<String> words(String header) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (Character.isUpperCase(c) && word.length() > 0
                        && Character.isLowerCase(header.charAt(i - 1))) {
                    words.add(word.toString().toLowerCase(Locale.ROOT));
                    word.setLength(0);
                }
                word.append(c);
            } else if (word.length() > 0) {
                words.add(word.toString().toLowerCase(Locale.ROOT));
                word.setLength(0);
            }
        }
        if (word.length() > 0) {
            words.add(word.toString().toLowerCase(Locale.ROOT));
        }
        return words;
    }

    private static boolean any(List<String> words, String... wanted) {
        for (String w : wanted) {
            if (words.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private static boolean any(List<String> words, Set<String> wanted) {
        for (String w : words) {
            if (wanted.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** {@code first} directly followed by {@code second}. */
    private static boolean pair(List<String> words, String first, String second) {
        for (int i = 0; i + 1 < words.size(); i++) {
            if (words.get(i).equals(first) && words.get(i + 1).equals(second)) {
                return true;
            }
        }
        return false;
    }
}
