package org.modelgov.evidence;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.modelgov.audit.AuditTrail;
import org.modelgov.common.AccessDeniedToActionException;
import org.modelgov.common.GovernanceRole;
import org.modelgov.common.InvalidInputException;
import org.modelgov.common.NotFoundException;
import org.modelgov.common.Sha256;
import org.modelgov.common.Violations;
import org.modelgov.config.DatasetLimitsProperties;
import org.modelgov.drift.DriftAnalysis;
import org.modelgov.drift.DriftConfig;
import org.modelgov.fairness.MetricsInputException;
import org.modelgov.fairness.bias.BiasAnalysis;
import org.modelgov.fairness.config.AnalysisConfig;
import org.modelgov.fairness.data.CsvLimitExceededException;
import org.modelgov.fairness.data.CsvLimits;
import org.modelgov.fairness.performance.PerformanceAnalysis;
import org.modelgov.inventory.Actor;
import org.modelgov.inventory.ModelRepository;
import org.modelgov.inventory.ModelVersion;
import org.modelgov.privacy.PersonalDataReport;
import org.modelgov.privacy.PersonalDataScan;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Computes bias, performance, drift and personal-data reports from uploaded CSV files and keeps them as evidence,
 * optionally linked to an inventory model (version). The metrics run outside any database
 * transaction (they can take seconds on large files); the report, its input hashes and the audit
 * event are then saved in one short transaction, together or not at all.
 *
 * <p>Every CSV part is read within the data set caps ({@link CsvLimits}); reports that people ask for
 * run on the bounded {@link ReportAnalyses}, the lifecycle's on the job executor's own threads.
 */
@Service
public class EvidenceService {

    static final String ENTITY_REPORT = "EVIDENCE_REPORT";
    static final String ACTION_CREATED = "EVIDENCE_REPORT_CREATED";
    /** Configs are small JSON documents; anything larger is a mistake (a data file sent as config). */
    static final int MAX_CONFIG_BYTES = 1 << 20;
    static final int MAX_LIST = 500;
    /** The actor recorded for what the lifecycle computes by itself. */
    public static final String LIFECYCLE_ACTOR = "modelgov";
    private static final int MAX_FILENAME = 255;
    private static final JsonFactory JSON = new JsonFactory();
    private static final Pattern VERSION_NUMBER = Pattern.compile("[1-9][0-9]{0,8}");

    /** Who computes metrics reports and stores them as evidence; everyone logged in reads them. */
    public static final List<String> MAY_CREATE = List.of(GovernanceRole.VALIDATOR.groupId(),
            GovernanceRole.ETHICS_REVIEWER.groupId(), GovernanceRole.RISK_OFFICER.groupId(),
            GovernanceRole.MODEL_OWNER.groupId(), GovernanceRole.GOVERNANCE_ADMIN.groupId(),
            GovernanceRole.CAMUNDA_ADMIN_GROUP);

    private final EvidenceRepository reports;
    private final ModelRepository models;
    private final AuditTrail audit;
    private final TransactionOperations transactions;
    private final Clock clock;
    private final CsvLimits limits;
    private final ReportAnalyses analyses;
    private final ReportAnalysisTimer timer;

