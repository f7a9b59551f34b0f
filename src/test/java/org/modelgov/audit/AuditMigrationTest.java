package org.modelgov.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.modelgov.support.ScratchPostgres;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A database at V13 with a chained audit log migrates to sealing (V14, V15): old events keep their hashes at
 * their old positions, get their model, and new events are numbered and chained after them. In-memory H2, or a
 * fresh PostgreSQL database of its own when the run has PostgreSQL ({@link ScratchPostgres}).
 */
class AuditMigrationTest {

    private static final String REPORT_WITHOUT_MODEL = UUID.randomUUID().toString();

    @Test
    void aV13AuditLogMigratesWithItsChainIntactAndNewEventsChainAfterIt() {
        DataSource database = freshDatabase();
        String schema = isPostgres() ? "modelgov" : "MODELGOV";
        Flyway.configure().dataSource(database).schemas(schema).defaultSchema(schema).target("13")
                .locations("classpath:db/migration").load().migrate();
        JdbcClient jdbc = JdbcClient.create(database);
        Instant at = Instant.parse("2026-03-01T10:00:00.123456Z");
        jdbc.sql("INSERT INTO modelgov.model (id, name, purpose, risk_tier, owner, status, search_text, created_by,"
                        + " created_at, updated_at, row_version) VALUES ('CREDIT-1', 'c', 'p', 'HIGH', 'owner',"
                        + " 'PROPOSED', 'credit-1', 'owner', ?, ?, 0)")
                .params(at.atOffset(ZoneOffset.UTC), at.atOffset(ZoneOffset.UTC)).update();
        List<String[]> v13Events = List.of(
                new String[] {"MODEL", "CREDIT-1"},
                new String[] {"MODEL_VERSION", "CREDIT-1:1"},
                new String[] {"INCIDENT", "CREDIT-1:INC-1"},
                new String[] {"EVIDENCE_REPORT", "CREDIT-1"},
                new String[] {"EVIDENCE_REPORT", REPORT_WITHOUT_MODEL},
                new String[] {"ENGINE", "CREDIT-1"});
        String prev = AuditHashChain.GENESIS;
        long seq = 0;
        for (String[] entity : v13Events) {
            seq++;
            // what V13's record() stored: seq was the id and the chain position
            String hash = AuditHashChain.hash(seq, at, "owner", "PROBE", entity[0], entity[1], "{}", prev);
            jdbc.sql("INSERT INTO modelgov.audit_event (seq, occurred_at, actor, action, entity_type, entity_id,"
                            + " details, prev_hash, hash) VALUES (?, ?, 'owner', 'PROBE', ?, ?, '{}', ?, ?)")
                    .params(seq, at.atOffset(ZoneOffset.UTC), entity[0], entity[1], prev, hash).update();
            prev = hash;
        }
        jdbc.sql("UPDATE modelgov.audit_chain_head SET last_seq = ?, last_hash = ? WHERE id = 1").params(seq, prev)
                .update();

        Flyway.configure().dataSource(database).schemas(schema).defaultSchema(schema)
                .locations("classpath:db/migration").load().migrate();

        assertThat(jdbc.sql("SELECT COUNT(*) FROM modelgov.audit_event WHERE chain_seq = seq").query(Long.class)
                .single()).isEqualTo(6);
        assertThat(jdbc.sql("SELECT model_id FROM modelgov.audit_event ORDER BY seq")
                .query((rs, n) -> String.valueOf(rs.getString(1))).list())
                .containsExactly("CREDIT-1", "CREDIT-1", "CREDIT-1", "CREDIT-1", "null", "null");

        DataSourceTransactionManager transactions = new DataSourceTransactionManager(database);
        JdbcAuditTrail trail = new JdbcAuditTrail(jdbc, database, new ObjectMapper(), Clock.systemUTC());
        AuditSealer sealer = new AuditSealer(trail, transactions);
        AuditLog log = new AuditLog(trail, sealer, transactions, Clock.systemUTC());
        AuditLog.Verification migrated = log.verify();
        assertThat(migrated.intact()).as(String.valueOf(migrated.firstBreak())).isTrue();
        assertThat(migrated.verifiedUpTo()).isEqualTo(6);

        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            trail.record("owner", "MODEL_CHANGED", "MODEL", "CREDIT-1", Map.of("purpose", "new"));
            trail.record("owner", "MODEL_VERSION_REGISTERED", "MODEL_VERSION", "CREDIT-1:2", Map.of());
        });
        AuditLog.Verification extended = log.verify();

        assertThat(extended.intact()).as(String.valueOf(extended.firstBreak())).isTrue();
        assertThat(extended.verifiedUpTo()).isEqualTo(8);
        List<AuditEvent> credit = log.forModel("CREDIT-1");
        assertThat(credit).extracting(AuditEvent::seq).containsExactly(1L, 2L, 3L, 4L, 7L, 8L);
        assertThat(credit).extracting(AuditEvent::chainSeq).containsExactly(1L, 2L, 3L, 4L, 7L, 8L);
        assertThat(credit.get(4).prevHash()).as("the first new event links to the last old one")
                .isEqualTo(jdbc.sql("SELECT hash FROM modelgov.audit_event WHERE seq = 6").query(String.class).single());
    }

    private static ScratchPostgres scratch;

    private static boolean isPostgres() {
        return ScratchPostgres.available();
    }

    /** In-memory H2, or a fresh PostgreSQL database of its own when the run has PostgreSQL. */
    private static DataSource freshDatabase() {
        if (!isPostgres()) {
            return new DriverManagerDataSource("jdbc:h2:mem:audit-migration-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                    "sa", "");
        }
        scratch = ScratchPostgres.create("modelgov_audit_migration");
        return new DriverManagerDataSource(scratch.jdbcUrl(), ScratchPostgres.user(), ScratchPostgres.password());
    }

    @AfterAll
    static void dropScratchDatabase() {
        if (scratch != null) {
            scratch.close();
        }
    }
}
