package org.modelgov.documentation.local;

import java.time.Clock;
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

    private final ModelCardTable table;

    JdbcModelCards(JdbcClient jdbc, Clock clock) {
        this.table = new ModelCardTable(jdbc, clock);
    }

    @Override
    public Optional<ModelCard> find(String versionId) {
        return table.find(versionId);
    }

    @Override
    public void saveContent(String versionId, String content) {
        table.saveContent(versionId, content);
    }

    @Override
    public void setStatus(String versionId, ModelCardStatus status) {
        table.setStatus(versionId, status);
    }
}
