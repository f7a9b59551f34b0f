package org.modelgov.abtest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.modelgov.audit.AuditTrail;
import org.modelgov.common.AccessDeniedToActionException;
import org.modelgov.common.ConflictException;
import org.modelgov.common.FieldViolation;
import org.modelgov.common.GovernanceRole;
import org.modelgov.common.InvalidInputException;
import org.modelgov.common.NotFoundException;
import org.modelgov.common.Violations;
import org.modelgov.inventory.Actor;
import org.modelgov.inventory.InventoryService;
import org.modelgov.inventory.Model;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The metric samples of an endpoint's variants: posted by the model's people in local mode (the A/B stage's data
 * there), read through the {@link VariantMetricSource} port in either mode. A batch is checked whole and saved whole,
 * with one audit event that counts what came, never the values.
 */
@Service
public class MetricSamples {

    static final String ACTION_POSTED = "VARIANT_METRICS_POSTED";
    /** At most this many samples in one request: a day of 5-minute periods for 30 metrics fits. */
    public static final int MAX_BATCH = 10_000;
    /** The longest window one read returns. */
    public static final Duration MAX_WINDOW = Duration.ofDays(31);
    /** SageMaker's own pattern for a variant name (VariantName shape). */
    static final Pattern VARIANT_NAME = Pattern.compile("[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}");
    private static final List<String> COUNTS = List.of(VariantMetricSource.INVOCATIONS, VariantMetricSource.ERRORS_5XX);

    private final InventoryService inventory;
    private final AbTestProperties properties;
    private final ObjectProvider<MetricSampleStore> store;
    private final VariantMetricSource source;
    private final AuditTrail audit;
    private final TransactionOperations transactions;
    private final Clock clock;

