package org.modelgov.abtest;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.modelgov.audit.AuditTrail;
import org.modelgov.evidence.EvidenceService;
import org.modelgov.incident.DeploymentControl;
import org.modelgov.inventory.InventoryService;
import org.modelgov.notification.NotificationSender;
import org.modelgov.registry.RegistryService;
import org.modelgov.review.ReviewService;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The real {@link ChallengerStage} on the context's records, with scripted A/B ports: a deployment that serves at
 * once, series that rise steadily over the window, and a comparator that answers the verdicts a test asks for.
 * For tests that need a given comparison (the report page, the forms) whatever adapters the context has. Not a
 * Spring bean: a caller runs {@code compare} (a step that joins its job's transaction) inside a transaction.
 */
public final class ScriptedChallengerStage {

    private ScriptedChallengerStage() {
    }

    /** @param verdicts metric → verdict of the comparison this stage produces */
    public static ChallengerStage of(ApplicationContext context, Map<String, MetricComparison.Verdict> verdicts) {
        ChallengerDeployment deployment = new ChallengerDeployment() {
            @Override
            public String challengerVariant(String versionId) {
                return context.getBean(ChallengerDeployment.class).challengerVariant(versionId);
            }

            @Override
            public Map<String, Double> weights(String endpointName) {
                return Map.of();
            }

            @Override
            public void deploy(String endpointName, String versionId) {
            }

            @Override
            public Rollout rollout(String endpointName, String versionId) {
                return Rollout.SERVING;
            }

            @Override
            public void setWeights(String endpointName, Map<String, Double> weights) {
            }
        };
        VariantMetricSource metrics = (endpoint, variant, names, from, to) -> {
            Map<String, List<VariantSeries.Sample>> series = new LinkedHashMap<>();
            double level = variant.startsWith("v") ? 60 : 50;
            for (String name : names) {
                List<VariantSeries.Sample> samples = new ArrayList<>();
                for (int i = 0; i < 12; i++) {
                    samples.add(new VariantSeries.Sample(from.plus(Duration.ofMinutes(5L * i)), level + i));
                }
                series.put(name, samples);
            }
            return new VariantSeries(variant, series);
        };
        ChallengerComparator comparator = (endpoint, policy, champion, challenger, from, to) ->
                new ChallengerComparison(endpoint, champion.variantName(), challenger.variantName(), from, to, policy,
                        verdicts.entrySet().stream().map(e -> new MetricComparison(e.getKey(),
                                e.getKey().equals(VariantMetricSource.ERRORS_5XX) ? "TWO_PROPORTION_Z"
                                        : "MANN_WHITNEY_U", 50, 60, 0.2, e.getValue()
                                == MetricComparison.Verdict.FAIL ? 0.001 : 0.4, e.getValue(),
                                "scripted: " + e.getValue())).toList(), champion, challenger);
        return new ChallengerStage(context.getBean(AbTestRepository.class), context.getBean(ChallengerPolicy.class),
                deployment, metrics, comparator,
                context.getBean(DeploymentControl.class), context.getBean(InventoryService.class),
                context.getBean(ReviewService.class), context.getBean(RegistryService.class),
                context.getBean(EvidenceService.class), context.getBean(NotificationSender.class),
                context.getBean(AuditTrail.class), context.getBean(ChallengerTestEngine.class),
                context.getBean(Clock.class), context.getBean(PlatformTransactionManager.class));
    }
}
