package org.modelgov.inventory;

/**
 * A page of the inventory, filtered and sorted. Null filters match everything; {@code text}
 * matches id, name, purpose and owning team, ignoring case.
 */
public record ModelQuery(
        RiskTier riskTier,
        ModelStatus status,
        String owner,
        String text,
        int page,
        int size,
        SortField sort,
        boolean descending) {

    public static final int MAX_PAGE_SIZE = 100;

    /** What the inventory can be sorted by (JSON field names). */
    public enum SortField {
        ID("id"), NAME("name"), RISK_TIER("riskTier"), STATUS("status"), OWNER("owner"),
        NEXT_REVIEW_DUE("nextReviewDue"), CREATED_AT("createdAt"), UPDATED_AT("updatedAt");

        private final String jsonName;

        SortField(String jsonName) {
            this.jsonName = jsonName;
        }

        public String jsonName() {
            return jsonName;
        }

        public static SortField fromJsonName(String name) {
            for (SortField f : values()) {
                if (f.jsonName.equals(name)) {
                    return f;
                }
            }
            return null;
        }
    }

    public long offset() {
        return (long) page * size;
    }
}
