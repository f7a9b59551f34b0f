package org.modelgov.compliance;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import org.modelgov.evidence.ReportKind;
import org.modelgov.review.ReviewKind;

/**
 * The names each kind of evidence reference may use: the enums themselves for decisions and reports, and for
 * the rest the names ModelGov writes (finding checks, model card fields, audit actions, incident steps).
 * {@code FrameworkVocabularyTest} holds these lists to the code that writes them.
 */
public final class EvidenceVocabulary {

    /** Validation checks ({@code Finding.check}); a reference may add a facet: {@code IMPACT_RATIO:sex}. */
    public static final Set<String> FINDING_CHECKS = Set.of("PERFORMANCE", "PERFORMANCE_DROP", "ENCRYPTION_AT_REST",
            "NETWORK_ISOLATION", "DATA_CAPTURE", "INTER_CONTAINER_ENCRYPTION", "BIAS", "IMPACT_RATIO", "DI", "DPPL",
            "EXPLAINABILITY", "DRIFT", "INPUTS");
    /** Model card fields ModelCardService writes (SageMaker model card schema), as dotted paths. */
    public static final Set<String> CARD_FIELDS = Set.of("model_overview.model_name",
            "model_overview.model_description", "model_overview.model_version", "model_overview.model_owner",
            "model_overview.problem_type", "model_overview.model_artifact", "intended_uses.purpose_of_model",
            "intended_uses.intended_uses", "intended_uses.risk_rating", "intended_uses.explanations_for_risk_rating",
            "business_details.business_problem", "business_details.business_stakeholders", "evaluation_details",
            "additional_information.ethical_considerations");
    /** Audit-trail actions recorded about a model, its versions and incidents. */
    public static final Set<String> AUDIT_ACTIONS = Set.of("MODEL_REGISTERED", "MODEL_CHANGED",
            "MODEL_VERSION_REGISTERED", "LIFECYCLE_STARTED", "REVIEW_DECIDED", "RISK_TIER_RECORDED",
            "MODEL_VERSION_APPROVED", "NEXT_REVIEW_SCHEDULED", "MODEL_CARD_STATUS_CHANGED", "INCIDENT_REPORTED",
            "INCIDENT_TRIAGED", "REGULATORY_REPORT_FILED", "POST_INCIDENT_REVIEWED", "EVIDENCE_REPORT_CREATED",
            "COMPLIANCE_SCOPE_CHANGED");
    public static final Set<String> SCHEDULES = Set.of("REASSESSMENT");
    public static final Set<String> INCIDENT_STEPS = Set.of("REGULATORY_REPORT", "POST_INCIDENT_REVIEW");
    public static final Set<String> TIER_CHECKS = Set.of("NOT_PROHIBITED");

    private EvidenceVocabulary() {
    }

    /** Why the reference names nothing ModelGov has, or empty when it resolves. */
    public static Optional<String> problem(EvidenceRef ref) {
        Set<String> known = switch (ref.kind()) {
            case DECISION -> names(ReviewKind.values());
            case REPORT -> names(ReportKind.values());
            case FINDING -> FINDING_CHECKS;
            case SCHEDULE -> SCHEDULES;
            case CARD -> CARD_FIELDS;
            case INCIDENT -> INCIDENT_STEPS;
            case AUDIT -> AUDIT_ACTIONS;
            case TIER -> TIER_CHECKS;
        };
        String name = ref.kind() == EvidenceRef.Kind.FINDING ? checkOf(ref.name()) : ref.name();
        if (known.contains(name)) {
            return Optional.empty();
        }
        return Optional.of("'" + ref.text() + "' names no " + ref.kind().name().toLowerCase() + " ModelGov records: one of "
                + known.stream().sorted().toList());
    }

    /** The check of a finding reference: {@code IMPACT_RATIO:sex} → {@code IMPACT_RATIO}. */
    static String checkOf(String findingName) {
        int colon = findingName.indexOf(':');
        return colon < 0 ? findingName : findingName.substring(0, colon);
    }

    private static Set<String> names(Enum<?>[] values) {
        return Set.copyOf(Arrays.stream(values).map(Enum::name).toList());
    }
}
