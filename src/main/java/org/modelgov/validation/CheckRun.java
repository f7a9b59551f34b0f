package org.modelgov.validation;

import java.time.Instant;
import org.modelgov.inventory.RiskTier;

/** One round of automated checks on a version: a validation round or a reassessment's evidence gathering. */
public record CheckRun(String id, String versionId, Purpose purpose, int round, RiskTier riskTier, Instant startedAt,
                       Instant concludedAt, String outcome) {

    public enum Purpose {
        VALIDATION, REASSESSMENT
    }
}
