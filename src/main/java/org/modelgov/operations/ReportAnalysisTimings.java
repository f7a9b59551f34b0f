package org.modelgov.operations;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.modelgov.evidence.ReportAnalysisTimer;
import org.modelgov.evidence.ReportKind;
import org.springframework.stereotype.Component;

/**
 * {@code modelgov_report_analysis_seconds}: how long bias, performance and drift analyses take, and whether they
 * succeeded. The timers exist from the start (count 0), so rates work from the first scrape; the buckets let
 * Prometheus count analyses slower than a second, five seconds, half a minute, two and ten minutes.
 */
@Component
class ReportAnalysisTimings implements ReportAnalysisTimer {

    private static final Duration[] BUCKETS = {Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30),
            Duration.ofMinutes(2), Duration.ofMinutes(10)};

    private final Map<ReportKind, Timer> succeeded = new EnumMap<>(ReportKind.class);
    private final Map<ReportKind, Timer> failed = new EnumMap<>(ReportKind.class);

    ReportAnalysisTimings(MeterRegistry registry) {
        for (ReportKind kind : ReportKind.values()) {
            succeeded.put(kind, timer(registry, kind, "success"));
            failed.put(kind, timer(registry, kind, "failure"));
        }
    }

    @Override
    public <T> T time(ReportKind kind, Callable<T> analysis) throws Exception {
        long start = System.nanoTime();
        try {
            T result = analysis.call();
            succeeded.get(kind).record(Duration.ofNanos(System.nanoTime() - start));
            return result;
        } catch (Exception | Error e) {
            failed.get(kind).record(Duration.ofNanos(System.nanoTime() - start));
            throw e;
        }
    }

    private static Timer timer(MeterRegistry registry, ReportKind kind, String outcome) {
        return Timer.builder("modelgov.report.analysis")
                .description("Time to compute one evidence report (bias, performance, drift), without queueing")
                .tags("kind", kind.name(), "outcome", outcome)
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
    }
}
