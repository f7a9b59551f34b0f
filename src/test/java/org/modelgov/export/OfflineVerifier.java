package org.modelgov.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * An auditor's verification of an export, written from the procedure in the export's README.md alone: it does not
 * use ModelGov's own hashing ({@code AuditHashChain}) nor anything else of the application. Answers the problems
 * found; none means verified.
 */
final class OfflineVerifier {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> OWN = List.of("manifest.json", "manifest.sha256");

    private OfflineVerifier() {
    }

    static Map<String, byte[]> unzip(byte[] zip) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (files.put(e.getName(), in.readAllBytes()) != null) {
                    throw new AssertionError("two entries named " + e.getName());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** Steps 1–4 of the README; {@code anchorSeq}/{@code anchorHash} (step 5) when not null. */
    static List<String> verify(Map<String, byte[]> files, Long anchorSeq, String anchorHash) {
        List<String> problems = new ArrayList<>();
        JsonNode manifest = json(files.get("manifest.json"));
        // 1. files
        Map<String, JsonNode> listed = new HashMap<>();
        for (JsonNode f : manifest.path("files")) {
            String path = f.path("path").asText();
            listed.put(path, f);
            byte[] data = files.get(path);
            if (data == null) {
                problems.add("missing file " + path);
            } else if (data.length != f.path("size").asLong() || !sha256(data).equals(f.path("sha256").asText())) {
                problems.add("file differs from the manifest: " + path);
            }
        }
        for (String path : files.keySet()) {
            if (!listed.containsKey(path) && !OWN.contains(path)) {
                problems.add("unlisted file " + path);
            }
        }
        // 2. events
        List<JsonNode> events = lines(files.get("audit/events.jsonl"));
        long previousSeq = Long.MIN_VALUE;
        for (JsonNode e : events) {
            if (!hashOf(e).equals(e.path("hash").asText())) {
                problems.add("event at " + e.path("chainSeq").asLong() + " does not match its hash");
            }
            if (e.path("chainSeq").asLong() <= previousSeq) {
                problems.add("events out of chain order at " + e.path("chainSeq").asLong());
            }
            previousSeq = e.path("chainSeq").asLong();
        }
        // 3. links
        List<JsonNode> links = lines(files.get("audit/chain.jsonl"));
        Map<Long, JsonNode> bySeq = new HashMap<>();
        JsonNode previous = null;
        for (JsonNode link : links) {
            if (previous != null) {
                if (link.path("chainSeq").asLong() != previous.path("chainSeq").asLong() + 1) {
                    problems.add("gap in the chain after " + previous.path("chainSeq").asLong());
                }
                if (!link.path("prevHash").asText().equals(previous.path("hash").asText())) {
                    problems.add("broken link at " + link.path("chainSeq").asLong());
                }
            }
            bySeq.put(link.path("chainSeq").asLong(), link);
            previous = link;
        }
        JsonNode head = manifest.path("chainHead");
        if (previous == null || previous.path("chainSeq").asLong() != head.path("seq").asLong()
                || !previous.path("hash").asText().equals(head.path("hash").asText())) {
            problems.add("the chain does not end at the manifest's head");
        }
        if (!events.isEmpty() && !links.isEmpty()
                && links.get(0).path("chainSeq").asLong() != events.get(0).path("chainSeq").asLong()) {
            problems.add("the chain does not start at the model's first event");
        }
        for (JsonNode e : events) {
            JsonNode link = bySeq.get(e.path("chainSeq").asLong());
            if (link == null || !link.path("hash").asText().equals(e.path("hash").asText())
                    || !link.path("prevHash").asText().equals(e.path("prevHash").asText())) {
                problems.add("event at " + e.path("chainSeq").asLong() + " is not on the chain");
            }
        }
        // 4. evidence
        Map<String, String> recorded = new HashMap<>();
        for (JsonNode e : events) {
            if (e.path("action").asText().equals("EVIDENCE_REPORT_CREATED")) {
                JsonNode d = json(e.path("details").asText().getBytes(StandardCharsets.UTF_8));
                recorded.put(d.path("reportId").asText(), d.path("reportSha256").asText());
            }
        }
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            if (f.getKey().startsWith("evidence/") && f.getKey().endsWith(".inputs.json")) {
                JsonNode meta = json(f.getValue());
                byte[] report = files.get(meta.path("reportFile").asText());
                String sha = meta.path("reportSha256").asText();
                if (report == null || !sha256(report).equals(sha)) {
                    problems.add("report " + meta.path("id").asText() + " does not match its SHA-256");
                }
                if (!sha.equals(recorded.get(meta.path("id").asText()))) {
                    problems.add("report " + meta.path("id").asText() + " has no creation event with its SHA-256");
                }
            }
        }
        // 5. anchor
        if (anchorSeq != null) {
            JsonNode link = bySeq.get(anchorSeq);
            if (link == null || !link.path("hash").asText().equals(anchorHash)) {
                problems.add("the anchor at " + anchorSeq + " is not on this chain");
            }
        }
        return problems;
    }

    /** The README's formula: SHA-256 of the UTF-8 fields joined by U+001F, in the README's order. */
    static String hashOf(JsonNode e) {
        String canonical = String.join("\u001f", Long.toString(e.path("chainSeq").asLong()),
                e.path("occurredAt").asText(), e.path("actor").asText(), e.path("action").asText(),
                e.path("entityType").asText(), e.path("entityId").asText(), e.path("details").asText(),
                e.path("prevHash").asText());
        return sha256(canonical.getBytes(StandardCharsets.UTF_8));
    }

    /** What a forger would do after changing files: list them again in a fresh manifest. */
    static void remanifest(Map<String, byte[]> files) {
        ObjectNode manifest = (ObjectNode) json(files.get("manifest.json"));
        ArrayNode list = manifest.putArray("files");
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            if (!OWN.contains(f.getKey())) {
                list.addObject().put("path", f.getKey()).put("size", f.getValue().length)
                        .put("sha256", sha256(f.getValue()));
            }
        }
        try {
            files.put("manifest.json", JSON.writeValueAsBytes(manifest));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JsonNode> lines(byte[] jsonl) {
        List<JsonNode> rows = new ArrayList<>();
        for (String line : new String(jsonl, StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                rows.add(json(line.getBytes(StandardCharsets.UTF_8)));
            }
        }
        return rows;
    }

    static byte[] jsonl(List<JsonNode> rows) {
        StringBuilder text = new StringBuilder();
        for (JsonNode row : rows) {
            text.append(row.toString()).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    static JsonNode json(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
