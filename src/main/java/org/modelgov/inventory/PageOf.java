package org.modelgov.inventory;

import java.util.List;

/** One page of results and where it sits in the whole. */
public record PageOf<T>(List<T> items, int page, int size, long totalItems) {

    public long totalPages() {
        return size == 0 ? 0 : (totalItems + size - 1) / size;
    }
}
