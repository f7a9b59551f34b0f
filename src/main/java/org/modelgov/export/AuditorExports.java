package org.modelgov.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.modelgov.ModelGovApplication;
import org.modelgov.audit.AuditEvent;
import org.modelgov.audit.AuditLog;
import org.modelgov.audit.AuditTrail;
import org.modelgov.common.AccessDeniedToActionException;
import org.modelgov.common.GovernanceRole;
import org.modelgov.common.Sha256;
import org.modelgov.evidence.EvidenceReport;
import org.modelgov.evidence.EvidenceRepository;
import org.modelgov.evidence.ReportSummary;
import org.modelgov.incident.IncidentRepository;
import org.modelgov.inventory.Actor;
import org.modelgov.inventory.InventoryService;
import org.modelgov.inventory.ModelVersion;
import org.modelgov.review.ReviewDecision;
import org.modelgov.review.ReviewDecisionRepository;
import org.modelgov.security.CurrentActor;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The auditor's export of one model: a ZIP with its evidence reports, decisions, its slice of the audit trail with
 * the hash-chain links that let an auditor re-verify it offline, the other parts' files ({@link AuditorExportPart})
 * and a manifest of every file's SHA-256. Written straight to the response one file at a time.
 *
 * <p>Who may export: compliance officers (proving to auditors what happened is their job), governance
 * administrators (trusted and audited) and the model risk committee (it signs models off and answers to the
 * regulator for them). The export holds every decision, comment and data set digest of a model, so the people who
 * build or review one model (owners, validators, reviewers) do not get every model's evidence in bulk.
 */
@Service("auditorExports")
public class AuditorExports {

    public static final List<String> MAY_EXPORT = List.of(GovernanceRole.COMPLIANCE_OFFICER.groupId(),
            GovernanceRole.GOVERNANCE_ADMIN.groupId(), GovernanceRole.CAMUNDA_ADMIN_GROUP,
            GovernanceRole.COMMITTEE_MEMBER.groupId());
    static final String ACTION = "AUDITOR_EXPORT_CREATED";
    /** Paths the export writes itself; a part may not use them. */
    private static final Set<String> OWN_FOLDERS = Set.of("evidence/", "decisions/", "audit/");
    private static final Set<String> OWN_FILES = Set.of("README.md", "verify.py", "manifest.json",
            "manifest.sha256");
    /** One compact JSON object a line (audit/*.jsonl). */
    private static final ObjectMapper LINES = new ObjectMapper();
    private static final DateTimeFormatter FILE_STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final InventoryService inventory;
    private final EvidenceRepository evidence;
    private final ReviewDecisionRepository decisions;
    private final IncidentRepository incidents;
    private final AuditLog auditLog;
    private final AuditTrail audit;
    private final List<AuditorExportPart> parts;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;
    private final Clock clock;

    AuditorExports(InventoryService inventory, EvidenceRepository evidence, ReviewDecisionRepository decisions,
                   IncidentRepository incidents, AuditLog auditLog, AuditTrail audit, List<AuditorExportPart> parts,
                   PlatformTransactionManager transactions, ObjectMapper json, Clock clock) {
        this.inventory = inventory;
        this.evidence = evidence;
        this.decisions = decisions;
        this.incidents = incidents;
        this.auditLog = auditLog;
        this.audit = audit;
        this.parts = List.copyOf(parts);
        this.transaction = new TransactionTemplate(transactions);
        // the application's mapper (Java time as ISO text), printing readable files
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
        this.clock = clock;
    }

    public boolean mayExport(Actor actor) {
        return MAY_EXPORT.stream().anyMatch(actor::isIn);
    }

    /** For the model page: whether the logged-in user sees the export link. */
    public boolean mayExport(Authentication user) {
        return user != null && mayExport(CurrentActor.of(user));
    }

