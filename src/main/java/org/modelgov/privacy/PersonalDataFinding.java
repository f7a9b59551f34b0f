package org.modelgov.privacy;

/**
 * One column that holds one kind of personal data. It names the column and the detector and counts rows; it never
 * holds a value, not even masked.
 *
 * @param rows  data rows that hold this kind in this column: the values that matched, or, for a column found by its
 *              header alone, every non-blank value
 * @param share {@code rows} over all data rows of the dataset
 */
public record PersonalDataFinding(String column, PersonalDataKind detector, long rows, double share,
                                  DetectedBy detectedBy) {

    /** How the column was recognised. */
    public enum DetectedBy {
        HEADER, VALUES, HEADER_AND_VALUES;

        /** As a stored report names it ({@code detected_by}); anything else reads as both. */
        public static DetectedBy named(String name) {
            for (DetectedBy by : values()) {
                if (by.name().equals(name)) {
                    return by;
                }
            }
            return HEADER_AND_VALUES;
        }

        /** {@code header}, {@code values} or {@code header and values}. */
        public String words() {
            return switch (this) {
                case HEADER -> "header";
                case VALUES -> "values";
                case HEADER_AND_VALUES -> "header and values";
            };
        }

        public String label() {
            return "by " + words();
        }
    }

    public PersonalDataFinding {
        if (column == null || detector == null || detectedBy == null || rows < 0 || share < 0 || share > 1) {
            throw new IllegalArgumentException("a finding needs a column, a detector, a row count and a share in [0, 1]");
        }
    }

    public boolean specialCategory() {
        return detector.specialCategory();
    }

    /** {@code column 'email': e-mail address in 2000 rows (100.0%), by values}; no value. */
    public String describe() {
        return String.format(java.util.Locale.ROOT, "column '%s': %s in %d rows (%.1f%%), %s", column,
                detector.label(), rows, share * 100, detectedBy.label());
    }
}
