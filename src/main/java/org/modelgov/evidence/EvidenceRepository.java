package org.modelgov.evidence;

import java.util.List;
import java.util.Optional;

/** Port: where evidence reports are kept. */
public interface EvidenceRepository {

    void insert(EvidenceReport report);

    Optional<EvidenceReport> find(String id);

    /** Newest first; {@code modelId} and {@code kind} are optional filters. */
    List<ReportSummary> list(String modelId, ReportKind kind, int limit);
}