    MetricSamples(InventoryService inventory, AbTestProperties properties, ObjectProvider<MetricSampleStore> store,
                  VariantMetricSource source, AuditTrail audit, TransactionOperations transactions, Clock clock) {
        this.inventory = inventory;
        this.properties = properties;
        this.store = store;
        this.source = source;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What one accepted batch did: how many samples per metric, over which instants, how many replaced. */
    public record Posted(String endpointName, String variantName, String modelId, int samples, int replaced,
                         Map<String, Integer> byMetric, Instant first, Instant last) {
    }

    /**
     * Saves a batch for one variant, all or nothing.
     *
     * @param samples        the batch in request order; an entry the caller could not read is {@code null}
     * @param readProblems   what the caller could not read (types, unknown fields), reported with the rules' findings
     * @throws NotFoundException             no model is deployed at the endpoint
     * @throws AccessDeniedToActionException the actor is neither the monitoring integration nor an administrator
     * @throws ConflictException             AWS mode: the metrics come from CloudWatch
     * @throws InvalidInputException         every problem of the batch, with its index ({@code [3].value})
     */
    public Posted post(String endpointName, String variantName, List<MetricSampleStore.NewSample> samples,
                       List<FieldViolation> readProblems, Actor actor) {
        Model model = modelAt(endpointName);
        if (!mayPost(actor)) {
            throw new AccessDeniedToActionException("Only the monitoring integration ("
                    + GovernanceRole.MONITORING_INTEGRATION_GROUP + ") and governance administrators may post the"
                    + " metric samples of " + model.id() + " (deployed at " + endpointName + "): the figures that decide"
                    + " an A/B promotion do not come from the people who build the model");
        }
        MetricSampleStore samplesTable = store.getIfAvailable();
        if (samplesTable == null) {
            throw new ConflictException("In AWS mode the A/B stage reads the variants' metrics from CloudWatch"
                    + " (namespace AWS/SageMaker and the configured business namespace); publish them there instead");
        }
        Violations violations = new Violations().addAll(readProblems);
        List<MetricSampleStore.NewSample> accepted = check(variantName, samples, violations);
        violations.throwIfAny();
        Instant now = clock.instant();
        Map<String, Integer> byMetric = new TreeMap<>();
        accepted.forEach(s -> byMetric.merge(s.metric(), 1, Integer::sum));
        Instant first = accepted.stream().map(MetricSampleStore.NewSample::at).min(Instant::compareTo).orElseThrow();
        Instant last = accepted.stream().map(MetricSampleStore.NewSample::at).max(Instant::compareTo).orElseThrow();
        try {
            Integer replaced = transactions.execute(status -> {
                int count = samplesTable.save(endpointName, variantName, accepted, actor.userId(), now);
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("endpointName", endpointName);
                details.put("variantName", variantName);
                details.put("samples", accepted.size());
                details.put("replaced", count);
                details.put("byMetric", byMetric);
                details.put("first", first.toString());
                details.put("last", last.toString());
                audit.record(actor.userId(), ACTION_POSTED, "MODEL", model.id(), details);
                return count;
            });
            return new Posted(endpointName, variantName, model.id(), accepted.size(), replaced == null ? 0 : replaced,
                    byMetric, first, last);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("Someone posted samples for the same instants of " + variantName
                    + " at the same time; post the batch again (a sample posted again replaces the earlier one)");
        }
    }

    /**
     * One variant's series over [from, to), from CloudWatch in AWS mode and from the posted samples locally.
     *
     * @param metrics the metrics to read; empty: SageMaker's three and every configured business metric
     */
    public VariantSeries read(String endpointName, String variantName, List<String> metrics, Instant from,
                              Instant to) {
        modelAt(endpointName);
        Violations violations = new Violations();
        variantName(variantName, violations);
        if (!from.isBefore(to)) {
            violations.add("from", "must be before 'to' (" + to + ")");
        } else if (Duration.between(from, to).compareTo(MAX_WINDOW) > 0) {
            violations.add("to", "the window may be at most " + MAX_WINDOW.toDays() + " days long");
        }
        for (String metric : metrics) {
            if (!properties.isKnown(metric) && !AbTestProperties.ALL_BUSINESS.equals(metric)) {
                violations.add("metric", unknownMetric(metric));
            }
        }
        violations.throwIfAny();
        List<String> wanted = new ArrayList<>(metrics);
        if (wanted.isEmpty()) {
            wanted.addAll(AbTestProperties.SAGEMAKER_METRICS);
            wanted.add(AbTestProperties.ALL_BUSINESS);
        }
        return source.read(endpointName, variantName, wanted, from, to);
    }

    private Model modelAt(String endpointName) {
        return inventory.findByEndpoint(endpointName).orElseThrow(() -> new NotFoundException(
                "No model in the inventory is deployed at endpoint " + endpointName));
    }

    private static boolean mayPost(Actor actor) {
        return actor.isIn(GovernanceRole.MONITORING_INTEGRATION_GROUP)
                || actor.isIn(GovernanceRole.GOVERNANCE_ADMIN.groupId()) || actor.isIn(GovernanceRole.CAMUNDA_ADMIN_GROUP);
    }

    private List<MetricSampleStore.NewSample> check(String variantName, List<MetricSampleStore.NewSample> samples,
                                                    Violations violations) {
        variantName(variantName, violations);
        if (samples.isEmpty()) {
            violations.add("body", "must hold at least one sample");
        } else if (samples.size() > MAX_BATCH) {
            violations.add("body", "holds " + samples.size() + " samples; post at most " + MAX_BATCH + " at once");
            return List.of();
        }
        Instant now = clock.instant();
        Map<String, Integer> seen = new HashMap<>();
        List<MetricSampleStore.NewSample> accepted = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            MetricSampleStore.NewSample sample = samples.get(i);
            if (sample == null) {
                continue;
            }
            String at = "[" + i + "]";
            boolean ok = true;
            if (!properties.isKnown(sample.metric())) {
                violations.add(at + ".metric", unknownMetric(sample.metric()));
                ok = false;
            }
            if (sample.at().isAfter(now)) {
                violations.add(at + ".at", "is in the future (" + sample.at() + "; now is " + now + ")");
                ok = false;
            }
            String problem = valueProblem(sample.metric(), sample.value());
            if (problem != null) {
                violations.add(at + ".value", problem);
                ok = false;
            }
            // microseconds: what both databases keep, so a sample posted again finds its twin
            MetricSampleStore.NewSample kept = new MetricSampleStore.NewSample(sample.metric(),
                    sample.at().truncatedTo(ChronoUnit.MICROS), sample.value());
            Integer twin = seen.putIfAbsent(kept.metric() + "@" + kept.at(), i);
            if (twin != null) {
                violations.add(at + ".at", "repeats [" + twin + "] (" + kept.metric() + " at " + kept.at()
                        + "); one value per metric and instant");
                ok = false;
            }
            if (ok) {
                accepted.add(kept);
            }
        }
        return accepted;
    }

    private static void variantName(String variantName, Violations violations) {
        if (variantName == null || variantName.length() > 63 || !VARIANT_NAME.matcher(variantName).matches()) {
            violations.add("variantName", "must be a SageMaker variant name: letters, digits and dashes, starting"
                    + " and ending with a letter or digit, at most 63 characters");
        }
    }

    private static String valueProblem(String metric, double value) {
        if (!Double.isFinite(value)) {
            return "must be a finite number";
        }
        if (COUNTS.contains(metric) && (value < 0 || value != Math.rint(value))) {
            return "must be a whole number of at least 0: " + metric + " counts calls in the period";
        }
        if (VariantMetricSource.MODEL_LATENCY.equals(metric) && value < 0) {
            return "must be at least 0: ModelLatency is the period's average in milliseconds";
        }
        return null;
    }

    private String unknownMetric(String metric) {
        return "'" + metric + "' is not a metric ModelGov compares; use one of "
                + String.join(", ", AbTestProperties.SAGEMAKER_METRICS) + (properties.businessMetrics().isEmpty()
                ? " (no business metric is configured: modelgov.abtest.business-metrics)"
                : " or " + properties.businessMetrics().stream().map(AbTestProperties.BusinessMetric::metric)
                        .toList());
    }
}
