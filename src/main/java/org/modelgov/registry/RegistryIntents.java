package org.modelgov.registry;

import java.util.Optional;

/** Port: what ModelGov decided for each version in the registry, kept before anything outside is changed. */
public interface RegistryIntents {

    enum Decision { APPROVE, REJECT, RETIRE }

    /**
     * @param description the registry's approval description (approvers and case, or the reason)
     * @param decidedBy   the people whose decision it is ({@code approver1+approver2})
     */
    record Intent(String versionId, Decision decision, String description, String decidedBy) {
    }

    /** Records (or replaces) the decision; saved with the caller's transaction. */
    void record(Intent intent);

    Optional<Intent> find(String versionId);
}