    /**
     * Checks who asks and that the model exists, then seals the audit log and fixes the chain head the export
     * proves up to. Nothing is recorded for a refusal.
     */
    Prepared prepare(String modelId, Actor actor) {
        if (!mayExport(actor)) {
            throw new AccessDeniedToActionException("Only compliance officers, governance administrators and the model"
                    + " risk committee export a model for auditors");
        }
        inventory.get(modelId); // 404 for an unknown model
        // every event committed so far leaves with its chain position and hash
        auditLog.sealPending();
        AuditLog.Head head = auditLog.chainHead();
        Instant at = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String filename = "modelgov-" + ExportNames.segment(modelId) + "-" + FILE_STAMP.format(at) + ".zip";
        return new Prepared(modelId, actor.userId(), at, head, filename);
    }

    /** What an export is fixed to before its first byte: the model, who, when and the chain head it proves. */
    record Prepared(String modelId, String exportedBy, Instant exportedAt, AuditLog.Head head, String filename) {
    }

    /**
     * Writes the ZIP. The export is recorded in the audit trail before the manifest is written: a ZIP without its
     * manifest (and central directory) is unusable, so no usable export leaves unrecorded.
     */
    void write(Prepared p, OutputStream out) throws IOException {
        try (ExportZip zip = new ExportZip(out, p.exportedAt())) {
            zip.add("README.md", resource("README.md"));
            zip.add("verify.py", resource("verify.py"));
            int reports = writeEvidence(p, zip);
            writeDecisions(p, zip);
            Slice slice = writeAuditSlice(p, zip);
            writeParts(p, zip);

            byte[] manifest = json.writeValueAsBytes(manifest(p, zip.entries(), slice, reports));
            String manifestSha256 = Sha256.hex(manifest);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("manifestSha256", manifestSha256);
            details.put("files", zip.entries().size() + 1);
            details.put("chainHeadSeq", p.head().seq());
            details.put("chainHeadHash", p.head().hash());
            details.put("filename", p.filename());
            transaction.executeWithoutResult(tx -> audit.record(p.exportedBy(), ACTION, "MODEL", p.modelId(), details));
            zip.add("manifest.json", manifest);
            StringBuilder sums = new StringBuilder();
            for (ExportZip.Entry e : zip.entries()) {
                sums.append(e.sha256()).append("  ").append(e.path()).append('\n');
            }
            zip.add("manifest.sha256", sums.toString());
        }
    }

    /** Each report as stored (its SHA-256 is the one its creation event recorded) and its facts beside it. */
    private int writeEvidence(Prepared p, ExportZip zip) throws IOException {
        List<ReportSummary> summaries = new ArrayList<>(evidence.list(p.modelId(), null, Integer.MAX_VALUE));
        summaries.sort(Comparator.comparing(ReportSummary::createdAt).thenComparing(ReportSummary::id));
        int written = 0;
        for (ReportSummary s : summaries) {
            // one report in memory at a time
            EvidenceReport report = evidence.find(s.id()).orElse(null);
            if (report == null || !p.modelId().equals(s.modelId())) {
                continue;
            }
            String base = "evidence/" + s.kind().name() + "-" + ExportNames.segment(s.id());
            zip.add(base + ".json", report.reportJson());
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("id", s.id());
            meta.put("kind", s.kind().name());
            meta.put("modelId", s.modelId());
            meta.put("modelVersionId", s.modelVersionId());
            meta.put("createdBy", s.createdBy());
            meta.put("createdAt", s.createdAt().toString());
            meta.put("reportFile", base + ".json");
            meta.put("reportSha256", s.reportSha256());
            meta.put("inputs", report.inputs());
            meta.put("config", report.config());
            zip.add(base + ".inputs.json", json.writeValueAsBytes(meta));
            written++;
        }
        return written;
    }

