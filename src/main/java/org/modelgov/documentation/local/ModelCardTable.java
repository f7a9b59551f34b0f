package org.modelgov.documentation.local;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.modelgov.documentation.ModelCard;
import org.modelgov.documentation.ModelCardStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code model_card} table: the model cards themselves in local mode, and ModelGov's copy of what it wrote to
 * SageMaker in AWS mode. Each content change is a new revision. Not a bean: each adapter makes its own.
 */
public final class ModelCardTable {

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
        int updated = jdbc.sql("UPDATE modelgov.model_card SET content = ?, card_revision = card_revision + 1,"
                        + " updated_at = ? WHERE version_id = ?")
                .params(content, now(), versionId).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO modelgov.model_card (version_id, status, content, card_revision, updated_at)"
                            + " VALUES (?, ?, ?, 1, ?)")
                    .params(versionId, ModelCardStatus.Draft.name(), content, now()).update();
        }
    }

    public void setStatus(String versionId, ModelCardStatus status) {
        jdbc.sql("UPDATE modelgov.model_card SET status = ?, updated_at = ? WHERE version_id = ?")
                .params(status.name(), now(), versionId).update();
    }

    private OffsetDateTime now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }
}
