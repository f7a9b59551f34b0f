package org.modelgov.documentation.local;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.modelgov.documentation.CardChange;
import org.modelgov.documentation.CardRevision;
import org.modelgov.documentation.ModelCard;
import org.modelgov.documentation.ModelCardStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code model_card} table (the current card) and {@code model_card_revision} (every revision, kept): the
 * model cards themselves in local mode, and ModelGov's copy of what it wrote to SageMaker in AWS mode. Each change
 * of content or status bumps {@code card_revision} and appends that revision, in the caller's transaction. Not a
 * bean: each adapter makes its own.
 */
public final class ModelCardTable {

    private static final String REVISION_COLUMNS =
            "version_id, revision, status, content, change_kind, written_at, written_by, step";

    private final JdbcClient jdbc;
    private final Clock clock;

    public ModelCardTable(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<ModelCard> find(String versionId) {
        return jdbc.sql("SELECT version_id, status, content, card_revision, updated_at FROM modelgov.model_card"
                        + " WHERE version_id = ?")
                .param(versionId)
                .query((rs, row) -> new ModelCard(rs.getString("version_id"),
                        ModelCardStatus.valueOf(rs.getString("status")), rs.getString("content"),
                        rs.getInt("card_revision"), rs.getObject("updated_at", OffsetDateTime.class).toInstant()))
                .optional();
    }

    /** Writes the content as a new revision, or inserts the card as a Draft at revision 1. */
    public void saveContent(String versionId, String content) {
        saveContent(versionId, content, CardChange.UNKNOWN);
    }

    public void saveContent(String versionId, String content, CardChange change) {
        // the UPDATE locks the card's row: concurrent writers of one card get consecutive revision numbers
        int updated = jdbc.sql("UPDATE modelgov.model_card SET content = ?, card_revision = card_revision + 1,"
                        + " updated_at = ? WHERE version_id = ?")
                .params(content, now(), versionId).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO modelgov.model_card (version_id, status, content, card_revision, updated_at)"
                            + " VALUES (?, ?, ?, 1, ?)")
                    .params(versionId, ModelCardStatus.Draft.name(), content, now()).update();
        }
        keep(versionId, "CONTENT", change);
    }

    public void setStatus(String versionId, ModelCardStatus status) {
        setStatus(versionId, status, CardChange.UNKNOWN);
    }

    /** Moves the card to {@code status} as a new revision; a card that already has it is left as it is. */
    public void setStatus(String versionId, ModelCardStatus status, CardChange change) {
        int updated = jdbc.sql("UPDATE modelgov.model_card SET status = ?, card_revision = card_revision + 1,"
                        + " updated_at = ? WHERE version_id = ? AND status <> ?")
                .params(status.name(), now(), versionId, status.name()).update();
        if (updated > 0) {
            keep(versionId, "STATUS", change);
        }
    }

    /** Every revision of the version's card, oldest first. */
    public List<CardRevision> revisions(String versionId) {
        return jdbc.sql("SELECT " + REVISION_COLUMNS + " FROM modelgov.model_card_revision WHERE version_id = ?"
                        + " ORDER BY revision")
                .param(versionId).query((rs, row) -> revision(rs)).list();
    }

    public Optional<CardRevision> revision(String versionId, int revision) {
        return jdbc.sql("SELECT " + REVISION_COLUMNS + " FROM modelgov.model_card_revision"
                        + " WHERE version_id = ? AND revision = ?")
                .params(versionId, revision).query((rs, row) -> revision(rs)).optional();
    }

    /** Appends the card as it now stands (its new revision) to the history. */
    private void keep(String versionId, String kind, CardChange change) {
        CardChange by = change == null ? CardChange.UNKNOWN : change;
        jdbc.sql("INSERT INTO modelgov.model_card_revision (" + REVISION_COLUMNS + ")"
                        + " SELECT version_id, card_revision, status, content, ?, updated_at, ?, ?"
                        + " FROM modelgov.model_card WHERE version_id = ?")
                .params(kind, clip(by.by()), clip(by.step()), versionId).update();
    }

    private static CardRevision revision(ResultSet rs) throws SQLException {
        return new CardRevision(rs.getString("version_id"), rs.getInt("revision"),
                ModelCardStatus.valueOf(rs.getString("status")), rs.getString("content"), rs.getString("change_kind"),
                rs.getObject("written_at", OffsetDateTime.class).toInstant(), rs.getString("written_by"),
                rs.getString("step"));
    }

    private static String clip(String text) {
        return text == null || text.length() <= 200 ? text : text.substring(0, 199) + "…";
    }

    private OffsetDateTime now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }
}
