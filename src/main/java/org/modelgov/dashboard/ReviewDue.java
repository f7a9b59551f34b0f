package org.modelgov.dashboard;

import java.time.LocalDate;

/** A model whose periodic review falls due soon (inventory next_review_due). */
public record ReviewDue(String modelId, String name, String riskTier, String status, String owner, LocalDate dueOn,
                        long daysLeft) {
}
