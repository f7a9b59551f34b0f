package org.modelgov.compliance;

import java.util.Optional;

/** Port: where each model's compliance scope decision is kept. */
public interface ComplianceScopes {

    Optional<ComplianceScope> find(String modelId);

    /** Inserts or replaces the model's scope. */
    void save(ComplianceScope scope);
}
