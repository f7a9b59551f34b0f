package org.modelgov.incident.guardduty;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Port: the AWS resources declared for a model (execution roles, extra buckets), indexed by name. */
public interface ModelAwsResourceRepository {

    enum Kind { EXECUTION_ROLE, BUCKET }

    record Declared(Kind kind, String name, String declaredBy, Instant declaredAt) {
    }

    List<Declared> declared(String modelId);

    /** Replaces the model's declared resources with these. */
    void replace(String modelId, List<Declared> resources);

    Set<String> modelsDeclaring(Kind kind, String name);

    /** The S3 buckets the URIs of the model's versions name. */
    List<String> versionBuckets(String modelId);
}
