package org.modelgov.inventory.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.modelgov.inventory.Deployment;
import org.modelgov.inventory.Model;
import org.modelgov.inventory.ModelQuery;
import org.modelgov.inventory.ModelRepository;
import org.modelgov.inventory.ModelStatus;
import org.modelgov.inventory.ModelVersion;
import org.modelgov.inventory.PageOf;
import org.modelgov.inventory.RiskTier;
import org.modelgov.inventory.SecurityPosture;
import org.modelgov.inventory.ValidationInputs;
import org.modelgov.inventory.VersionStatus;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The inventory in ModelGov's own tables (schema {@code modelgov}); the same SQL on H2 and PostgreSQL. */
@Repository
class JdbcModelRepository implements ModelRepository {

    private static final String MODEL_COLUMNS = "id, name, purpose, risk_tier, owner, owner_team, endpoint_name,"
            + " model_package_arn, intended_use, evaluation_dataset_uri, status, next_review_due, created_by,"
            + " created_at, updated_at, row_version";
    private static final String VERSION_COLUMNS = "id, model_id, version_number, label, description,"
            + " model_package_arn, artifact_uri, evaluation_dataset_uri, status, registered_by, created_at,"
            + " analysis_config_uri, reference_dataset_uri, current_dataset_uri, explainability_report_uri, kms_key_id,"
            + " network_isolation, vpc_configured, data_capture, inter_container_encryption, validation_pipeline_arn";
    private static final Map<ModelQuery.SortField, String> SORT_COLUMNS = Map.of(
            ModelQuery.SortField.ID, "id",
            ModelQuery.SortField.NAME, "name",
            ModelQuery.SortField.RISK_TIER, "risk_tier",
            ModelQuery.SortField.STATUS, "status",
            ModelQuery.SortField.OWNER, "owner",
            ModelQuery.SortField.NEXT_REVIEW_DUE, "next_review_due",
            ModelQuery.SortField.CREATED_AT, "created_at",
            ModelQuery.SortField.UPDATED_AT, "updated_at");

    private final JdbcClient jdbc;

    JdbcModelRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean exists(String modelId) {
        return jdbc.sql("SELECT COUNT(*) FROM modelgov.model WHERE id = ?").param(modelId)
                .query(Long.class).single() > 0;
    }

    @Override
    public void insert(Model m) {
        jdbc.sql("INSERT INTO modelgov.model (" + MODEL_COLUMNS + ", search_text) VALUES (:id, :name, :purpose,"
                        + " :riskTier, :owner, :ownerTeam, :endpointName, :modelPackageArn, :intendedUse,"
                        + " :evaluationDatasetUri, :status, :nextReviewDue, :createdBy, :createdAt, :updatedAt,"
                        + " :rowVersion, :searchText)")
                .params(modelParams(m))
                .update();
    }

    @Override
    public void update(Model m) {
        // rows are locked by findForUpdate; the version check also catches a caller that did not lock
        int changed = jdbc.sql("UPDATE modelgov.model SET name = :name, purpose = :purpose, risk_tier = :riskTier,"
                        + " owner = :owner, owner_team = :ownerTeam, endpoint_name = :endpointName,"
                        + " model_package_arn = :modelPackageArn, intended_use = :intendedUse,"
                        + " evaluation_dataset_uri = :evaluationDatasetUri, status = :status,"
                        + " next_review_due = :nextReviewDue, updated_at = :updatedAt, row_version = :rowVersion,"
                        + " search_text = :searchText WHERE id = :id AND row_version = :previousRowVersion")
                .params(modelParams(m))
                .param("previousRowVersion", m.rowVersion() - 1)
                .update();
        if (changed != 1) {
            throw new OptimisticLockingFailureException("Model " + m.id() + " was changed concurrently");
        }
    }

    @Override
    public Optional<Model> findForUpdate(String modelId) {
        return jdbc.sql("SELECT " + MODEL_COLUMNS + " FROM modelgov.model WHERE id = ? FOR UPDATE")
                .param(modelId).query(JdbcModelRepository::model).optional();
    }

    @Override
    public Optional<Model> find(String modelId) {
        return jdbc.sql("SELECT " + MODEL_COLUMNS + " FROM modelgov.model WHERE id = ?")
                .param(modelId).query(JdbcModelRepository::model).optional();
    }

