package org.modelgov.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.modelgov.audit.AuditLog;
import org.modelgov.audit.AuditTrail;
import org.modelgov.evidence.EvidenceInput;
import org.modelgov.evidence.EvidenceReport;
import org.modelgov.evidence.EvidenceRepository;
import org.modelgov.evidence.ReportKind;
import org.modelgov.evidence.ReportSummary;
import org.modelgov.support.Api;
import org.modelgov.support.ModelGovIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The auditor's export of a big model: {@value #MODEL_EVENTS} audit events of the model interleaved with as many of
 * other models, and {@value #REPORTS} evidence reports of {@value #REPORT_KB} KB each. Measures the time to the last
 * byte, the ZIP's size and the heap the server grew by while streaming it (sampled; the test's own client reads
 * the body as a stream and discards it), then verifies a second download offline. Writes
 * target/bench/auditor-export.md. Not part of the normal test run: -Dmodelgov.benchmarks=true, on H2 or, with
 * the PostgreSQL variables, on PostgreSQL.
 */
@ModelGovIntegrationTest
@EnabledIfSystemProperty(named = "modelgov.benchmarks", matches = "true")
class AuditorExportBenchmark {

    private static final int MODEL_EVENTS = 20_000;
    private static final int REPORTS = 50;
    private static final int REPORT_KB = 256;
    private static final int BATCH = 500;

    @LocalServerPort
    int port;
    @Autowired
    AuditTrail trail;
    @Autowired
    AuditLog log;
    @Autowired
    EvidenceRepository evidence;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void exportOfABigModel() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
        String modelId = "BENCH-EXPORT-" + suffix;
        Api owner = Api.as(port, "owner", "demo");
        assertThat(owner.post("/api/models", "{\"id\": \"" + modelId + "\", \"name\": \"Export benchmark\","
                + " \"purpose\": \"Big export\"}").status()).isEqualTo(201);
        TransactionTemplate tx = new TransactionTemplate(transactions);
        for (int from = 0; from < MODEL_EVENTS; from += BATCH) {
            int start = from;
            tx.executeWithoutResult(s -> {
                for (int i = start; i < start + BATCH; i++) {
                    trail.record("owner", "MODEL_CHANGED", "MODEL", modelId, Map.of("purpose", "change " + i));
                    trail.record("owner", "MODEL_CHANGED", "MODEL", "OTHER-" + suffix, Map.of("purpose", "o" + i));
                }
            });
            log.sealPending();
        }
        String report = "{\"values\": [" + "0.123456789,".repeat(REPORT_KB * 1024 / 12) + "0]}";
        for (int r = 0; r < REPORTS; r++) {
            String id = UUID.randomUUID().toString();
            String sha = OfflineVerifier.sha256(report.getBytes(StandardCharsets.UTF_8));
            evidence.insert(new EvidenceReport(new ReportSummary(id, ReportKind.DRIFT, modelId, null, "validator",
                    Instant.now(), sha), null, report, List.of(new EvidenceInput("reference", "r.csv", 10, sha))));
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("reportId", id);
            details.put("kind", "DRIFT");
            details.put("reportSha256", sha);
            tx.executeWithoutResult(s -> trail.record("validator", "EVIDENCE_REPORT_CREATED", "EVIDENCE_REPORT",
                    modelId, details));
        }
        log.sealPending();

        // 1. timed, and the heap in use sampled every 5 ms (garbage included)
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long baseline = memory.getHeapMemoryUsage().getUsed();
        long[] firstByte = new long[1];
        long t0 = System.nanoTime();
        Sampled timed = streamWhileSampling(modelId, memory, false, t0, firstByte);
        long totalNanos = System.nanoTime() - t0;
        long bytes = timed.bytes();
        long peakInUse = timed.peak() - baseline;
        long firstByteNanos = firstByte[0];
        // 2. what the export retains: live heap after a full collection, every 100 ms while it streams
        System.gc();
        long liveBaseline = memory.getHeapMemoryUsage().getUsed();
        long retained = streamWhileSampling(modelId, memory, true, System.nanoTime(), new long[1]).peak()
                - liveBaseline;

        Map<String, byte[]> files = OfflineVerifier.unzip(HttpClient.newHttpClient().send(request(modelId),
                HttpResponse.BodyHandlers.ofByteArray()).body());
        assertThat(OfflineVerifier.verify(files, null, null)).isEmpty();
        long events = OfflineVerifier.lines(files.get("audit/events.jsonl")).size();
        long links = OfflineVerifier.lines(files.get("audit/chain.jsonl")).size();
        long content = files.values().stream().mapToLong(b -> b.length).sum();

        String out = String.format(Locale.ROOT, """
                # Auditor's export of a big model

                Database: %s. The model has %,d audit events (interleaved with %,d of another model) and %d evidence
                reports of %d KB. Export over HTTP as compliance, body read as a stream and discarded, heap sampled in
                the server's JVM (the test runs in it): once every 5 ms for the timed download (that peak counts
                garbage not yet collected), once every 100 ms after a full GC for a second download (what the export
                keeps alive: it holds one report and one row at a time, not the model).

                | measure | value |
                |---|---|
                | first byte (seal + checks) | %.0f ms |
                | last byte | %.0f ms |
                | ZIP size | %.1f MB (files uncompressed: %.1f MB) |
                | events / chain links in the ZIP | %,d / %,d |
                | heap in use while streaming, peak above baseline (garbage included) | %.0f MB |
                | live heap while streaming (after full GCs every 100 ms), peak above baseline | %.1f MB |

                The second download verified offline (manifest, every hash, every link, every report) with no problem.
                """, System.getProperty("spring.profiles.active", System.getenv().getOrDefault(
                "SPRING_PROFILES_ACTIVE", "h2")), events, MODEL_EVENTS, REPORTS, REPORT_KB, firstByteNanos / 1e6,
                totalNanos / 1e6, bytes / 1e6, content / 1e6, events, links, peakInUse / 1e6, retained / 1e6);
        Path target = Path.of("target/bench/auditor-export.md");
        Files.createDirectories(target.getParent());
        Files.writeString(target, out);
        System.out.println(out);
    }

    private record Sampled(long bytes, long peak) {
    }

    /** Downloads the export, discarding the body, while a thread samples the heap in use (after a GC if asked). */
    private Sampled streamWhileSampling(String modelId, MemoryMXBean memory, boolean collect, long t0,
                                        long[] firstByteNanos) throws Exception {
        AtomicLong peak = new AtomicLong(0);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                if (collect) {
                    System.gc();
                }
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(collect ? 100 : 5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        try {
            HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request(modelId),
                    HttpResponse.BodyHandlers.ofInputStream());
            firstByteNanos[0] = System.nanoTime() - t0;
            assertThat(response.statusCode()).isEqualTo(200);
            try (InputStream in = response.body()) {
                return new Sampled(in.transferTo(java.io.OutputStream.nullOutputStream()), peak.get() == 0
                        ? memory.getHeapMemoryUsage().getUsed() : peak.get());
            }
        } finally {
            running.set(false);
            sampler.join();
        }
    }

    private HttpRequest request(String modelId) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/models/" + modelId
                        + "/auditor-export"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("compliance:demo".getBytes(StandardCharsets.UTF_8)))
                .GET().build();
    }
}
