package org.modelgov.audit;

import java.util.List;

/** One page of audit events and how many match in all. */
public record AuditPage(List<AuditEvent> events, int page, int size, long total) {

    public long totalPages() {
        return (total + size - 1) / size;
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }
}