    @Override
    public Optional<Model> findByEndpoint(String endpointName) {
        return jdbc.sql("SELECT " + MODEL_COLUMNS + " FROM modelgov.model WHERE endpoint_name = ? ORDER BY id")
                .param(endpointName).query(JdbcModelRepository::model).list().stream().findFirst();
    }

    @Override
    public PageOf<Model> search(ModelQuery q) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (q.riskTier() != null) {
            where.add("risk_tier = :riskTier");
            params.put("riskTier", q.riskTier().name());
        }
        if (q.status() != null) {
            where.add("status = :status");
            params.put("status", q.status().name());
        }
        if (q.owner() != null) {
            where.add("owner = :owner");
            params.put("owner", q.owner());
        }
        if (q.text() != null) {
            where.add("search_text LIKE :text ESCAPE '\\'");
            params.put("text", "%" + escapeLike(q.text().toLowerCase(Locale.ROOT)) + "%");
        }
        String whereClause = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        long total = jdbc.sql("SELECT COUNT(*) FROM modelgov.model" + whereClause).params(params)
                .query(Long.class).single();
        String direction = q.descending() ? " DESC" : " ASC";
        String order = " ORDER BY " + SORT_COLUMNS.get(q.sort()) + direction
                + (q.sort() == ModelQuery.SortField.ID ? "" : ", id" + direction);
        List<Model> items = jdbc.sql("SELECT " + MODEL_COLUMNS + " FROM modelgov.model" + whereClause + order
                        + " LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", q.size())
                .param("offset", q.offset())
                .query(JdbcModelRepository::model).list();
        return new PageOf<>(items, q.page(), q.size(), total);
    }

    @Override
    public int highestVersionNumber(String modelId) {
        return jdbc.sql("SELECT COALESCE(MAX(version_number), 0) FROM modelgov.model_version WHERE model_id = ?")
                .param(modelId).query(Integer.class).single();
    }

    @Override
    public boolean versionLabelExists(String modelId, String label) {
        return jdbc.sql("SELECT COUNT(*) FROM modelgov.model_version WHERE model_id = ? AND label = ?")
                .params(modelId, label).query(Long.class).single() > 0;
    }

    @Override
    public void insertVersion(ModelVersion v) {
        ValidationInputs in = v.validation();
        SecurityPosture sp = in.securityPosture();
        jdbc.sql("INSERT INTO modelgov.model_version (" + VERSION_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(v.id(), v.modelId(), v.number(), v.label(), v.description(), v.modelPackageArn(),
                        v.artifactUri(), v.evaluationDatasetUri(), v.status().name(), v.registeredBy(),
                        utc(v.createdAt()), in.analysisConfigUri(), in.referenceDatasetUri(), in.currentDatasetUri(),
                        in.explainabilityReportUri(), sp.kmsKeyId(), sp.networkIsolation(), sp.vpc(), sp.dataCapture(),
                        sp.interContainerEncryption(), in.validationPipelineArn())
                .update();
        replaceBuckets(v);
    }

    @Override
    public void updateVersion(ModelVersion v) {
        ValidationInputs in = v.validation();
        jdbc.sql("UPDATE modelgov.model_version SET status = ?, evaluation_dataset_uri = ?, analysis_config_uri = ?,"
                        + " reference_dataset_uri = ?, current_dataset_uri = ?, explainability_report_uri = ?"
                        + " WHERE id = ?")
                .params(v.status().name(), v.evaluationDatasetUri(), in.analysisConfigUri(), in.referenceDatasetUri(),
                        in.currentDatasetUri(), in.explainabilityReportUri(), v.id())
                .update();
        replaceBuckets(v);
    }

    /** The bucket index of a version (model_version_bucket) follows its URIs in the same transaction. */
    private void replaceBuckets(ModelVersion v) {
        jdbc.sql("DELETE FROM modelgov.model_version_bucket WHERE version_id = ?").param(v.id()).update();
        for (String bucket : v.s3Buckets()) {
            jdbc.sql("INSERT INTO modelgov.model_version_bucket (version_id, model_id, bucket) VALUES (?, ?, ?)")
                    .params(v.id(), v.modelId(), bucket).update();
        }
    }

    @Override
    public List<ModelVersion> versions(String modelId) {
        return jdbc.sql("SELECT " + VERSION_COLUMNS + " FROM modelgov.model_version WHERE model_id = ?"
                        + " ORDER BY version_number")
                .param(modelId).query(JdbcModelRepository::version).list();
    }

    @Override
    public Optional<ModelVersion> version(String versionId) {
        return jdbc.sql("SELECT " + VERSION_COLUMNS + " FROM modelgov.model_version WHERE id = ?")
                .param(versionId).query(JdbcModelRepository::version).optional();
    }

    @Override
    public List<ModelVersion> versionsWithStatus(VersionStatus status) {
        return jdbc.sql("SELECT " + VERSION_COLUMNS + " FROM modelgov.model_version WHERE status = ?"
                        + " ORDER BY model_id, version_number")
                .param(status.name()).query(JdbcModelRepository::version).list();
    }

    @Override
    public List<ModelVersion> versionsWithPackage() {
        return jdbc.sql("SELECT " + VERSION_COLUMNS + " FROM modelgov.model_version WHERE model_package_arn IS NOT NULL"
                        + " ORDER BY model_id, version_number")
                .query(JdbcModelRepository::version).list();
    }

    private static Map<String, Object> modelParams(Model m) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", m.id());
        p.put("name", m.name());
        p.put("purpose", m.purpose());
        p.put("riskTier", m.riskTier().name());
        p.put("owner", m.owner());
        p.put("ownerTeam", m.ownerTeam());
        p.put("endpointName", m.deployment().endpointName());
        p.put("modelPackageArn", m.deployment().modelPackageArn());
        p.put("intendedUse", m.intendedUse());
        p.put("evaluationDatasetUri", m.evaluationDatasetUri());
        p.put("status", m.status().name());
        p.put("nextReviewDue", m.nextReviewDue());
        p.put("createdBy", m.createdBy());
        p.put("createdAt", utc(m.createdAt()));
        p.put("updatedAt", utc(m.updatedAt()));
        p.put("rowVersion", m.rowVersion());
        p.put("searchText", searchText(m));
        return p;
    }

    private static String searchText(Model m) {
        String text = String.join("\n", m.id(), m.name(), m.purpose(), m.ownerTeam() == null ? "" : m.ownerTeam())
                .toLowerCase(Locale.ROOT);
        return text.length() > 2600 ? text.substring(0, 2600) : text;
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Boolean bool(ResultSet rs, String column) throws SQLException {
        boolean value = rs.getBoolean(column);
        return rs.wasNull() ? null : value;
    }

    private static Model model(ResultSet rs, int row) throws SQLException {
        return new Model(
                rs.getString("id"),
                rs.getString("name"),
                rs.getString("purpose"),
                RiskTier.valueOf(rs.getString("risk_tier")),
                rs.getString("owner"),
                rs.getString("owner_team"),
                new Deployment(rs.getString("endpoint_name"), rs.getString("model_package_arn")),
                rs.getString("intended_use"),
                rs.getString("evaluation_dataset_uri"),
                ModelStatus.valueOf(rs.getString("status")),
                rs.getObject("next_review_due", LocalDate.class),
                rs.getString("created_by"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                rs.getLong("row_version"));
    }

    private static ModelVersion version(ResultSet rs, int row) throws SQLException {
        return new ModelVersion(
                rs.getString("id"),
                rs.getString("model_id"),
                rs.getInt("version_number"),
                rs.getString("label"),
                rs.getString("description"),
                rs.getString("model_package_arn"),
                rs.getString("artifact_uri"),
                rs.getString("evaluation_dataset_uri"),
                new ValidationInputs(rs.getString("analysis_config_uri"), rs.getString("reference_dataset_uri"),
                        rs.getString("current_dataset_uri"), rs.getString("explainability_report_uri"),
                        new SecurityPosture(rs.getString("kms_key_id"), bool(rs, "network_isolation"),
                                bool(rs, "vpc_configured"), bool(rs, "data_capture"),
                                bool(rs, "inter_container_encryption")), rs.getString("validation_pipeline_arn")),
                VersionStatus.valueOf(rs.getString("status")),
                rs.getString("registered_by"),
                instant(rs, "created_at"));
    }
}
