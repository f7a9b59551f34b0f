package org.modelgov.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modelgov.support.Api;
import org.modelgov.support.ModelGovIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Someone with database access edits, deletes or inserts a sealed audit row: verification finds it. */
@ModelGovIntegrationTest
class AuditTamperIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    Api admin;

    @BeforeEach
    void aSealedEvent() {
        admin = Api.as(port, "admin", "demo");
        assertThat(admin.post("/api/models", "{\"id\": \"TAMPER-" + System.nanoTime() + "\", \"name\": \"t\","
                + " \"purpose\": \"p\"}").status()).isEqualTo(201);
        // the verification seals what is committed: every row below is sealed
        assertThat(verification().path("intact").asBoolean()).isTrue();
    }

    @Test
    void editingASealedEventIsDetectedAtItsChainPosition() {
        long seq = jdbc.sql("SELECT MIN(seq) FROM modelgov.audit_event").query(Long.class).single();
        Map<String, Object> row = row(seq);
        try {
            jdbc.sql("UPDATE modelgov.audit_event SET actor = 'mallory' WHERE seq = ?").param(seq).update();
            JsonNode verification = verification();
            assertThat(verification.path("intact").asBoolean()).isFalse();
            assertThat(verification.path("firstBreak").path("seq").asLong()).isEqualTo((Long) row.get("chain_seq"));
            assertThat(verification.path("firstBreak").path("reason").asText()).contains("#" + seq, "altered");
        } finally {
            jdbc.sql("UPDATE modelgov.audit_event SET actor = ? WHERE seq = ?").params(row.get("actor"), seq).update();
        }
        assertThat(verification().path("intact").asBoolean()).isTrue();
    }

    @Test
    void deletingASealedEventIsDetectedAsMissing() {
        long chainSeq = jdbc.sql("SELECT MAX(chain_seq) FROM modelgov.audit_event").query(Long.class).single() / 2;
        long seq = jdbc.sql("SELECT seq FROM modelgov.audit_event WHERE chain_seq = ?").param(chainSeq)
                .query(Long.class).single();
        Map<String, Object> row = row(seq);
        jdbc.sql("DELETE FROM modelgov.audit_event WHERE seq = ?").param(seq).update();
        try {
            JsonNode verification = verification();
            assertThat(verification.path("intact").asBoolean()).isFalse();
            assertThat(verification.path("firstBreak").path("seq").asLong()).isEqualTo(chainSeq);
            assertThat(verification.path("firstBreak").path("reason").asText()).contains("missing");
        } finally {
            jdbc.sql("INSERT INTO modelgov.audit_event (seq, occurred_at, actor, action, entity_type, entity_id,"
                            + " model_id, details, prev_hash, hash, chain_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(seq, row.get("occurred_at"), row.get("actor"), row.get("action"), row.get("entity_type"),
                            row.get("entity_id"), row.get("model_id"), row.get("details"), row.get("prev_hash"),
                            row.get("hash"), row.get("chain_seq"))
                    .update();
        }
        assertThat(verification().path("intact").asBoolean()).isTrue();
    }

    @Test
    void aRowInsertedPastTheChainHeadIsDetected() {
        long head = jdbc.sql("SELECT last_seq FROM modelgov.audit_chain_head WHERE id = 1").query(Long.class).single();
        // far past the head, so the sealer (which appends at head + 1) does not trip over it meanwhile
        long forged = head + 1_000_000;
        jdbc.sql("INSERT INTO modelgov.audit_event (occurred_at, actor, action, entity_type, entity_id, details,"
                        + " prev_hash, hash, chain_seq) VALUES (CURRENT_TIMESTAMP, 'mallory', 'MODEL_CHANGED', 'MODEL',"
                        + " 'X', '{}', ?, ?, ?)")
                .params("0".repeat(64), "f".repeat(64), forged).update();
        try {
            JsonNode verification = verification();
            assertThat(verification.path("intact").asBoolean()).isFalse();
            assertThat(verification.path("firstBreak").path("seq").asLong()).isEqualTo(forged);
            assertThat(verification.path("firstBreak").path("reason").asText()).contains("inserted");
        } finally {
            jdbc.sql("DELETE FROM modelgov.audit_event WHERE chain_seq = ?").param(forged).update();
        }
        assertThat(verification().path("intact").asBoolean()).isTrue();
    }

    @Test
    void aRowInsertedInsideTheChainBreaksTheLinkOfTheEventsAfterIt() {
        // an inserted row must take a position: here the last one, shifting the real last event one further
        long head = jdbc.sql("SELECT last_seq FROM modelgov.audit_chain_head WHERE id = 1").query(Long.class).single();
        long seq = jdbc.sql("SELECT seq FROM modelgov.audit_event WHERE chain_seq = ?").param(head)
                .query(Long.class).single();
        jdbc.sql("UPDATE modelgov.audit_event SET chain_seq = ? WHERE seq = ?").params(-head, seq).update();
        jdbc.sql("INSERT INTO modelgov.audit_event (occurred_at, actor, action, entity_type, entity_id, details,"
                        + " prev_hash, hash, chain_seq) VALUES (CURRENT_TIMESTAMP, 'mallory', 'MODEL_CHANGED', 'MODEL',"
                        + " 'X', '{}', ?, ?, ?)")
                .params("0".repeat(64), "f".repeat(64), head).update();
        try {
            JsonNode verification = verification();
            assertThat(verification.path("intact").asBoolean()).isFalse();
            assertThat(verification.path("firstBreak").path("seq").asLong()).isEqualTo(head);
        } finally {
            jdbc.sql("DELETE FROM modelgov.audit_event WHERE chain_seq = ? AND actor = 'mallory'").param(head).update();
            jdbc.sql("UPDATE modelgov.audit_event SET chain_seq = ? WHERE seq = ?").params(head, seq).update();
        }
        assertThat(verification().path("intact").asBoolean()).isTrue();
    }

    private JsonNode verification() {
        return admin.get("/api/audit/verification").json();
    }

    private Map<String, Object> row(long seq) {
        Map<String, Object> row = new java.util.HashMap<>(); // column names are upper case on H2
        jdbc.sql("SELECT * FROM modelgov.audit_event WHERE seq = ?").param(seq).query().singleRow()
                .forEach((column, value) -> row.put(column.toLowerCase(java.util.Locale.ROOT), value));
        return row;
    }
}
