package org.modelgov.documentation.local;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.modelgov.documentation.CardChange;
import org.modelgov.documentation.CardRevision;
import org.modelgov.documentation.ModelCard;
import org.modelgov.documentation.ModelCardStatus;
import org.modelgov.documentation.ModelCards;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Local mode: model cards in ModelGov's database; each change is a new, kept revision. */
@Component
@ConditionalOnProperty(name = "modelgov.integration", havingValue = "local", matchIfMissing = true)
class JdbcModelCards implements ModelCards {

    private final ModelCardTable table;

    JdbcModelCards(JdbcClient jdbc, Clock clock) {
        this.table = new ModelCardTable(jdbc, clock);
    }

    @Override
    public Optional<ModelCard> find(String versionId) {
        return table.find(versionId);
    }

    @Override
    public void saveContent(String versionId, String content, CardChange change) {
        table.saveContent(versionId, content, change);
    }

    @Override
    public void setStatus(String versionId, ModelCardStatus status, CardChange change) {
        table.setStatus(versionId, status, change);
    }

    @Override
    public List<CardRevision> revisions(String versionId) {
        return table.revisions(versionId);
    }

    @Override
    public Optional<CardRevision> revision(String versionId, int revision) {
        return table.revision(versionId, revision);
    }
}
