package org.modelgov.abtest;

import java.time.Instant;

/**
 * One run of the A/B stage for a version: the record the stage's steps read and write (ModelGov's table is the
 * source of truth; process variables only route).
 *
 * @param policyJson the {@link ComparisonPolicy} the stage ran under, as JSON
 * @param outcome    null while the test runs
 */
public record AbTest(String id, String versionId, String modelId, String endpointName, String championVariant,
                     String challengerVariant, double challengerShare, String policyJson, Instant decidedAt,
                     Instant startedAt, Instant windowEndsAt, Instant endedAt, AbTestOutcome outcome,
                     String outcomeReason, String stoppedBy, String stopReason, Instant stopRequestedAt,
                     String evidenceReportId, Instant promotedAt) {

    public boolean running() {
        return outcome == null;
    }

    public boolean stopRequested() {
        return stopRequestedAt != null;
    }
}