    EvidenceService(EvidenceRepository reports, ModelRepository models, AuditTrail audit,
                    TransactionOperations transactions, Clock clock, DatasetLimitsProperties limits,
                    ReportAnalyses analyses, ReportAnalysisTimer timer) {
        this.limits = limits.csvLimits();
        this.analyses = analyses;
        this.timer = timer;
        this.reports = reports;
        this.models = models;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Validates the request, computes the report from the streamed uploads and stores it. */
    public EvidenceReport create(NewReport request, Actor actor) {
        if (!mayCreate(actor)) {
            throw new AccessDeniedToActionException("Only validators, ethics reviewers, risk officers, model owners"
                    + " and governance administrators may create evidence reports");
        }
        return compute(request, actor.userId(), true);
    }

    /**
     * Computes and stores a report that the governance lifecycle needs (validation, reassessment): no
     * person asked for it, so it is recorded as created by {@value #LIFECYCLE_ACTOR}.
     */
    public EvidenceReport createForLifecycle(NewReport request) {
        return compute(request, LIFECYCLE_ACTOR, false);
    }

    /**
     * Computes and stores a report a person asked for through a service that has already decided who may ask (the
     * personal-data scan of a version): recorded as created by {@code actorId}, run on the bounded analyses.
     */
    public EvidenceReport createAs(NewReport request, String actorId) {
        return compute(request, actorId, true);
    }

    /**
     * Stores a report a lifecycle stage produced itself (the A/B stage's comparison): nothing is uploaded or computed
     * here. Runs in the caller's transaction, so the report and the stage's record of it are saved together.
     */
    @Transactional
    public EvidenceReport recordProduced(ReportKind kind, String versionId, String reportJson, String actorId) {
        if (kind.uploaded()) {
            throw new IllegalArgumentException(kind + " reports are computed from uploads, not recorded as produced");
        }
        ModelLink link = new ModelLink(ModelVersion.modelIdOf(versionId), versionId);
        ReportSummary summary = new ReportSummary(UUID.randomUUID().toString(), kind, link.modelId(),
                link.versionId(), actorId, clock.instant().truncatedTo(ChronoUnit.MICROS), Sha256.hex(reportJson));
        EvidenceReport report = new EvidenceReport(summary, null, reportJson, List.of());
        store(report, link);
        return report;
    }

    private EvidenceReport compute(NewReport request, String actorId, boolean bounded) {
        if (!request.kind().uploaded()) {
            throw InvalidInputException.of("kind", "an " + request.kind().name().toLowerCase(java.util.Locale.ROOT)
                    + " report is produced by the lifecycle's A/B stage, not uploaded");
        }
        Violations v = new Violations();
        checkParts(request, v);
        ModelLink link = link(request.modelId(), request.modelVersion(), v);
        v.throwIfAny();

        Upload configUpload = request.uploads().get("config");
        HashedText config = configUpload == null ? null : readConfig(configUpload);
        List<EvidenceInput> inputs = new ArrayList<>();
        if (config != null) {
            inputs.add(config.input());
        }
        checkSizes(request);
        // timed on the analysis thread: the time spent computing, not the wait for a free slot
        Callable<String> analysis = () -> timer.time(request.kind(), () -> switch (request.kind()) {
            case BIAS -> bias(request.uploads().get("data"), config, inputs);
            case PERFORMANCE -> performance(request.uploads().get("data"), config, inputs);
            case DRIFT -> drift(request.uploads().get("reference"), request.uploads().get("current"), config, inputs);
            case PERSONAL_DATA -> personalData(request.uploads(), inputs);
            case AB_COMPARISON -> throw new IllegalStateException("refused above: produced by the A/B stage");
        });
        String reportJson = bounded ? analyses.run(analysis) : call(analysis);
        ReportSummary summary = new ReportSummary(UUID.randomUUID().toString(), request.kind(), link.modelId(),
                link.versionId(), actorId, clock.instant().truncatedTo(ChronoUnit.MICROS),
                Sha256.hex(reportJson));
        EvidenceReport report = new EvidenceReport(summary, config == null ? null : config.text(), reportJson, inputs);
        transactions.executeWithoutResult(status -> store(report, link));
        return report;
    }

    @Transactional(readOnly = true)
    public EvidenceReport get(String id) {
        return reports.find(id).orElseThrow(() -> new NotFoundException("No evidence report with id " + id));
    }

    @Transactional(readOnly = true)
    public List<ReportSummary> list(String modelId, ReportKind kind, int limit) {
        if (limit < 1 || limit > MAX_LIST) {
            throw InvalidInputException.of("limit", "must be between 1 and " + MAX_LIST);
        }
        return reports.list(modelId, kind, limit);
    }

    public boolean mayCreate(Actor actor) {
        return MAY_CREATE.stream().anyMatch(actor::isIn);
    }

    private void store(EvidenceReport report, ModelLink link) {
        // checked again inside the transaction: the link must hold for what is saved
        Violations v = new Violations();
        checkLinkExists(link, v);
        v.throwIfAny();
        reports.insert(report);
        ReportSummary s = report.summary();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reportId", s.id());
        details.put("kind", s.kind().name());
        details.put("modelVersionId", s.modelVersionId());
        details.put("reportSha256", s.reportSha256());
        for (EvidenceInput input : report.inputs()) {
            details.put(input.part() + "Sha256", input.sha256());
        }
        audit.record(s.createdBy(), ACTION_CREATED, ENTITY_REPORT, s.modelId() != null ? s.modelId() : s.id(), details);
    }

    /** A data part whose declared size is over the cap is refused before it takes an analysis slot. */
    private void checkSizes(NewReport request) {
        for (Upload upload : request.uploads().values()) {
            if (!upload.part().equals("config") && upload.size() > limits.maxTotalBytes()) {
                throw DataLimitException.tooLarge(upload.part(), upload.size(), limits.maxTotalBytes());
            }
        }
    }

    private static String call(Callable<String> analysis) {
        try {
            return analysis.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void checkParts(NewReport request, Violations v) {
        ReportKind kind = request.kind();
        for (String duplicate : request.duplicates()) {
            v.add(duplicate, "was sent more than once; send each part once");
        }
        for (String part : kind.requiredParts()) {
            if (!request.uploads().containsKey(part)) {
                v.add(part, "is missing: send it as a multipart/form-data part named '" + part + "'");
            }
        }
        for (Upload upload : request.uploads().values()) {
            if (!kind.takes(upload.part())) {
                List<String> expected = new ArrayList<>(kind.requiredParts());
                expected.addAll(kind.optionalParts());
                expected.add("modelId");
                expected.add("modelVersion");
                v.add(upload.part(), "is not a part of a " + kind.name().toLowerCase() + " report; expected "
                        + String.join(", ", expected));
            } else if (upload.size() == 0) {
                v.add(upload.part(), "is empty");
            }
        }
    }

    private ModelLink link(String modelId, String modelVersion, Violations v) {
        String id = modelId == null || modelId.isBlank() ? null : modelId.trim();
        String version = modelVersion == null || modelVersion.isBlank() ? null : modelVersion.trim();
        Integer number = null;
        if (version != null) {
            if (!VERSION_NUMBER.matcher(version).matches()) {
                v.add("modelVersion", "must be a version number (1, 2, ...), not '" + abbreviate(version) + "'");
            } else if (id == null) {
                v.add("modelVersion", "needs modelId: a version number means nothing without its model");
            } else {
                number = Integer.valueOf(version);
            }
        }
        if (id != null && id.length() > 64) {
            v.add("modelId", "must be at most 64 characters");
            return new ModelLink(null, null);
        }
        ModelLink link = new ModelLink(id, number == null ? null : ModelVersion.idOf(id, number));
        if (v.isEmpty()) {
            checkLinkExists(link, v);
        }
        return link;
    }

    private void checkLinkExists(ModelLink link, Violations v) {
        if (link.modelId() == null) {
            return;
        }
        if (!models.exists(link.modelId())) {
            v.add("modelId", "no model with id '" + link.modelId() + "' is in the inventory");
        } else if (link.versionId() != null && models.version(link.versionId()).isEmpty()) {
            v.add("modelVersion", "model " + link.modelId() + " has no version "
                    + link.versionId().substring(link.modelId().length() + 1));
        }
    }

    private String bias(Upload data, HashedText config, List<EvidenceInput> inputs) {
        AnalysisConfig analysis = analysisConfig(config);
        return readData(data, inputs, in -> {
            try {
                return BiasAnalysis.run(in, analysis, limits).toJson();
            } catch (CsvLimitExceededException e) {
                throw new DataLimitException(data.part(), e);
            } catch (MetricsInputException e) {
                throw invalid(e.getMessage().startsWith("config") ? "config" : "data", e);
            }
        });
    }

    private String performance(Upload data, HashedText config, List<EvidenceInput> inputs) {
        AnalysisConfig analysis = analysisConfig(config);
        return readData(data, inputs, in -> {
            try {
                return PerformanceAnalysis.run(in, analysis, limits).toJson();
            } catch (CsvLimitExceededException e) {
                throw new DataLimitException(data.part(), e);
            } catch (MetricsInputException e) {
                throw invalid(e.getMessage().startsWith("config") ? "config" : "data", e);
            }
        });
    }

    /**
     * The personal-data scan of each dataset sent (data, then reference and current), one report with findings per
     * dataset; findings name columns and detectors, never values (see PersonalDataScan).
     */
    private String personalData(Map<String, Upload> uploads, List<EvidenceInput> inputs) {
        java.time.LocalDate today = java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
        List<PersonalDataReport.Dataset> scanned = new ArrayList<>();
        for (String part : List.of("data", "reference", "current")) {
            Upload data = uploads.get(part);
            if (data == null) {
                continue;
            }
            readData(data, inputs, in -> {
                try {
                    scanned.add(new PersonalDataReport.Dataset(part, filename(data),
                            PersonalDataScan.run(in, limits, today)));
                    return "";
                } catch (CsvLimitExceededException e) {
                    throw new DataLimitException(part, e);
                } catch (MetricsInputException e) {
                    throw invalid(part, e);
                }
            });
        }
        return PersonalDataReport.toJson(scanned);
    }

    private String drift(Upload reference, Upload current, HashedText config, List<EvidenceInput> inputs) {
        DriftConfig driftConfig;
        try {
            driftConfig = config == null ? DriftConfig.defaults() : DriftConfig.parse(config.stream());
        } catch (MetricsInputException e) {
            throw invalid("config", e);
        }
        String[] reading = {null};
        try (Hashing ref = new Hashing(reference); Hashing cur = new Hashing(current)) {
            String json = DriftAnalysis.run(() -> {
                reading[0] = "reference";
                return ref.open();
            }, () -> {
                reading[0] = "current";
                return cur.open();
            }, driftConfig, limits).toJson();
            inputs.add(ref.finish());
            inputs.add(cur.finish());
            return json;
        } catch (CsvLimitExceededException e) {
            throw new DataLimitException(reading[0], e);
        } catch (MetricsInputException e) {
            // after both files are read, a message about a column's cells says which file it means
            String part = e.getMessage().contains("every reference cell") ? "reference" : reading[0];
            throw invalid(part == null ? "config" : part, e);
        } catch (IOException | UncheckedIOException e) {
            throw InvalidInputException.of(reading[0] == null ? "reference" : reading[0],
                    "could not be read: " + e.getMessage());
        }
    }

    private static AnalysisConfig analysisConfig(HashedText config) {
        try {
            return AnalysisConfig.parse(config.text());
        } catch (MetricsInputException e) {
            throw invalid("config", e);
        }
    }

    private interface Analysis {
        String run(InputStream in);
    }

    private static String readData(Upload data, List<EvidenceInput> inputs, Analysis analysis) {
        try (Hashing hashing = new Hashing(data)) {
            String json = analysis.run(hashing.open());
            inputs.add(hashing.finish());
            return json;
        } catch (IOException | UncheckedIOException e) {
            throw InvalidInputException.of(data.part(), "could not be read: " + e.getMessage());
        }
    }

    private static HashedText readConfig(Upload upload) {
        byte[] bytes;
        try (InputStream in = upload.source().open()) {
            bytes = in.readNBytes(MAX_CONFIG_BYTES + 1);
        } catch (IOException e) {
            throw InvalidInputException.of(upload.part(), "could not be read: " + e.getMessage());
        }
        if (bytes.length > MAX_CONFIG_BYTES) {
            throw InvalidInputException.of(upload.part(), "is larger than " + (MAX_CONFIG_BYTES >> 10)
                    + " KB; a config is a small JSON document (did you send a data file as config?)");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw InvalidInputException.of(upload.part(), "is not UTF-8 text; send the config as UTF-8 JSON");
        }
        requireSingleJsonDocument(upload.part(), text);
        return new HashedText(text, bytes,
                new EvidenceInput(upload.part(), filename(upload), bytes.length, Sha256.hex(bytes)));
    }

    /**
     * The config is stored and returned as it was sent, embedded in JSON answers: it must be exactly one
     * JSON document (the metrics' parser reads the first and ignores what follows).
     */
    private static void requireSingleJsonDocument(String part, String text) {
        try (JsonParser parser = JSON.createParser(text)) {
            if (parser.nextToken() == null) {
                throw InvalidInputException.of(part, "holds no JSON; send the config as a JSON object");
            }
            parser.skipChildren();
            if (parser.nextToken() != null) {
                throw InvalidInputException.of(part, "has more after its JSON document (line "
                        + parser.currentLocation().getLineNr() + ", column " + parser.currentLocation().getColumnNr()
                        + "); send one JSON object");
            }
        } catch (JsonProcessingException e) {
            throw InvalidInputException.of(part, "is not valid JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage().replace('\n', ' '));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InvalidInputException invalid(String part, MetricsInputException e) {
        return InvalidInputException.of(part, e.getMessage());
    }

    private static String filename(Upload upload) {
        String name = upload.filename();
        return name == null || name.length() <= MAX_FILENAME ? name : name.substring(0, MAX_FILENAME);
    }

    private static String abbreviate(String text) {
        return text.length() <= 20 ? text : text.substring(0, 20) + "...";
    }

    private record ModelLink(String modelId, String versionId) {
    }

    private record HashedText(String text, byte[] bytes, EvidenceInput input) {
        InputStream stream() {
            return new ByteArrayInputStream(bytes);
        }
    }

    /**
     * Streams an upload through SHA-256 and counts its bytes. The analysis may close the stream it
     * gets: that is ignored, so {@link #finish} can hash whatever rest it left unread and the hash is
     * the whole file's. {@link #close} releases the upload.
     */
    private static final class Hashing implements AutoCloseable {
        private final Upload upload;
        private final MessageDigest digest = Sha256.newDigest();
        private InputStream raw;
        private InputStream counted;
        private long bytes;

        Hashing(Upload upload) {
            this.upload = upload;
        }

        InputStream open() throws IOException {
            raw = upload.source().open();
            counted = new DigestInputStream(raw, digest) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    if (b >= 0) {
                        bytes++;
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = super.read(buffer, offset, length);
                    if (n > 0) {
                        bytes += n;
                    }
                    return n;
                }

                @Override
                public void close() {
                    // see the class comment
                }
            };
            return counted;
        }

        EvidenceInput finish() {
            try {
                counted.transferTo(OutputStream.nullOutputStream());
            } catch (IOException e) {
                throw InvalidInputException.of(upload.part(), "could not be read: " + e.getMessage());
            }
            return new EvidenceInput(upload.part(), filename(upload), bytes, Sha256.hex(digest));
        }

        @Override
        public void close() {
            if (raw != null) {
                try {
                    raw.close();
                } catch (IOException e) {
                    // nothing more to read from it
                }
            }
        }
    }
}
