package org.modelgov.documentation.local;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.modelgov.documentation.ModelCard;
import org.modelgov.documentation.ModelCardStatus;
import org.modelgov.documentation.ModelCards;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Local mode: model cards in ModelGov's database; each content change is a new revision. */
@Component
@ConditionalOnProperty(name = "modelgov.integration", havingValue = "local", matchIfMissing = true)
class JdbcModelCards implements ModelCards {

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcModelCards(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Optional<ModelCard> find(String versionId) {
        return jdbc.sql("SELECT version_id, status, content, card_revision, updated_at FROM modelgov.model_card"
                        + " WHERE version_id = ?")
                .param(versionId)
                .query((rs, row) -> new ModelCard(rs.getString("version_id"),
                        ModelCardStatus.valueOf(rs.getString("status")), rs.getString("content"),
                        rs.getInt("card_revision"), rs.getObject("updated_at", OffsetDateTime.class).toInstant()))
                .optional();
    }

    @Override
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

    @Override
    public void setStatus(String versionId, ModelCardStatus status) {
        jdbc.sql("UPDATE modelgov.model_card SET status = ?, updated_at = ? WHERE version_id = ?")
                .params(status.name(), now(), versionId).update();
    }

    private OffsetDateTime now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }
}
