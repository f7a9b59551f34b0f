package org.modelgov.privacy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.modelgov.fairness.data.ByteDictionary;
import org.modelgov.fairness.data.CsvHeader;
import org.modelgov.fairness.data.CsvLimits;
import org.modelgov.fairness.data.CsvReader;
import org.modelgov.fairness.data.CsvRow;
import org.modelgov.fairness.data.CsvRowHandler;

/**
 * Finds personal data in a CSV file in one streaming pass (Amazon Macie's job on ModelGov's datasets). Per cell it
 * counts character classes once, and runs only the checks that shape can pass ({@link Detectors}); a column of few
 * distinct values (a categorical column) is checked once per distinct value and its counts multiplied, which is also
 * how its values are compared against the special-category terms ({@link SpecialCategoryTerms}).
 *
 * <p>A column is reported for a kind when:
 * <ul>
 * <li>its header names the kind ({@link HeaderHints}) and it holds any value: the rows that match the kind's value
 *     check (loosened for the hinted kind: a phone column's bare digits count), or, when none does, every non-blank
 *     row (hashed or coded e-mails, religions, ... are still that data). Dates of birth and person names are the
 *     exception: their header alone is too weak, so they need matching values;</li>
 * <li>or, without such a header, when at least half of its non-blank values match (e-mail addresses: any one,
 *     anywhere in a cell's text), so a stray number that passes Luhn among order numbers is not reported;</li>
 * <li>dates of birth only in a column whose header hints birth: a date column is not a birth date column.</li>
 * </ul>
 * Nothing here keeps, logs or returns a value: a finding names the column and the detector and counts rows.
 */
public final class PersonalDataScan implements CsvRowHandler {

    /** A column with more distinct values than this is not categorical: its cells are checked one by one. */
    static final int MAX_DISTINCT = 256;
    /** Longer values are free text: never compared with the special-category terms. */
    static final int MAX_CATEGORY_BYTES = 64;
    private static final PersonalDataKind[] KINDS = PersonalDataKind.values();

    private final LocalDate today;
    private Column[] columns;
    private long rows;

    private PersonalDataScan(LocalDate today) {
        this.today = today;
    }

    /**
     * Scans the whole stream within the limits; the caller closes it.
     *
     * @param today the day birth dates are judged against (none after it, none over 120 years before)
     * @throws org.modelgov.fairness.MetricsInputException for a malformed file or one over a limit; its message names
     *                                                     a row and a column, never a value
     */
    public static PersonalDataReport run(InputStream in, CsvLimits limits, LocalDate today) {
        PersonalDataScan scan = new PersonalDataScan(today);
        CsvReader.read(in, limits, scan);
        return scan.report();
    }

    @Override
    public void header(CsvHeader header) {
        columns = new Column[header.size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = new Column(header.name(i));
        }
    }

    @Override
    public void row(CsvRow row) {
        rows++;
        byte[] b = row.buffer();
        for (int i = 0; i < columns.length; i++) {
            int s = row.start(i);
            int e = row.end(i);
            while (s < e && (b[s] == ' ' || b[s] == '\t')) {
                s++;
            }
            while (e > s && (b[e - 1] == ' ' || b[e - 1] == '\t')) {
                e--;
            }
            if (s == e) {
                continue;
            }
            Column c = columns[i];
            c.nonBlank++;
            if (c.distinct != null) {
                if (e - s <= MAX_CATEGORY_BYTES) {
                    int code = c.distinct.codeOf(b, s, e);
                    if (code < MAX_DISTINCT) {
                        if (code == c.counts.length) {
                            c.counts = java.util.Arrays.copyOf(c.counts, c.counts.length * 2);
                        }
                        c.counts[code]++;
                        continue;
                    }
                }
                // no longer categorical: what was counted per distinct value is checked now, the rest cell by cell
                c.checkDistinctValues(this, false);
                c.distinct = null;
                c.counts = null;
            }
            c.add(detect(c, b, s, e), 1);
        }
    }

    private PersonalDataReport report() {
        List<PersonalDataFinding> findings = new ArrayList<>();
        for (Column c : columns) {
            if (c.distinct != null) {
                c.checkDistinctValues(this, true);
            }
            c.findings(rows, findings);
        }
        return new PersonalDataReport(rows, columns.length, findings);
    }

