package org.modelgov.privacy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * The value checks, each on a cell's bytes {@code [s, e)} (UTF-8, trimmed; a byte below 0 is part of a non-ASCII
 * character). Hand-written scanners over bytes, no
 * regular expressions: each check is linear in the cell's length and allocates nothing, so no input can make one
 * backtrack. Checksums and allocation rules are checked where the identifier has them (Luhn, ISO 7064 mod-97, SSA
 * and HMRC ranges), so a near miss does not match.
 */
final class Detectors {

    private Detectors() {
    }

    // ---- e-mail ----

    /** An address anywhere in the cell ({@code ... write to jane.doe@example.org ...}): local@domain.tld. */
    static boolean containsEmail(byte[] b, int s, int e) {
        for (int at = s + 1; at < e - 3; at++) {
            if (b[at] == '@' && emailAround(b, s, e, at)) {
                return true;
            }
        }
        return false;
    }

    private static boolean emailAround(byte[] b, int s, int e, int at) {
        int local = at;
        while (local > s && isLocalChar(b[local - 1])) {
            local--;
        }
        int localLength = at - local;
        if (localLength < 1 || localLength > 64 || b[local] == '.' || b[at - 1] == '.') {
            return false;
        }
        int end = at + 1;
        while (end < e && isDomainChar(b[end])) {
            end++;
        }
        while (end > at + 1 && b[end - 1] == '.') {
            end--; // a sentence's full stop after the address
        }
        // labels: non-empty, not starting or ending with '-', at least two, the last 2+ letters
        int labels = 0;
        int labelStart = at + 1;
        boolean tldLetters = true;
        for (int i = at + 1; i <= end; i++) {
            if (i == end || b[i] == '.') {
                int length = i - labelStart;
                if (length < 1 || length > 63 || b[labelStart] == '-' || b[i - 1] == '-') {
                    return false;
                }
                labels++;
                tldLetters = length >= 2;
                for (int j = labelStart; j < i && tldLetters; j++) {
                    tldLetters = isLetter(b[j]) || b[j] < 0;
                }
                labelStart = i + 1;
            }
        }
        return labels >= 2 && tldLetters;
    }

