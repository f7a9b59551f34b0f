package org.modelgov.fairness.data;

/**
 * Parses decimal numbers straight from CSV bytes without creating Strings.
 *
 * <p>The result is always the correctly rounded double, the same as {@link Double#parseDouble}:
 * up to 15 significant digits with a power of ten up to 22 the value is one exact IEEE
 * multiplication or division of two exact doubles (Clinger's fast path); anything longer falls back
 * to {@code Double.parseDouble}. Exactness matters: a threshold comparison {@code x > 40.1} must
 * agree with any other tool reading the same text.
 */
public final class NumberParser {

    private static final double[] POWERS_OF_TEN = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = p;
            p *= 10;
        }
    }

    private NumberParser() {
    }

    /** Returns the number in {@code bytes[start, end)}, or NaN when the text is not a finite decimal number. */
    public static double parse(byte[] bytes, int start, int end) {
        int i = start;
        while (i < end && bytes[i] == ' ') {
            i++;
        }
        while (end > i && bytes[end - 1] == ' ') {
            end--;
        }
        if (i == end) {
            return Double.NaN;
        }
        boolean negative = false;
        if (bytes[i] == '-' || bytes[i] == '+') {
            negative = bytes[i] == '-';
            i++;
        }
        long mantissa = 0;
        int significantDigits = 0;
        int digits = 0;
        int exponent = 0;
        for (; i < end; i++) {
            int d = bytes[i] - '0';
            if (d < 0 || d > 9) {
                break;
            }
            digits++;
            if (mantissa != 0 || d != 0) {
                significantDigits++;
            }
            mantissa = mantissa * 10 + d;
            if (significantDigits > 15) {
                return slowParse(bytes, start, end);
            }
        }
        if (i < end && bytes[i] == '.') {
            i++;
            for (; i < end; i++) {
                int d = bytes[i] - '0';
                if (d < 0 || d > 9) {
                    break;
                }
                digits++;
                if (mantissa != 0 || d != 0) {
                    significantDigits++;
                }
                mantissa = mantissa * 10 + d;
                exponent--;
                if (significantDigits > 15) {
                    return slowParse(bytes, start, end);
                }
            }
        }
        if (digits == 0) {
            return Double.NaN;
        }
        if (i < end && (bytes[i] == 'e' || bytes[i] == 'E')) {
            return slowParse(bytes, start, end);
        }
        if (i != end) {
            return Double.NaN;
        }
        double value = mantissa;
        if (exponent < 0) {
            if (-exponent >= POWERS_OF_TEN.length) {
                return slowParse(bytes, start, end);
            }
            value /= POWERS_OF_TEN[-exponent];
        }
        return negative ? -value : value;
    }

    private static double slowParse(byte[] bytes, int start, int end) {
        String text = new String(bytes, start, end - start, java.nio.charset.StandardCharsets.ISO_8859_1).trim();
        // Double.parseDouble also accepts "NaN", "Infinity", hex and a trailing 'd'/'f': none is CSV data.
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9') && c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E') {
                return Double.NaN;
            }
        }
        try {
            double value = Double.parseDouble(text);
            return Double.isInfinite(value) ? Double.NaN : value;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Parses a String the same way as CSV bytes; NaN when it is not a number. */
    public static double parse(String text) {
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return parse(bytes, 0, bytes.length);
    }
}
