package org.modelgov.incident;

/** SEV1 is the worst: immediate containment and the shortest response targets. */
public enum Severity {
    SEV1, SEV2, SEV3, SEV4;

    public boolean needsContainment() {
        return this == SEV1 || this == SEV2;
    }
}