    private void writeDecisions(Prepared p, ExportZip zip) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ModelVersion v : inventory.versions(p.modelId())) {
            for (ReviewDecision d : decisions.forVersion(v.id())) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("versionId", v.id());
                row.put("versionNumber", v.number());
                row.put("id", d.id());
                row.put("kind", d.kind().name());
                row.put("basis", d.basis());
                row.put("actor", d.actor());
                row.put("decision", d.decision());
                row.put("comment", d.comment());
                row.put("details", d.details());
                row.put("decidedAt", d.decidedAt().toString());
                row.put("taskId", d.taskId());
                rows.add(row);
            }
        }
        zip.add("decisions/decisions.json", json.writeValueAsBytes(rows));
        zip.add("decisions/incidents.json",
                json.writeValueAsBytes(incidents.list(p.modelId(), null, Integer.MAX_VALUE)));
    }

    /** The model's events in full, and the links from its first event to the head: other positions as hashes only. */
    private Slice writeAuditSlice(Prepared p, ExportZip zip) throws IOException {
        long head = p.head().seq();
        long[] events = {0};
        zip.add("audit/events.jsonl", out -> auditLog.forEachModelEventInChain(p.modelId(), head, e -> {
            line(out, event(e));
            events[0]++;
        }));
        long first = auditLog.firstChainSeqOfModel(p.modelId()).filter(s -> s <= head).orElse(head);
        long[] links = {0};
        zip.add("audit/chain.jsonl", out -> {
            if (head > 0) {
                auditLog.forEachLink(first, head, link -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("chainSeq", link.chainSeq());
                    row.put("prevHash", link.prevHash());
                    row.put("hash", link.hash());
                    line(out, row);
                    links[0]++;
                });
            }
        });
        return new Slice(first, events[0], links[0]);
    }

    private record Slice(long firstChainSeq, long events, long links) {
    }

    /** Every hashed field as the text that was hashed, in the formula's order, then the id and the hash. */
    private static Map<String, Object> event(AuditEvent e) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("chainSeq", e.chainSeq());
        row.put("occurredAt", e.occurredAt().toString());
        row.put("actor", e.actor());
        row.put("action", e.action());
        row.put("entityType", e.entityType());
        row.put("entityId", e.entityId());
        row.put("details", e.details());
        row.put("prevHash", e.prevHash());
        row.put("seq", e.seq());
        row.put("hash", e.hash());
        return row;
    }

    private static void line(OutputStream out, Map<String, Object> row) {
        try {
            out.write(LINES.writeValueAsBytes(row));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeParts(Prepared p, ExportZip zip) throws IOException {
        writeParts(parts, p.modelId(), zip);
    }

    /** Each part's files under their own paths; a part that writes into the export's own files is a bug. */
    static void writeParts(List<AuditorExportPart> parts, String modelId, ExportZip zip) throws IOException {
        for (AuditorExportPart part : parts) {
            for (ExportFile file : part.filesFor(modelId)) {
                if (OWN_FILES.contains(file.path()) || OWN_FOLDERS.stream().anyMatch(file.path()::startsWith)) {
                    throw new IllegalStateException(part.getClass().getSimpleName() + " writes into the export's own"
                            + " files: " + file.path());
                }
                zip.add(file.path(), file.content());
            }
        }
    }

    private Map<String, Object> manifest(Prepared p, List<ExportZip.Entry> entries, Slice slice, int reports) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", "modelgov-auditor-export/1");
        m.put("modelId", p.modelId());
        m.put("exportedAt", p.exportedAt().toString());
        m.put("exportedBy", p.exportedBy());
        m.put("modelgovVersion", version());
        Map<String, Object> head = new LinkedHashMap<>();
        head.put("seq", p.head().seq());
        head.put("hash", p.head().hash());
        m.put("chainHead", head);
        Map<String, Object> audit = new LinkedHashMap<>();
        audit.put("firstChainSeq", slice.firstChainSeq());
        audit.put("modelEvents", slice.events());
        audit.put("chainLinks", slice.links());
        m.put("auditSlice", audit);
        m.put("evidenceReports", reports);
        m.put("hashFormula", "SHA-256(UTF-8(chainSeq US occurredAt US actor US action US entityType US entityId"
                + " US details US prevHash)), US = U+001F; see README.md");
        List<Map<String, Object>> files = new ArrayList<>();
        for (ExportZip.Entry e : entries) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("path", e.path());
            f.put("size", e.size());
            f.put("sha256", e.sha256());
            files.add(f);
        }
        m.put("files", files);
        return m;
    }

    private static String version() {
        String v = ModelGovApplication.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }

    private static byte[] resource(String name) {
        try (InputStream in = AuditorExports.class.getResourceAsStream("/export/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the export's " + name + " is missing from the application");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
