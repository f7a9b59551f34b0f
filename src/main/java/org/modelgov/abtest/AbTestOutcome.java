package org.modelgov.abtest;

/** How one A/B stage ended. */
public enum AbTestOutcome {
    /** The challenger matched or beat the champion on every metric: it takes all traffic. */
    PASSED,
    /** Worse on a metric beyond the policy's allowed drop, or it never served: back to the owner. */
    FAILED,
    /** Too little traffic to tell within the window: back to the owner, the comparison as evidence. */
    INCONCLUSIVE,
    /** Stopped by a responder or an administrator, or voided by a break-glass containment. */
    STOPPED,
    /** The policy asks for no A/B stage, or there is no champion to compare with. */
    SKIPPED;

    /** Whether the version goes on to production (SKIPPED: as without the stage). */
    public boolean letsVersionServe() {
        return this == PASSED || this == SKIPPED;
    }
}