    /** ASCII atoms, and UTF-8 bytes: internationalised addresses (RFC 6531, {@code zoë@example.org}) count. */
    private static boolean isLocalChar(byte c) {
        return isLetter(c) || isDigit(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-' || c < 0;
    }

    private static boolean isDomainChar(byte c) {
        return isLetter(c) || isDigit(c) || c == '.' || c == '-' || c < 0;
    }

    // ---- phone numbers ----

    /**
     * A phone number as people write one: E.164 ({@code +44 7700 900123}, {@code +4930123456}), or a national
     * number with separators: US/NANP 3-3-4 ({@code (555) 123-4567}, {@code 555.123.4567}, {@code 1-555-123-4567}),
     * or a trunk-prefixed national number of 10-12 digits in 2-4 groups ({@code 07700 900123}, {@code 030 1234567},
     * {@code 020 7946 0958}). A bare run of digits is not taken for a phone number (it is as likely an id), nor
     * anything with 9 or fewer digits (dates, SSNs, amounts).
     */
    static boolean isPhone(byte[] b, int s, int e) {
        int digits = 0;
        int groups = 0;
        int[] groupLengths = new int[6];
        boolean inGroup = false;
        boolean plus = false;
        int parens = 0;
        byte separator = 0;
        for (int i = s; i < e; i++) {
            byte c = b[i];
            if (isDigit(c)) {
                digits++;
                if (!inGroup) {
                    if (groups == groupLengths.length) {
                        return false;
                    }
                    groups++;
                    inGroup = true;
                }
                groupLengths[groups - 1]++;
            } else if (c == '+' && i == s) {
                plus = true;
            } else if (c == '(' || c == ')') {
                parens++;
                inGroup = false;
            } else if (c == ' ' || c == '-' || c == '.') {
                if (!inGroup && !(c == ' ' && i > s && b[i - 1] == ')')) {
                    return false; // two separators in a row
                }
                if (c != ' ' && separator != 0 && separator != c && separator != ' ') {
                    return false; // 555-123.4567 is no way to write a number
                }
                if (c != ' ') {
                    separator = c;
                }
                inGroup = false;
            } else {
                return false;
            }
        }
        if (parens != 0 && parens != 2 || digits < 7 || digits > 15) {
            return false;
        }
        int first = firstDigit(b, s, e);
        if (plus) {
            return digits >= 8 && first != '0';
        }
        if (groups < 2 || digits < 10) {
            return false;
        }
        if (digits == 10 && groups == 3 && groupLengths[0] == 3 && groupLengths[1] == 3 && groupLengths[2] == 4) {
            return first >= '2'; // NANP area codes start with 2-9
        }
        if (digits == 11 && groups == 4 && first == '1' && groupLengths[0] == 1 && groupLengths[1] == 3
                && groupLengths[2] == 3 && groupLengths[3] == 4) {
            return true;
        }
        return first == '0' && digits <= 12 && groups <= 4 && groupLengths[0] >= 2 && separator != '.';
    }

    /** In a column whose header says it holds phone numbers: 7-15 digits with the usual punctuation. */
    static boolean isPhoneLoose(byte[] b, int s, int e) {
        int digits = 0;
        for (int i = s; i < e; i++) {
            byte c = b[i];
            if (isDigit(c)) {
                digits++;
            } else if (!(c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '+' && i == s)) {
                return false;
            }
        }
        return digits >= 7 && digits <= 15;
    }

    private static int firstDigit(byte[] b, int s, int e) {
        for (int i = s; i < e; i++) {
            if (isDigit(b[i])) {
                return b[i];
            }
        }
        return -1;
    }

    // ---- US social security number ----

    /**
     * AAA-GG-SSSS (dashes or spaces; bare nine digits only when {@code bare}) within the SSA's rules: area not 000,
     * 666 or 900-999, group not 00, serial not 0000; and not one of the two numbers known from advertising.
     */
    static boolean isUsSsn(byte[] b, int s, int e, boolean bare) {
        int length = e - s;
        int area;
        int group;
        int serial;
        if (length == 11 && (b[s + 3] == '-' && b[s + 6] == '-' || b[s + 3] == ' ' && b[s + 6] == ' ')) {
            area = number(b, s, s + 3);
            group = number(b, s + 4, s + 6);
            serial = number(b, s + 7, s + 11);
        } else if (bare && length == 9) {
            area = number(b, s, s + 3);
            group = number(b, s + 3, s + 5);
            serial = number(b, s + 5, s + 9);
        } else {
            return false;
        }
        if (area < 0 || group < 0 || serial < 0) {
            return false;
        }
        if (area == 0 || area == 666 || area >= 900 || group == 0 || serial == 0) {
            return false;
        }
        return !(area == 78 && group == 5 && serial == 1120) && !(area == 219 && group == 9 && serial == 9999);
    }

    // ---- UK national insurance number ----

    /**
     * Two prefix letters, six digits, a suffix A-D ({@code AB123456C}, {@code AB 12 34 56 C}) under HMRC's rules:
     * the first letter not D, F, I, Q, U or V; the second not D, F, I, O, Q, U or V; not the unallocated prefixes
     * BG, GB, KN, NK, NT, TN or ZZ.
     */
    static boolean isUkNino(byte[] b, int s, int e) {
        byte[] compact = new byte[9];
        int n = 0;
        for (int i = s; i < e; i++) {
            byte c = b[i];
            if (c == ' ') {
                continue;
            }
            if (n == 9) {
                return false;
            }
            compact[n++] = upper(c);
        }
        if (n != 9) {
            return false;
        }
        byte first = compact[0];
        byte second = compact[1];
        if (!isUpper(first) || !isUpper(second) || "DFIQUV".indexOf(first) >= 0 || "DFIOQUV".indexOf(second) >= 0) {
            return false;
        }
        String prefix = new String(new char[] {(char) first, (char) second});
        if (prefix.equals("BG") || prefix.equals("GB") || prefix.equals("KN") || prefix.equals("NK")
                || prefix.equals("NT") || prefix.equals("TN") || prefix.equals("ZZ")) {
            return false;
        }
        for (int i = 2; i < 8; i++) {
            if (!isDigit(compact[i])) {
                return false;
            }
        }
        return compact[8] >= 'A' && compact[8] <= 'D';
    }

    // ---- payment cards ----

    /**
     * 13-19 digits, optionally in groups separated by single spaces or dashes, that pass the Luhn check and start
     * with a known issuer range (Visa, Mastercard, American Express, Discover, Diners, JCB, UnionPay, Maestro) at a
     * length that range issues.
     */
    static boolean isPaymentCard(byte[] b, int s, int e) {
        int digits = 0;
        int prefix = 0;
        int sum = 0;
        // Luhn from the right: double every second digit
        for (int i = e - 1; i >= s; i--) {
            byte c = b[i];
            if (isDigit(c)) {
                int d = c - '0';
                if ((digits & 1) == 1) {
                    d *= 2;
                    if (d > 9) {
                        d -= 9;
                    }
                }
                sum += d;
                digits++;
            } else if (c != ' ' && c != '-' || i == s || i == e - 1 || !isDigit(b[i - 1])) {
                return false;
            }
        }
        if (digits < 13 || digits > 19 || sum % 10 != 0) {
            return false;
        }
        int seen = 0;
        for (int i = s; i < e && seen < 6; i++) {
            if (isDigit(b[i])) {
                prefix = prefix * 10 + (b[i] - '0');
                seen++;
            }
        }
        return knownIssuer(prefix, digits);
    }

    /** {@code iin}: the first six digits. */
    private static boolean knownIssuer(int iin, int length) {
        int two = iin / 10_000;
        int three = iin / 1_000;
        int four = iin / 100;
        if (iin / 100_000 == 4) {
            return length == 13 || length == 16 || length == 19; // Visa
        }
        if (two >= 51 && two <= 55 || four >= 2221 && four <= 2720) {
            return length == 16; // Mastercard
        }
        if (two == 34 || two == 37) {
            return length == 15; // American Express
        }
        if (four == 6011 || three >= 644 && three <= 649 || two == 65 || iin >= 622126 && iin <= 622925) {
            return length >= 16; // Discover
        }
        if (three >= 300 && three <= 305 || two == 36 || two == 38 || two == 39) {
            return length >= 14; // Diners Club
        }
        if (four >= 3528 && four <= 3589) {
            return length >= 16; // JCB
        }
        if (two == 62) {
            return length >= 16; // UnionPay
        }
        return two == 50 || two >= 56 && two <= 58 || two == 63 || two == 67; // Maestro, 12-19 digits
    }

    // ---- IBAN ----

    /** IBAN lengths by country (SWIFT's IBAN registry). */
    private static final Map<String, Integer> IBAN_LENGTHS = new HashMap<>();

    static {
        String table = "AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BI27 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DJ27"
                + " DK18 DO28 EE20 EG29 ES24 FI18 FK18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HR21 HU28 IE22 IL23"
                + " IQ23 IS26 IT27 JO30 KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21 LY25 MC27 MD24 ME22 MK19 MN20 MR27"
                + " MT31 MU30 NI28 NL18 NO15 OM23 PK24 PL28 PS29 PT25 QA29 RO24 RS22 RU33 SA24 SC31 SD18 SE24 SI19"
                + " SK24 SM27 SO23 ST25 SV28 TL23 TN24 TR26 UA29 VA22 VG24 XK20 YE30";
        for (String entry : table.split(" ")) {
            IBAN_LENGTHS.put(entry.substring(0, 2), Integer.valueOf(entry.substring(2)));
        }
    }

    /**
     * Country code, two check digits, the account (spaces between groups allowed), of the country's registered
     * length, and ISO 7064 MOD 97-10 over it equals 1.
     */
    static boolean isIban(byte[] b, int s, int e) {
        if (e - s < 15 || e - s > 42) {
            return false;
        }
        byte[] compact = new byte[34];
        int n = 0;
        for (int i = s; i < e; i++) {
            byte c = b[i];
            if (c == ' ') {
                continue;
            }
            if (n == 34 || !isDigit(c) && !isLetter(c)) {
                return false;
            }
            compact[n++] = upper(c);
        }
        if (n < 15 || !isUpper(compact[0]) || !isUpper(compact[1]) || !isDigit(compact[2]) || !isDigit(compact[3])) {
            return false;
        }
        Integer expected = IBAN_LENGTHS.get(new String(compact, 0, 2, java.nio.charset.StandardCharsets.US_ASCII));
        if (expected == null || expected != n) {
            return false;
        }
        int remainder = 0;
        for (int k = 0; k < n; k++) {
            byte c = compact[(k + 4) % n]; // the first four characters move to the end
            if (isDigit(c)) {
                remainder = (remainder * 10 + (c - '0')) % 97;
            } else {
                remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
            }
        }
        return remainder == 1;
    }

    // ---- IP addresses ----

    /**
     * Dotted quad, each part 0-255 without leading zeros, the first not 0 (0.x.x.x is no host's address, and is how
     * small version strings start).
     */
    static boolean isIpv4(byte[] b, int s, int e) {
        int parts = 0;
        int i = s;
        while (true) {
            int start = i;
            int value = 0;
            while (i < e && isDigit(b[i]) && i - start < 3) {
                value = value * 10 + (b[i] - '0');
                i++;
            }
            int length = i - start;
            if (length == 0 || value > 255 || length > 1 && b[start] == '0' || parts == 0 && value == 0) {
                return false;
            }
            parts++;
            if (i == e) {
                return parts == 4;
            }
            if (b[i] != '.' || parts == 4) {
                return false;
            }
            i++;
        }
    }

    /**
     * RFC 4291 text form: eight groups of 1-4 hex digits, or fewer with one {@code ::}, optionally ending in a
     * dotted quad; at least one hex digit (a lone {@code ::} is not an address anyone has).
     */
    static boolean isIpv6(byte[] b, int s, int e) {
        if (e - s < 3 || e - s > 45) {
            return false;
        }
        int groups = 0;
        boolean compressed = false;
        boolean anyDigit = false;
        int i = s;
        if (b[i] == ':') {
            if (b[i + 1] != ':') {
                return false;
            }
            compressed = true;
            i += 2;
            if (i == e) {
                return false;
            }
        }
        while (i < e) {
            int start = i;
            while (i < e && isHex(b[i]) && i - start < 5) {
                i++;
            }
            int length = i - start;
            if (i < e && b[i] == '.') {
                // an embedded IPv4 address ends the text and takes two groups
                return isIpv4(b, start, e) && (compressed ? groups <= 5 : groups == 6);
            }
            if (length == 0 || length > 4) {
                return false;
            }
            anyDigit = true;
            groups++;
            if (i == e) {
                break;
            }
            if (b[i] != ':') {
                return false;
            }
            i++;
            if (i < e && b[i] == ':') {
                if (compressed) {
                    return false;
                }
                compressed = true;
                i++;
                if (i == e) {
                    break;
                }
            } else if (i == e) {
                return false; // a trailing single colon
            }
        }
        return anyDigit && (compressed ? groups <= 7 : groups == 8);
    }

    // ---- dates of birth ----

    /**
     * A date in a usual form (ISO {@code 1984-03-07}, with or without a time; {@code 07/03/1984}; {@code 07.03.1984};
     * {@code 07-03-1984}; {@code 1984/03/07}; {@code 19840307}) that could be a living person's birth date: in the
     * last 120 years and not after {@code today}.
     */
    static boolean isPlausibleBirthDate(byte[] b, int s, int e, LocalDate today) {
        int length = e - s;
        if (length > 10 && (b[s + 10] == 'T' || b[s + 10] == ' ') && b[s + 4] == '-') {
            length = 10; // a timestamp: its date part
        }
        int year;
        int first;
        int second;
        if (length == 10 && (b[s + 4] == '-' || b[s + 4] == '/') && b[s + 7] == b[s + 4]) {
            year = number(b, s, s + 4);
            first = number(b, s + 5, s + 7);
            second = number(b, s + 8, s + 10);
            return plausible(year, first, second, today);
        }
        if (length == 10 && (b[s + 2] == '/' || b[s + 2] == '.' || b[s + 2] == '-') && b[s + 5] == b[s + 2]) {
            first = number(b, s, s + 2);
            second = number(b, s + 3, s + 5);
            year = number(b, s + 6, s + 10);
            // day-month or month-day: either reading makes it a date
            return plausible(year, second, first, today) || plausible(year, first, second, today);
        }
        if (length == 8) {
            year = number(b, s, s + 4);
            return plausible(year, number(b, s + 4, s + 6), number(b, s + 6, s + 8), today);
        }
        return false;
    }

    private static boolean plausible(int year, int month, int day, LocalDate today) {
        if (year < today.getYear() - 120 || year > today.getYear() || month < 1 || month > 12 || day < 1) {
            return false;
        }
        LocalDate date;
        if (day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
            return false;
        }
        date = LocalDate.of(year, month, day);
        return !date.isAfter(today);
    }

    // ---- person names ----

    private static final String[] TITLES = {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "lady",
        "lord", "rev", "herr", "frau", "mme", "mlle"};

    /** {@code Title Firstname Lastname}: a title, then one to three capitalised words ({@code Dr. Jane Doe}). */
    static boolean isTitledName(byte[] b, int s, int e) {
        int space = s;
        while (space < e && b[space] != ' ') {
            space++;
        }
        if (space == e) {
            return false;
        }
        int titleEnd = b[space - 1] == '.' ? space - 1 : space;
        if (!isTitle(b, s, titleEnd)) {
            return false;
        }
        int words = capitalisedWords(b, space + 1, e);
        return words >= 1 && words <= 3;
    }

    private static boolean isTitle(byte[] b, int s, int e) {
        if (e - s < 2 || e - s > 4 || !isUpper(b[s])) {
            return false;
        }
        outer:
        for (String title : TITLES) {
            if (title.length() != e - s) {
                continue;
            }
            for (int i = 0; i < title.length(); i++) {
                if (lower(b[s + i]) != title.charAt(i)) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** In a column whose header names people: one to four capitalised words ({@code Jane}, {@code O'Brien-Smith}). */
    static boolean isCapitalisedName(byte[] b, int s, int e) {
        int words = capitalisedWords(b, s, e);
        return words >= 1 && words <= 4;
    }

    /**
     * How many capitalised words separated by single spaces (or ", " as in {@code Doe, Jane}) the text is, or 0 when
     * it is anything else. A word: a capital, then letters (non-ASCII letters too), apostrophes or hyphens, with a
     * lower-case letter in it, so codes in capitals ({@code ABC}) are no names.
     */
    static int capitalisedWords(byte[] b, int s, int e) {
        int words = 0;
        int i = s;
        while (i < e) {
            if (!isUpper(b[i]) && (b[i] & 0x80) == 0) {
                return 0;
            }
            int start = i;
            boolean lowerSeen = false;
            i++;
            while (i < e && b[i] != ' ' && b[i] != ',') {
                byte c = b[i];
                if (isLowerLetter(c) || (c & 0x80) != 0) {
                    lowerSeen = true;
                } else if (!isUpper(c) && c != '\'' && c != '-') {
                    return 0;
                }
                i++;
            }
            if (!lowerSeen || i - start < 2) {
                return 0;
            }
            words++;
            if (i < e) {
                if (b[i] == ',') {
                    i++;
                    if (i == e || b[i] != ' ') {
                        return 0;
                    }
                }
                i++; // the space
                if (i == e) {
                    return 0;
                }
            }
        }
        return words;
    }

    // ---- bytes ----

    static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    static boolean isLetter(byte c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean isUpper(byte c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean isLowerLetter(byte c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean isHex(byte c) {
        return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    private static byte upper(byte c) {
        return c >= 'a' && c <= 'z' ? (byte) (c - 32) : c;
    }

    private static char lower(byte c) {
        return (char) (c >= 'A' && c <= 'Z' ? c + 32 : c);
    }

    /** The digits {@code [s, e)} as a number, or -1 when any is not a digit. */
    private static int number(byte[] b, int s, int e) {
        int value = 0;
        for (int i = s; i < e; i++) {
            if (!isDigit(b[i])) {
                return -1;
            }
            value = value * 10 + (b[i] - '0');
        }
        return value;
    }
}
