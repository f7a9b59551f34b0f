package org.modelgov.documentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.modelgov.documentation.local.ModelCardTable;
import org.modelgov.support.ScratchPostgres;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A database with model cards written before revision history (V14, the last migration before V18 when this was written) migrates to V18: each card is kept as its
 * current revision, and the next change is appended after it. In-memory H2, or a PostgreSQL database of its own
 * when the run has PostgreSQL ({@link ScratchPostgres}).
 */
class ModelCardMigrationTest {

    private static ScratchPostgres scratch;

    @Test
    void existingCardsAreBackfilledAsTheirCurrentRevisionAndTheNextChangeFollows() {
        DataSource database = freshDatabase();
        String schema = ScratchPostgres.available() ? "modelgov" : "MODELGOV";
        Flyway.configure().dataSource(database).schemas(schema).defaultSchema(schema).target("14")
                .locations("classpath:db/migration").load().migrate();
        JdbcClient jdbc = JdbcClient.create(database);
        OffsetDateTime at = Instant.parse("2026-03-01T10:00:00.123456Z").atOffset(ZoneOffset.UTC);
        jdbc.sql("INSERT INTO modelgov.model (id, name, purpose, risk_tier, owner, status, search_text, created_by,"
                        + " created_at, updated_at, row_version) VALUES ('CREDIT-1', 'c', 'p', 'HIGH', 'owner',"
                        + " 'PROPOSED', 'credit-1', 'owner', ?, ?, 0)").params(at, at).update();
        jdbc.sql("INSERT INTO modelgov.model_version (id, model_id, version_number, status, registered_by, created_at)"
                + " VALUES ('CREDIT-1:1', 'CREDIT-1', 1, 'APPROVED', 'owner', ?)").param(at).update();
        jdbc.sql("INSERT INTO modelgov.model_card (version_id, status, content, card_revision, updated_at)"
                + " VALUES ('CREDIT-1:1', 'Approved', '{\"model_overview\":{\"model_name\":\"CREDIT-1\"}}', 3, ?)")
                .param(at).update();

        Flyway.configure().dataSource(database).schemas(schema).defaultSchema(schema)
                .locations("classpath:db/migration").load().migrate();

        ModelCardTable table = new ModelCardTable(jdbc, Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"),
                ZoneOffset.UTC));
        assertThat(table.revisions("CREDIT-1:1")).extracting(CardRevision::revision, CardRevision::status,
                CardRevision::kind, CardRevision::writtenAt, CardRevision::content).containsExactly(
                tuple(3, ModelCardStatus.Approved, "BACKFILL", at.toInstant(),
                        "{\"model_overview\":{\"model_name\":\"CREDIT-1\"}}"));

        table.setStatus("CREDIT-1:1", ModelCardStatus.Archived, new CardChange("approver1", "Archived"));
        table.setStatus("CREDIT-1:1", ModelCardStatus.Archived, new CardChange("approver1", "Archived again"));

        assertThat(table.revisions("CREDIT-1:1")).extracting(CardRevision::revision, CardRevision::status,
                CardRevision::kind, CardRevision::writtenBy).containsExactly(
                tuple(3, ModelCardStatus.Approved, "BACKFILL", null),
                tuple(4, ModelCardStatus.Archived, "STATUS", "approver1"));
        assertThat(table.find("CREDIT-1:1").orElseThrow().revision()).isEqualTo(4);
    }

    /** In-memory H2, or a fresh PostgreSQL database of its own when the run has PostgreSQL. */
    private static DataSource freshDatabase() {
        if (!ScratchPostgres.available()) {
            return new DriverManagerDataSource("jdbc:h2:mem:card-migration-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                    "sa", "");
        }
        scratch = ScratchPostgres.create("modelgov_card_migration");
        return new DriverManagerDataSource(scratch.jdbcUrl(), ScratchPostgres.user(), ScratchPostgres.password());
    }

    @AfterAll
    static void dropScratchDatabase() {
        if (scratch != null) {
            scratch.close();
        }
    }
}
