package org.modelgov.incident.guardduty;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.modelgov.incident.Severity;

/** Port: the GuardDuty finding behind each security incident, and the inventory's buckets by name. */
public interface SecurityFindingRepository {

    /**
     * @param matchedBy why the finding is about the model ("endpoint credit-prod")
     * @param updatedAt the finding's {@code updatedAt} as GuardDuty wrote it
     */
    record StoredFinding(String incidentId, String findingId, String modelId, String findingType, String findingArn,
                         String accountId, String region, double guardDutySeverity, Severity suggestedSeverity,
                         String severityBand, String matchedBy, Integer serviceCount, String updatedAt,
                         String lastSha256, Instant firstReceivedAt, Instant lastReceivedAt) {
    }

    Optional<StoredFinding> findByIncident(String incidentId);

    /**
     * Locks the model's inventory row until the transaction ends, so two deliveries of the same finding at once
     * (SNS and HTTPS, or a retry) see each other's incident instead of opening two.
     */
    void lockModel(String modelId);

    /** The finding's record on the model's incident that is not closed yet, if any. */
    Optional<StoredFinding> findOpen(String findingId, String modelId);

    void insert(StoredFinding finding);

    /** A later delivery of the same finding: its count, update time, severity and digest now. */
    void updateReceived(String incidentId, Integer serviceCount, String updatedAt, double guardDutySeverity,
                        Severity suggestedSeverity, String severityBand, String sha256, Instant receivedAt);

    /** Models with a version whose URIs name this S3 bucket. */
    Set<String> modelsUsingBucket(String bucket);
}
