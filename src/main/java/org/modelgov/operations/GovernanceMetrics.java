package org.modelgov.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ToDoubleFunction;
import org.modelgov.incident.Severity;
import org.modelgov.notification.PublishStatus;
import org.modelgov.operations.GovernanceSnapshot.ProcessStep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The governance gauges ({@code modelgov_*} in Prometheus). Every gauge reads the same {@link GovernanceSnapshot};
 * the first read after it is {@code modelgov.operations.metrics-max-age} old takes a new one, so however many
 * Prometheus servers scrape a node, it queries at most once per period and only while someone scrapes.
 * When the snapshot cannot be read, every gauge answers NaN (unknown) until the next attempt, not stale numbers.
 */
@Component
class GovernanceMetrics implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(GovernanceMetrics.class);

    private final GovernanceReadings readings;
    private final OperationsProperties settings;
    private final Clock clock;
    private final List<MeterRegistry> registries = new CopyOnWriteArrayList<>();
    private final Set<ProcessStep> stepsWithGauge = ConcurrentHashMap.newKeySet();
    private volatile Reading last;

    GovernanceMetrics(GovernanceReadings readings, OperationsProperties settings, Clock clock) {
        this.readings = readings;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        registries.add(registry);
        for (String group : GovernanceReadings.taskGroups()) {
            Tags tags = Tags.of("group", group);
            gauge(registry, "modelgov.tasks.open", "Open tasks a group works on (claimed or not)", tags,
                    s -> GovernanceSnapshot.count(s.openTasksByGroup(), group));
            gauge(registry, "modelgov.tasks.overdue", "Open tasks of a group past their due date", tags,
                    s -> GovernanceSnapshot.count(s.overdueTasksByGroup(), group));
        }
        gauge(registry, "modelgov.jobs.due", "Jobs due now that the job executor has not run yet", Tags.empty(),
                GovernanceSnapshot::jobsDue);
        gauge(registry, "modelgov.jobs.failed", "Jobs out of retries", Tags.empty(), GovernanceSnapshot::jobsFailed);
        gauge(registry, "modelgov.engine.incidents", "Open Camunda incidents (Cockpit)", Tags.empty(),
                GovernanceSnapshot::engineIncidents);
        for (String severity : severities()) {
            gauge(registry, "modelgov.incidents.open", "ModelGov incidents not closed, by severity",
                    Tags.of("severity", severity), s -> GovernanceSnapshot.count(s.openIncidentsBySeverity(), severity));
        }
        gauge(registry, "modelgov.incidents.report.clocks", "Open incidents with a regulatory report not filed, by clock state",
                Tags.of("state", "running"), GovernanceSnapshot::reportClocksRunning);
        gauge(registry, "modelgov.incidents.report.clocks", "Open incidents with a regulatory report not filed, by clock state",
                Tags.of("state", "overdue"), GovernanceSnapshot::reportClocksOverdue);
        gauge(registry, "modelgov.notifications.unpublished", "Outbox notifications not published",
                Tags.of("status", PublishStatus.PENDING.name()), GovernanceSnapshot::notificationsPending);
        gauge(registry, "modelgov.notifications.unpublished", "Outbox notifications not published",
                Tags.of("status", PublishStatus.FAILED.name()), GovernanceSnapshot::notificationsFailed);
        Gauge.builder("modelgov.notifications.oldest.pending.age", this,
                        m -> m.value(s -> s.oldestPendingNotificationAge().toMillis() / 1000.0))
                .description("How long the oldest pending notification has waited for the relay")
                .baseUnit("seconds").register(registry);
        stepsWithGauge.forEach(step -> stepGauge(registry, step));
    }

    /** Takes a new snapshot now, whatever the age of the current one; null when it cannot be read. */
    GovernanceSnapshot refresh() {
        Reading taken;
        synchronized (this) {
            taken = take();
        }
        addStepGauges(taken);
        return taken.snapshot();
    }

    private Reading current() {
        Reading seen = last;
        if (seen != null && seen.at().plus(settings.metricsMaxAge()).isAfter(clock.instant())) {
            return seen;
        }
        Reading taken;
        synchronized (this) {
            if (last != seen) {
                // another scrape took one while this one waited
                return last;
            }
            taken = take();
        }
        addStepGauges(taken);
        return taken;
    }

    private Reading take() {
        Reading taken;
        try {
            taken = new Reading(clock.instant(), readings.read());
        } catch (RuntimeException e) {
            // NaN until the next attempt, which waits a period: one log line per period while it fails
            log.warn("Governance metrics could not be read: {}", e.toString());
            taken = new Reading(clock.instant(), null);
        }
        last = taken;
        return taken;
    }

    /** A step gets its gauge the first time it has an instance and keeps it (0 when empty again). */
    private void addStepGauges(Reading reading) {
        if (reading.snapshot() == null) {
            return;
        }
        for (ProcessStep step : reading.snapshot().instancesAtStep().keySet()) {
            if (stepsWithGauge.add(step)) {
                registries.forEach(registry -> stepGauge(registry, step));
            }
        }
    }

    private double value(ToDoubleFunction<GovernanceSnapshot> reading) {
        GovernanceSnapshot snapshot = current().snapshot();
        return snapshot == null ? Double.NaN : reading.applyAsDouble(snapshot);
    }

    private void stepGauge(MeterRegistry registry, ProcessStep step) {
        gauge(registry, "modelgov.process.step.instances", "Running instances at a BPMN activity, all versions",
                Tags.of("process", step.process(), "step", step.step()),
                s -> GovernanceSnapshot.count(s.instancesAtStep(), step));
    }

    private void gauge(MeterRegistry registry, String name, String description, Tags tags,
                       ToDoubleFunction<GovernanceSnapshot> reading) {
        Gauge.builder(name, this, m -> m.value(reading)).description(description).tags(tags).register(registry);
    }

    private static List<String> severities() {
        List<String> severities = new ArrayList<>();
        for (Severity severity : Severity.values()) {
            severities.add(severity.name());
        }
        severities.add(GovernanceSnapshot.UNTRIAGED);
        return severities;
    }

    /** A snapshot and when it was taken; no snapshot when reading failed. */
    private record Reading(Instant at, GovernanceSnapshot snapshot) {
    }
}
