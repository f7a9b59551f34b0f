package org.modelgov.evidence.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.modelgov.common.NotFoundException;
import org.modelgov.evidence.EvidenceReport;
import org.modelgov.evidence.EvidenceService;
import org.modelgov.evidence.ReportSummary;
import org.modelgov.inventory.InventoryService;
import org.modelgov.inventory.ModelVersion;
import org.modelgov.inventory.RiskTier;
import org.modelgov.review.ReviewService;
import org.modelgov.validation.ValidationPolicy;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * One page per evidence report, drawn from the stored report: bias against the policy bounds of the version's
 * tier, performance with its confusion matrix, drift against the PSI bounds, personal data by column and detector. Every logged-in user reads evidence
 * (as the API allows).
 */
@Controller
class ReportPageController {

    private final EvidenceService evidence;
    private final InventoryService inventory;
    private final ReviewService reviews;
    private final ValidationPolicy policy;
    private final ImpactRatioEvidence impactRatios;

    ReportPageController(EvidenceService evidence, InventoryService inventory, ReviewService reviews,
                         ValidationPolicy policy, ImpactRatioEvidence impactRatios) {
        this.evidence = evidence;
        this.inventory = inventory;
        this.reviews = reviews;
        this.policy = policy;
        this.impactRatios = impactRatios;
    }

    @GetMapping("/reports/{id}")
    String report(@PathVariable String id, Model model) {
        if (!id.matches("[0-9a-fA-F-]{1,64}")) {
            throw new NotFoundException("No evidence report with id " + id);
        }
        EvidenceReport report = evidence.get(id);
        ReportSummary summary = report.summary();
        ModelVersion version = summary.modelVersionId() == null ? null : inventory.version(summary.modelVersionId());
        // the bounds that applied: those of the version's recorded tier; none for a report outside a lifecycle
        RiskTier tier = version == null ? null
                : reviews.recordedTier(version.id()).map(ReviewService.TierDecision::tier).orElse(null);
        PolicyBounds bounds = new PolicyBounds(policy, tier);
        JsonNode json = ReportViews.parse(report.reportJson());
        model.addAttribute("report", summary);
        model.addAttribute("inputs", report.inputs());
        model.addAttribute("version", version);
        model.addAttribute("tier", Optional.ofNullable(tier).map(Enum::name).orElse(null));
        return switch (summary.kind()) {
            case BIAS -> {
                model.addAttribute("charts", ReportViews.bias(json, bounds));
                model.addAttribute("impact", impactRatios.of(report, version, bounds.of("DI")));
                model.addAttribute("diBounds", PolicyBounds.describe(bounds.of("DI")));
                yield "reports/bias";
            }
            case PERFORMANCE -> {
                model.addAttribute("performance", ReportViews.performance(json));
                yield "reports/performance";
            }
            case DRIFT -> {
                model.addAttribute("drift", ReportViews.drift(json, bounds));
                yield "reports/drift";
            }
            case PERSONAL_DATA -> {
                model.addAttribute("scan", PersonalDataView.of(json));
                yield "reports/personal-data";
            }
            case AB_COMPARISON -> {
                model.addAttribute("ab", AbComparisonView.of(json));
                yield "reports/ab-comparison";
            }
        };
    }
}