    /** The kinds one non-blank, trimmed cell matches, as a bit set of {@link PersonalDataKind#bit()}. */
    int detect(Column c, byte[] b, int s, int e) {
        int digits = 0;
        int letters = 0;
        int at = 0;
        int dots = 0;
        int colons = 0;
        for (int i = s; i < e; i++) {
            byte x = b[i];
            if (x >= '0' && x <= '9') {
                digits++;
            } else if (x >= 'a' && x <= 'z' || x >= 'A' && x <= 'Z') {
                letters++;
            } else if (x == '@') {
                at++;
            } else if (x == '.') {
                dots++;
            } else if (x == ':') {
                colons++;
            }
        }
        int length = e - s;
        int mask = 0;
        if (at > 0 && length >= 6 && Detectors.containsEmail(b, s, e)) {
            mask |= PersonalDataKind.EMAIL.bit();
        }
        if (letters == 0 && colons == 0 && at == 0) {
            if (digits >= 7 && digits <= 15 && (c.hinted(PersonalDataKind.PHONE)
                    ? Detectors.isPhoneLoose(b, s, e) : Detectors.isPhone(b, s, e))) {
                mask |= PersonalDataKind.PHONE.bit();
            }
            if (digits == 9 && Detectors.isUsSsn(b, s, e, c.hinted(PersonalDataKind.US_SSN))) {
                mask |= PersonalDataKind.US_SSN.bit();
            }
            if (digits >= 13 && digits <= 19 && Detectors.isPaymentCard(b, s, e)) {
                mask |= PersonalDataKind.PAYMENT_CARD.bit();
            }
            if (dots == 3 && digits == length - 3 && !c.versions && Detectors.isIpv4(b, s, e)) {
                mask |= PersonalDataKind.IP_ADDRESS.bit();
            }
        }
        if (colons >= 2 && at == 0 && length <= 45 && Detectors.isIpv6(b, s, e)) {
            mask |= PersonalDataKind.IP_ADDRESS.bit();
        }
        if (letters >= 2 && letters <= 3 && digits == 6 && length <= 13 && Detectors.isUkNino(b, s, e)) {
            mask |= PersonalDataKind.UK_NINO.bit();
        }
        if (letters >= 2 && digits >= 10 && length >= 15 && Detectors.isIban(b, s, e)) {
            mask |= PersonalDataKind.IBAN.bit();
        }
        if (digits >= 8 && c.hinted(PersonalDataKind.DATE_OF_BIRTH) && Detectors.isPlausibleBirthDate(b, s, e, today)) {
            mask |= PersonalDataKind.DATE_OF_BIRTH.bit();
        }
        if (letters >= 2 && digits == 0 && at == 0 && (Detectors.isTitledName(b, s, e)
                || c.hinted(PersonalDataKind.PERSON_NAME) && Detectors.isCapitalisedName(b, s, e))) {
            mask |= PersonalDataKind.PERSON_NAME.bit();
        }
        return mask;
    }

    /** What is counted for one column. */
    static final class Column {
        final String name;
        final Set<PersonalDataKind> hints;
        final int hintBits;
        /** Its header names versions or builds: dotted quads are no addresses. */
        final boolean versions;
        long nonBlank;
        final long[] matches = new long[KINDS.length];
        /** Special categories its distinct values show; set once, when the values are checked. */
        final Set<PersonalDataKind> byValues = EnumSet.noneOf(PersonalDataKind.class);
        final long[] termRows = new long[KINDS.length];
        ByteDictionary distinct = new ByteDictionary();
        long[] counts = new long[16];

        Column(String name) {
            this.name = name;
            this.hints = HeaderHints.of(name);
            int bits = 0;
            for (PersonalDataKind k : hints) {
                bits |= k.bit();
            }
            this.hintBits = bits;
            this.versions = HeaderHints.namesVersions(name);
        }

        boolean hinted(PersonalDataKind kind) {
            return (hintBits & kind.bit()) != 0;
        }

        void add(int mask, long times) {
            while (mask != 0) {
                int kind = Integer.numberOfTrailingZeros(mask);
                matches[kind] += times;
                mask &= mask - 1;
            }
        }

        /**
         * The distinct values counted so far, each through the value checks once; and, when the scan ended with the
         * column still categorical, against the special-category terms.
         */
        void checkDistinctValues(PersonalDataScan scan, boolean categorical) {
            List<String> values = distinct.values();
            int n = Math.min(values.size(), MAX_DISTINCT);
            long[] candidates = new long[KINDS.length];
            boolean[] unambiguous = new boolean[KINDS.length];
            long shared = 0;
            for (int code = 0; code < n; code++) {
                String value = values.get(code);
                byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
                add(scan.detect(this, bytes, 0, bytes.length), counts[code]);
                if (!categorical) {
                    continue;
                }
                if (SpecialCategoryTerms.shared(value)) {
                    shared += counts[code];
                    continue;
                }
                SpecialCategoryTerms.Term term = SpecialCategoryTerms.of(value);
                if (term != null) {
                    candidates[term.kind().ordinal()] += counts[code];
                    unambiguous[term.kind().ordinal()] |= !term.ambiguous();
                }
            }
            if (!categorical) {
                return;
            }
            for (PersonalDataKind kind : KINDS) {
                long matched = candidates[kind.ordinal()] + shared;
                if (kind.specialCategory() && unambiguous[kind.ordinal()] && matched * 2 >= nonBlank) {
                    byValues.add(kind);
                    termRows[kind.ordinal()] = matched;
                }
            }
        }

        void findings(long rows, List<PersonalDataFinding> out) {
            if (nonBlank == 0) {
                return;
            }
            for (PersonalDataKind kind : KINDS) {
                boolean hinted = hinted(kind);
                long found;
                boolean byValue;
                if (kind.specialCategory()) {
                    byValue = byValues.contains(kind);
                    found = hinted ? nonBlank : termRows[kind.ordinal()];
                } else {
                    long m = matches[kind.ordinal()];
                    boolean needsValues = kind == PersonalDataKind.DATE_OF_BIRTH || kind == PersonalDataKind.PERSON_NAME;
                    byValue = m > 0 && (hinted || kind == PersonalDataKind.EMAIL || m * 2 >= nonBlank);
                    if (hinted && needsValues && m == 0) {
                        continue;
                    }
                    found = byValue ? m : nonBlank;
                }
                if (!hinted && !byValue || found == 0) {
                    continue;
                }
                PersonalDataFinding.DetectedBy by = hinted && byValue ? PersonalDataFinding.DetectedBy.HEADER_AND_VALUES
                        : hinted ? PersonalDataFinding.DetectedBy.HEADER : PersonalDataFinding.DetectedBy.VALUES;
                out.add(new PersonalDataFinding(name, kind, found, (double) found / rows, by));
            }
        }
    }
}
