package org.modelgov.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modelgov.audit.AuditLog;
import org.modelgov.support.Api;
import org.modelgov.support.LifecycleDriver;
import org.modelgov.support.ModelGovIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The auditor's export over HTTP: a ZIP whose manifest lists every file with its SHA-256, whose audit slice an
 * independent implementation of the README's procedure re-verifies from the ZIP alone (and rejects once tampered
 * with), with the model's evidence and decisions after a lifecycle and nothing of another model; refusals record
 * nothing; the export itself is audited.
 */
@ModelGovIntegrationTest
class AuditorExportIntegrationTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String REFERENCE_CSV = "x,colour\n1,red\n2,red\n3,blue\n4,blue\n5,red\n6,red\n7,blue\n"
            + "8,blue\n9,red\n10,blue\n";
    private static final String CURRENT_CSV = "x,colour\n11,red\n12,red\n13,red\n14,red\n15,red\n16,green\n";

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    AuditLog auditLog;

    private LifecycleDriver driver;
    private Api owner;

    /** One approved model with a drift report, and another model worked on in between, shared by the tests. */
    private static String modelId;
    private static String otherModelId;
    private static String driftReportId;

    @BeforeEach
    void setUp() {
        driver = new LifecycleDriver(engine);
        owner = Api.as(port, "owner", "demo");
        if (modelId == null) {
            String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
            modelId = "EXP-" + suffix;
            otherModelId = "EXPOTHER-" + suffix;
            driver.registerApprovedModel(owner, modelId, modelId.toLowerCase(Locale.ROOT));
            // another model's events fall between this model's first event and the head
            assertThat(owner.post("/api/models", "{\"id\": \"" + otherModelId + "\", \"name\": \"Secret other\","
                    + " \"purpose\": \"Must not leak\"}").status()).isEqualTo(201);
            Api.Response drift = Api.as(port, "validator", "demo").multipart("/api/reports/drift",
                    Api.Part.field("modelId", modelId), Api.Part.file("reference", "r.csv", REFERENCE_CSV),
                    Api.Part.file("current", "c.csv", CURRENT_CSV));
            assertThat(drift.status()).as(drift.body()).isEqualTo(201);
            driftReportId = drift.json().path("id").asText();
            assertThat(owner.patch("/api/models/" + otherModelId, "{\"purpose\": \"Still must not leak\"}").status())
                    .isEqualTo(200);
        }
    }

    @Test
    void theExportListsEveryFileInItsManifestAndItsChainVerifiesFromTheZipAlone() {
        Download export = download("compliance", modelId);
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.contentType()).isEqualTo("application/zip");
        assertThat(export.disposition()).matches("attachment; filename=\"modelgov-" + modelId
                + "-\\d{8}T\\d{6}Z\\.zip\"");
        Map<String, byte[]> files = OfflineVerifier.unzip(export.body());

        JsonNode manifest = OfflineVerifier.json(files.get("manifest.json"));
        assertThat(manifest.path("modelId").asText()).isEqualTo(modelId);
        assertThat(manifest.path("exportedBy").asText()).isEqualTo("compliance");
        assertThat(manifest.path("exportedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(manifest.path("modelgovVersion").asText()).isNotBlank();
        assertThat(manifest.path("chainHead").path("hash").asText()).matches("[0-9a-f]{64}");
        Set<String> listed = new HashSet<>();
        manifest.path("files").forEach(f -> {
            listed.add(f.path("path").asText());
            byte[] data = files.get(f.path("path").asText());
            assertThat(data).as(f.path("path").asText()).isNotNull();
            assertThat(OfflineVerifier.sha256(data)).as(f.path("path").asText()).isEqualTo(f.path("sha256").asText());
            assertThat((long) data.length).isEqualTo(f.path("size").asLong());
        });
        Set<String> unlisted = new HashSet<>(files.keySet());
        unlisted.removeAll(listed);
        assertThat(unlisted).as("every file is listed").containsExactlyInAnyOrder("manifest.json", "manifest.sha256");
        assertThat(listed).contains("README.md", "verify.py", "audit/events.jsonl", "audit/chain.jsonl",
                "decisions/decisions.json", "decisions/incidents.json");
        // sha256sum format, manifest.json included
        String sums = new String(files.get("manifest.sha256"), StandardCharsets.UTF_8);
        assertThat(sums).contains(OfflineVerifier.sha256(files.get("manifest.json")) + "  manifest.json\n");
        assertThat(sums.lines()).hasSize(files.size() - 1);

        assertThat(OfflineVerifier.verify(files, null, null)).isEmpty();
        List<JsonNode> events = OfflineVerifier.lines(files.get("audit/events.jsonl"));
        List<JsonNode> links = OfflineVerifier.lines(files.get("audit/chain.jsonl"));
        assertThat(events).extracting(e -> e.path("action").asText())
                .contains("MODEL_REGISTERED", "EVIDENCE_REPORT_CREATED", "REVIEW_DECIDED");
        assertThat(links.size()).as("other events appear as links").isGreaterThan(events.size());
        assertThat(links.get(links.size() - 1).path("chainSeq").asLong())
                .isEqualTo(manifest.path("chainHead").path("seq").asLong());
        // the README states the formula the verifier followed
        assertThat(new String(files.get("README.md"), StandardCharsets.UTF_8))
                .contains("chainSeq US occurredAt US actor US action US entityType US entityId US details US prevHash")
                .contains("U+001F");
    }

    @Test
    void theExportHoldsTheModelsEvidenceAndDecisionsAndNothingOfAnotherModel() {
        Map<String, byte[]> files = OfflineVerifier.unzip(download("compliance", modelId).body());

        // every evidence report of the model, byte for byte, with its inputs' digests
        JsonNode reports = owner.get("/api/reports?modelId=" + modelId + "&limit=500").json();
        assertThat(reports.size()).isGreaterThanOrEqualTo(1);
        for (JsonNode r : reports) {
            String base = "evidence/" + r.path("kind").asText() + "-" + r.path("id").asText();
            assertThat(files).containsKey(base + ".json");
            assertThat(OfflineVerifier.sha256(files.get(base + ".json"))).isEqualTo(r.path("reportSha256").asText());
            JsonNode meta = OfflineVerifier.json(files.get(base + ".inputs.json"));
            assertThat(meta.path("reportFile").asText()).isEqualTo(base + ".json");
            assertThat(meta.path("inputs")).isNotEmpty();
            assertThat(meta.path("inputs").get(0).path("sha256").asText()).matches("[0-9a-f]{64}");
        }
        JsonNode driftMeta = OfflineVerifier.json(files.get("evidence/DRIFT-" + driftReportId + ".inputs.json"));
        assertThat(driftMeta.path("inputs")).extracting(i -> i.path("sha256").asText())
                .contains(OfflineVerifier.sha256(REFERENCE_CSV.getBytes(StandardCharsets.UTF_8)),
                        OfflineVerifier.sha256(CURRENT_CSV.getBytes(StandardCharsets.UTF_8)));

        // every decision of the lifecycle, by whom
        JsonNode decisions = OfflineVerifier.json(files.get("decisions/decisions.json"));
        Map<String, String> byKind = new LinkedHashMap<>();
        decisions.forEach(d -> byKind.put(d.path("kind").asText(), d.path("actor").asText()));
        assertThat(byKind).containsEntry("RISK_QUESTIONNAIRE", "owner").containsEntry("RISK_TIER_REVIEW", "risk")
                .containsEntry("TECHNICAL_VALIDATION", "validator").containsEntry("ETHICAL_VALIDATION", "ethics")
                .containsEntry("BUSINESS_VALIDATION", "business").containsEntry("SIGN_OFF", "approver1");
        assertThat(decisions).allSatisfy(d -> assertThat(d.path("versionId").asText()).isEqualTo(modelId + ":1"));
        assertThat(OfflineVerifier.json(files.get("decisions/incidents.json")).isArray()).isTrue();

        // the other model's events sit in the chain as bare links; its id and data appear nowhere
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            String text = new String(f.getValue(), StandardCharsets.UTF_8);
            assertThat(text).as(f.getKey()).doesNotContain(otherModelId).doesNotContain("Secret other")
                    .doesNotContain("must not leak");
        }
        Set<Long> modelPositions = new HashSet<>();
        OfflineVerifier.lines(files.get("audit/events.jsonl")).forEach(e -> {
            assertThat(e.path("entityId").asText()).startsWith(modelId);
            modelPositions.add(e.path("chainSeq").asLong());
        });
        List<JsonNode> bareLinks = OfflineVerifier.lines(files.get("audit/chain.jsonl")).stream()
                .filter(l -> !modelPositions.contains(l.path("chainSeq").asLong())).toList();
        assertThat(bareLinks).isNotEmpty();
        assertThat(bareLinks).allSatisfy(l -> assertThat(fieldNames(l)).containsExactly("chainSeq", "prevHash", "hash"));
    }

    @Test
    void theExportHoldsTheModelCardAndTheComplianceReportAsDocumentsAnAuditorCanOpen() throws Exception {
        Map<String, byte[]> files = OfflineVerifier.unzip(download("compliance", modelId).body());

        // the parts other capabilities contribute: the card of each version and the compliance report
        String card = "model-cards/" + modelId + "-v1";
        assertThat(files).containsKeys(card + ".pdf", card + ".json", card + "-revisions.json",
                "compliance/compliance-report.json", "compliance/compliance-report.pdf");
        assertThat(OfflineVerifier.json(files.get(card + ".json")).path("content").path("model_overview").path("model_name").asText())
                .isEqualTo(modelId);
        assertThat(OfflineVerifier.json(files.get("compliance/compliance-report.json")).path("modelId").asText())
                .isEqualTo(modelId);
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(files.get(card + ".pdf"))) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(pdf)).contains(modelId);
        }
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(
                files.get("compliance/compliance-report.pdf"))) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(pdf)).contains(modelId);
        }
        // and the manifest vouches for them like for every other file
        assertThat(OfflineVerifier.verify(files, null, null)).isEmpty();
    }

    @Test
    void tamperingWithTheSliceFailsVerificationEvenWithARecomputedManifest() {
        Map<String, byte[]> exported = OfflineVerifier.unzip(download("compliance", modelId).body());
        assertThat(OfflineVerifier.verify(exported, null, null)).isEmpty();

        // a file changed without a new manifest
        Map<String, byte[]> changedFile = new LinkedHashMap<>(exported);
        changedFile.put("decisions/decisions.json", "[]".getBytes(StandardCharsets.UTF_8));
        assertThat(OfflineVerifier.verify(changedFile, null, null))
                .contains("file differs from the manifest: decisions/decisions.json");

        // one field of one event changed
        List<JsonNode> events = OfflineVerifier.lines(exported.get("audit/events.jsonl"));
        List<JsonNode> altered = new ArrayList<>(events);
        ObjectNode first = events.get(0).deepCopy();
        first.put("actor", "someone-else");
        altered.set(0, first);
        assertThat(verifyWith(exported, "audit/events.jsonl", altered))
                .contains("event at " + first.path("chainSeq").asLong() + " does not match its hash");

        // an event dropped from the chain (its link removed) leaves a gap
        List<JsonNode> links = OfflineVerifier.lines(exported.get("audit/chain.jsonl"));
        long dropped = events.get(1).path("chainSeq").asLong();
        List<JsonNode> withoutEvent = events.stream().filter(e -> e.path("chainSeq").asLong() != dropped).toList();
        List<JsonNode> withoutLink = links.stream().filter(l -> l.path("chainSeq").asLong() != dropped).toList();
        Map<String, byte[]> droppedBoth = new LinkedHashMap<>(exported);
        droppedBoth.put("audit/events.jsonl", OfflineVerifier.jsonl(withoutEvent));
        droppedBoth.put("audit/chain.jsonl", OfflineVerifier.jsonl(withoutLink));
        OfflineVerifier.remanifest(droppedBoth);
        assertThat(OfflineVerifier.verify(droppedBoth, null, null)).contains("gap in the chain after " + (dropped - 1));

        // two events swapped
        List<JsonNode> swapped = new ArrayList<>(events);
        swapped.set(0, events.get(1));
        swapped.set(1, events.get(0));
        assertThat(verifyWith(exported, "audit/events.jsonl", swapped)).anyMatch(p -> p.startsWith("events out of"));
        // two links swapped
        List<JsonNode> swappedLinks = new ArrayList<>(links);
        swappedLinks.set(1, links.get(2));
        swappedLinks.set(2, links.get(1));
        assertThat(verifyWith(exported, "audit/chain.jsonl", swappedLinks)).anyMatch(p -> p.startsWith("broken link"));

        // an event moved to another position with a hash recomputed for it: its link no longer fits
        ObjectNode moved = events.get(1).deepCopy();
        moved.put("chainSeq", moved.path("chainSeq").asLong() + 1);
        moved.put("hash", OfflineVerifier.hashOf(moved));
        List<JsonNode> rehashed = new ArrayList<>(events);
        rehashed.set(1, moved);
        assertThat(verifyWith(exported, "audit/events.jsonl", rehashed))
                .contains("event at " + moved.path("chainSeq").asLong() + " is not on the chain")
                .noneMatch(p -> p.contains("does not match its hash"));

        // a report's bytes replaced
        String reportFile = "evidence/DRIFT-" + driftReportId + ".json";
        Map<String, byte[]> forgedReport = new LinkedHashMap<>(exported);
        forgedReport.put(reportFile, "{\"forged\": true}".getBytes(StandardCharsets.UTF_8));
        OfflineVerifier.remanifest(forgedReport);
        assertThat(OfflineVerifier.verify(forgedReport, null, null))
                .contains("report " + driftReportId + " does not match its SHA-256");

        // an anchor: right on this chain, wrong when the chain was rewritten
        JsonNode link = links.get(links.size() / 2);
        assertThat(OfflineVerifier.verify(exported, link.path("chainSeq").asLong(), link.path("hash").asText()))
                .isEmpty();
        assertThat(OfflineVerifier.verify(exported, link.path("chainSeq").asLong(), "0".repeat(64)))
                .contains("the anchor at " + link.path("chainSeq").asLong() + " is not on this chain");
    }

    @Test
    void theBundledVerifyPyAcceptsTheExportAndRejectsATamperedOne() throws Exception {
        assumeTrue(python3Available(), "python3 is not on PATH");
        Download export = download("compliance", modelId);
        Path dir = Files.createTempDirectory("modelgov-export");
        Path zip = dir.resolve("export.zip");
        Files.write(zip, export.body());
        Python ok = python(dir, "verify-zip", zip.toString());
        assertThat(ok.exit()).as(ok.output()).isZero();
        assertThat(ok.output()).contains("VERIFIED").doesNotContain("FAIL");

        // unpacked, with an anchor from an earlier export
        Map<String, byte[]> files = OfflineVerifier.unzip(export.body());
        Path unpacked = write(dir.resolve("unpacked"), files);
        List<JsonNode> links = OfflineVerifier.lines(files.get("audit/chain.jsonl"));
        JsonNode anchor = links.get(0);
        Python anchored = python(dir, "verify-dir", unpacked.resolve("verify.py").toString(), unpacked.toString(),
                "--anchor", anchor.path("chainSeq").asLong() + ":" + anchor.path("hash").asText());
        assertThat(anchored.exit()).as(anchored.output()).isZero();

        // one event's field changed, manifest recomputed by the forger
        List<JsonNode> events = OfflineVerifier.lines(files.get("audit/events.jsonl"));
        ObjectNode changed = events.get(0).deepCopy();
        changed.put("details", "{}");
        events.set(0, changed);
        Map<String, byte[]> tampered = new LinkedHashMap<>(files);
        tampered.put("audit/events.jsonl", OfflineVerifier.jsonl(events));
        OfflineVerifier.remanifest(tampered);
        tampered.remove("manifest.sha256");
        Path forged = write(dir.resolve("forged"), tampered);
        Python failed = python(dir, "verify-forged", forged.resolve("verify.py").toString(), forged.toString());
        assertThat(failed.exit()).as(failed.output()).isEqualTo(1);
        assertThat(failed.output()).contains("does not match its hash (altered)").contains("NOT VERIFIED");

        Python wrongAnchor = python(dir, "verify-anchor", unpacked.resolve("verify.py").toString(),
                unpacked.toString(), "--anchor", anchor.path("chainSeq").asLong() + ":" + "f".repeat(64));
        assertThat(wrongAnchor.exit()).as(wrongAnchor.output()).isEqualTo(1);
        assertThat(wrongAnchor.output()).contains("the chain was rewritten");
    }

    @Test
    void theExportIsAuditedWithItsManifestsDigest() {
        Download export = download("approver2", modelId);
        assertThat(export.status()).as("the model risk committee exports").isEqualTo(200);
        Map<String, byte[]> files = OfflineVerifier.unzip(export.body());
        String manifestSha = OfflineVerifier.sha256(files.get("manifest.json"));
        JsonNode events = Api.as(port, "compliance", "demo")
                .get("/api/audit?modelId=" + modelId + "&action=AUDITOR_EXPORT_CREATED").json();
        List<JsonNode> mine = new ArrayList<>();
        events.forEach(e -> {
            if (e.path("details").asText().contains(manifestSha)) {
                mine.add(e);
            }
        });
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).path("actor").asText()).isEqualTo("approver2");
        assertThat(mine.get(0).path("entityId").asText()).isEqualTo(modelId);
        assertThat(mine.get(0).path("details").asText())
                .contains(OfflineVerifier.json(files.get("manifest.json")).path("chainHead").path("hash").asText());

        // the next export carries this one's event, at a position past its head: the earlier head is its anchor
        JsonNode head = OfflineVerifier.json(files.get("manifest.json")).path("chainHead");
        // a head anyone logged in can read and keep elsewhere, after sealing what is committed
        JsonNode published = owner.get("/api/audit/head").json();
        assertThat(published.path("seq").asLong()).isGreaterThan(head.path("seq").asLong());
        assertThat(published.path("hash").asText()).matches("[0-9a-f]{64}");
        Map<String, byte[]> next = OfflineVerifier.unzip(download("admin", modelId).body());
        assertThat(OfflineVerifier.lines(next.get("audit/events.jsonl")))
                .anyMatch(e -> e.path("details").asText().contains(manifestSha));
        assertThat(OfflineVerifier.verify(next, head.path("seq").asLong(), head.path("hash").asText())).isEmpty();
        assertThat(OfflineVerifier.verify(next, published.path("seq").asLong(), published.path("hash").asText()))
                .isEmpty();
    }

    @Test
    void ownersValidatorsAndStrangersAreRefusedAndNothingIsRecorded() {
        auditLog.sealPending();
        int before = auditLog.forModel(modelId).size();
        for (String user : List.of("owner", "validator", "risk", "ethics", "business", "responder")) {
            Download refused = download(user, modelId);
            assertThat(refused.status()).as(user).isEqualTo(403);
            assertThat(new String(refused.body(), StandardCharsets.UTF_8)).as(user).doesNotContain("PK");
        }
        assertThat(get(null, "/api/models/" + modelId + "/auditor-export").status()).isEqualTo(401);
        Download unknown = download("compliance", "NO-SUCH-MODEL-" + UUID.randomUUID().toString().substring(0, 4)
                .toUpperCase(Locale.ROOT));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(download("compliance", "bad%20id..").status()).isEqualTo(404);
        auditLog.sealPending();
        assertThat(auditLog.forModel(modelId)).hasSize(before);
        assertThat(auditLog.latest(20)).noneMatch(e -> e.action().equals(AuditorExports.ACTION)
                && e.entityId().startsWith("NO-SUCH-MODEL"));
    }

    private List<String> verifyWith(Map<String, byte[]> exported, String path, List<JsonNode> rows) {
        Map<String, byte[]> files = new LinkedHashMap<>(exported);
        files.put(path, OfflineVerifier.jsonl(rows));
        OfflineVerifier.remanifest(files);
        return OfflineVerifier.verify(files, null, null);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private record Download(int status, String contentType, String disposition, byte[] body) {
    }

    private Download download(String user, String model) {
        return get(user, "/api/models/" + model + "/auditor-export");
    }

    private Download get(String user, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Content-Disposition").orElse(""), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path write(Path dir, Map<String, byte[]> files) throws IOException {
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Path target = dir.resolve(f.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, f.getValue());
        }
        return dir;
    }

    private record Python(int exit, String output) {
    }

    private static Python python(Path dir, String name, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("python3"));
        if (args[0].endsWith(".zip")) {
            // verify.py from the ZIP itself
            Path script = dir.resolve(name + ".py");
            Files.write(script, OfflineVerifier.unzip(Files.readAllBytes(Path.of(args[0]))).get("verify.py"));
            command.add(script.toString());
        }
        command.addAll(List.of(args));
        Path out = dir.resolve(name + ".out");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("verify.py did not finish");
        }
        return new Python(p.exitValue(), Files.readString(out));
    }

    private static boolean python3Available() {
        try {
            Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
