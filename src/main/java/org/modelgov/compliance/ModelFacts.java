package org.modelgov.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.modelgov.evidence.ReportSummary;
import org.modelgov.incident.Incident;
import org.modelgov.inventory.RiskTier;
import org.modelgov.review.ReviewDecision;
import org.modelgov.validation.CheckRun;
import org.modelgov.validation.Finding;

/**
 * What ModelGov's tables say about a model, gathered for one compliance report: the confirmed tier, the use
 * area the owner answered, the version the report is about (the one serving, else the latest) and its evidence.
 *
 * @param validationRun  the version's validation round the findings come from (the latest passed one, else the
 *                       latest), or null
 * @param cardFields     the model card fields (dotted paths) that hold a value
 * @param auditActions   each action recorded about the model, with its latest time
 */
public record ModelFacts(String modelId, String modelName, RiskTier tier, String useArea, String versionId,
                         Integer versionNumber, List<ReviewDecision> decisions, List<ReportSummary> reports,
                         CheckRun validationRun, List<Finding> findings, LocalDate nextReviewDue,
                         Set<String> cardFields, List<Incident> incidents, Map<String, Instant> auditActions,
                         ComplianceScope scope) {

    public ModelFacts {
        decisions = List.copyOf(decisions);
        reports = List.copyOf(reports);
        findings = List.copyOf(findings);
        cardFields = Set.copyOf(cardFields);
        incidents = List.copyOf(incidents);
        auditActions = Map.copyOf(auditActions);
    }
}
