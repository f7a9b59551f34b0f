package org.modelgov.abtest.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.modelgov.abtest.MetricSampleStore.NewSample;
import org.modelgov.abtest.MetricSamples;
import org.modelgov.abtest.VariantSeries;
import org.modelgov.common.FieldViolation;
import org.modelgov.common.InvalidInputException;
import org.modelgov.security.CurrentActor;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The metric samples of an endpoint's variants: posted in local mode (a JSON array of {@code {metric, at, value}}),
 * read in either mode. Who may post is decided by {@link MetricSamples}; every logged-in user may read.
 */
@RestController
class MetricSampleApiController {

    private static final String PATH = "/api/endpoints/{endpointName}/variants/{variantName}/metric-samples";
    private static final Set<String> SAMPLE_FIELDS = Set.of("metric", "at", "value");
    private static final Duration DEFAULT_WINDOW = Duration.ofDays(1);

    private final MetricSamples samples;
    private final Clock clock;

    MetricSampleApiController(MetricSamples samples, Clock clock) {
        this.samples = samples;
        this.clock = clock;
    }

    /** 201 with what was saved; 400 names every bad entry by its index, and nothing is saved. */
    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<MetricSamples.Posted> post(@PathVariable String endpointName, @PathVariable String variantName,
                                              @RequestBody JsonNode body, Authentication user) {
        if (body == null || !body.isArray()) {
            throw InvalidInputException.of("body", "must be a JSON array of {\"metric\", \"at\", \"value\"} objects");
        }
        if (body.size() > MetricSamples.MAX_BATCH) {
            throw InvalidInputException.of("body", "holds " + body.size() + " samples; post at most "
                    + MetricSamples.MAX_BATCH + " at once");
        }
        List<FieldViolation> problems = new ArrayList<>();
        List<NewSample> read = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            read.add(sample(body.get(i), "[" + i + "]", problems));
        }
        MetricSamples.Posted posted = samples.post(endpointName, variantName, read, problems, CurrentActor.of(user));
        URI series = URI.create("/api/endpoints/" + endpointName + "/variants/" + variantName + "/metric-samples?from="
                + posted.first() + "&to=" + posted.last().plusNanos(1000));
        return ResponseEntity.created(series).body(posted);
    }

    /** The variant's series over [from, to) (default: the last day), each metric in time order. */
    @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    SeriesResponse read(@PathVariable String endpointName, @PathVariable String variantName,
                        @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                        @RequestParam(name = "metric", required = false) List<String> metrics) {
        List<FieldViolation> problems = new ArrayList<>();
        Instant end = to == null ? clock.instant() : instant("to", to, problems);
        Instant start = from == null ? (end == null ? null : end.minus(DEFAULT_WINDOW)) : instant("from", from, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        VariantSeries series = samples.read(endpointName, variantName, metrics == null ? List.of() : metrics, start,
                end);
        return new SeriesResponse(endpointName, series.variantName(), start, end, series.metrics());
    }

    /** One entry of the batch, or null (with its problems noted) when it cannot be read. */
    private static NewSample sample(JsonNode entry, String at, List<FieldViolation> problems) {
        if (entry == null || !entry.isObject()) {
            problems.add(new FieldViolation(at, "must be an object {\"metric\", \"at\", \"value\"}"));
            return null;
        }
        int before = problems.size();
        Iterator<String> names = entry.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!SAMPLE_FIELDS.contains(name)) {
                problems.add(new FieldViolation(at + "." + name, "is not a known field (metric, at, value)"));
            }
        }
        JsonNode metric = entry.get("metric");
        if (metric == null || !metric.isTextual() || metric.textValue().isBlank()) {
            problems.add(new FieldViolation(at + ".metric", "is required: a metric name such as ModelLatency"));
        }
        JsonNode time = entry.get("at");
        Instant instant = null;
        if (time == null || !time.isTextual()) {
            problems.add(new FieldViolation(at + ".at", "is required: an ISO-8601 instant such as 2026-12-01T10:05:00Z"));
        } else {
            instant = instant(at + ".at", time.textValue(), problems);
        }
        JsonNode value = entry.get("value");
        if (value == null || !value.isNumber()) {
            problems.add(new FieldViolation(at + ".value", "is required: a number"));
        }
        return problems.size() > before ? null : new NewSample(metric.textValue(), instant, value.doubleValue());
    }

    private static Instant instant(String field, String text, List<FieldViolation> problems) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(new FieldViolation(field, "must be an ISO-8601 instant such as 2026-12-01T10:05:00Z"));
            return null;
        }
    }

    /** A variant's series: metric → [{at, value}] in time order. */
    record SeriesResponse(String endpointName, String variantName, Instant from, Instant to,
                          Map<String, List<VariantSeries.Sample>> metrics) {
    }
}
