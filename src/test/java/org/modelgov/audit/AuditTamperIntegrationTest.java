package org.modelgov.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.modelgov.support.Api;
import org.modelgov.support.ModelGovIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Someone with database access edits an audit row: verification finds it. */
@ModelGovIntegrationTest
class AuditTamperIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void editingAStoredEventIsDetected() {
        Api admin = Api.as(port, "admin", "demo");
        assertThat(admin.post("/api/models", "{\"id\": \"TAMPER-" + System.nanoTime() + "\", \"name\": \"t\","
                + " \"purpose\": \"p\"}").status()).isEqualTo(201);
        long seq = jdbc.sql("SELECT MIN(seq) FROM modelgov.audit_event").query(Long.class).single();
        String actor = jdbc.sql("SELECT actor FROM modelgov.audit_event WHERE seq = ?").param(seq)
                .query(String.class).single();
        try {
            jdbc.sql("UPDATE modelgov.audit_event SET actor = 'mallory' WHERE seq = ?").param(seq).update();
            var verification = admin.get("/api/audit/verification").json();
            assertThat(verification.path("intact").asBoolean()).isFalse();
            assertThat(verification.path("firstBreak").path("seq").asLong()).isEqualTo(seq);
        } finally {
            jdbc.sql("UPDATE modelgov.audit_event SET actor = ? WHERE seq = ?").params(actor, seq).update();
        }
        assertThat(admin.get("/api/audit/verification").json().path("intact").asBoolean()).isTrue();
    }
}
