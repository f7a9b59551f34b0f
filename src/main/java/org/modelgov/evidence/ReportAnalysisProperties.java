package org.modelgov.evidence;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How many report analyses the API runs at once ({@code modelgov.reports.analyses.*}; environment e.g.
 * {@code MODELGOV_REPORTS_ANALYSES_THREADS=4}). Each running analysis holds its working memory (see the
 * README, Speed and memory); a waiting one holds only a request thread and its uploads on disk.
 *
 * @param threads    analyses that run at the same time
 * @param queue      requests that may wait for a free thread; beyond them the API answers 503
 * @param retryAfter what the 503 asks clients to wait before they try again
 */
@Validated
@ConfigurationProperties("modelgov.reports.analyses")
public record ReportAnalysisProperties(
        @DefaultValue("2") @Min(1) @Max(64) int threads,
        @DefaultValue("2") @Min(0) @Max(1000) int queue,
        @DefaultValue("10s") Duration retryAfter) {
}
