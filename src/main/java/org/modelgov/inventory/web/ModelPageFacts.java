package org.modelgov.inventory.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.modelgov.evidence.EvidenceService;
import org.modelgov.evidence.ReportSummary;
import org.modelgov.incident.Incident;
import org.modelgov.incident.IncidentService;
import org.modelgov.inventory.ModelVersion;
import org.modelgov.lifecycle.LifecycleState;
import org.modelgov.review.ReviewDecision;
import org.modelgov.review.ReviewService;
import org.springframework.stereotype.Component;

/** What the model page gathers beyond the inventory: evidence, decisions, incidents, the lifecycle in words. */
@Component
class ModelPageFacts {

    /** The key of reports tied to the model but to none of its versions. */
    static final String NO_VERSION = "";
    private static final int MAX_REPORTS = 500;
    private static final int MAX_INCIDENTS = 200;

    private final EvidenceService evidence;
    private final ReviewService reviews;
    private final IncidentService incidents;
    private final LifecyclePositions positions;

    ModelPageFacts(EvidenceService evidence, ReviewService reviews, IncidentService incidents,
                   LifecyclePositions positions) {
        this.evidence = evidence;
        this.reviews = reviews;
        this.incidents = incidents;
        this.positions = positions;
    }

    String position(LifecycleState state) {
        return positions.describe(state);
    }

    /** The model's reports by version id, newest first; {@link #NO_VERSION} for those of no version. */
    Map<String, List<ReportSummary>> reportsByVersion(String modelId) {
        Map<String, List<ReportSummary>> byVersion = new LinkedHashMap<>();
        for (ReportSummary s : evidence.list(modelId, null, MAX_REPORTS)) {
            byVersion.computeIfAbsent(s.modelVersionId() == null ? NO_VERSION : s.modelVersionId(),
                    v -> new ArrayList<>()).add(s);
        }
        return byVersion;
    }

    /** One decision as the page shows it. */
    record DecisionRow(int version, ReviewDecision decision, String what) {
    }

    /** Every recorded decision of every version, newest first. */
    List<DecisionRow> decisions(List<ModelVersion> versions) {
        List<DecisionRow> rows = new ArrayList<>();
        for (ModelVersion v : versions) {
            for (ReviewDecision d : reviews.decisions(v.id())) {
                rows.add(new DecisionRow(v.number(), d, what(d)));
            }
        }
        rows.sort(Comparator.comparing((DecisionRow r) -> r.decision().decidedAt()).reversed());
        return rows;
    }

    List<Incident> incidents(String modelId) {
        return incidents.list(modelId, null, MAX_INCIDENTS);
    }

    private static String what(ReviewDecision d) {
        String kind = switch (d.kind()) {
            case RISK_QUESTIONNAIRE -> "Risk questionnaire";
            case RISK_TIER_REVIEW -> "Risk tier review";
            case TECHNICAL_VALIDATION -> "Technical validation";
            case ETHICAL_VALIDATION -> "Ethics and fairness review";
            case BUSINESS_VALIDATION -> "Business fitness";
            case REMEDIATION -> "Remediation";
            case REPEATED_FAILURE_DECISION -> "Decision after repeated failures";
            case SIGN_OFF -> "Sign-off";
            case REASSESSMENT -> "Reassessment";
        };
        return d.decision() == null || d.decision().isBlank() ? kind : kind + ": " + d.decision();
    }
}
