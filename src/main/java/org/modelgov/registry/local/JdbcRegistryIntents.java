package org.modelgov.registry.local;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.modelgov.registry.RegistryIntents;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Registry decisions in ModelGov's database, in both modes. */
@Repository
class JdbcRegistryIntents implements RegistryIntents {

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcRegistryIntents(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void record(Intent intent) {
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
        int updated = jdbc.sql("UPDATE modelgov.registry_intent SET decision = ?, description = ?,"
                        + " decided_by = ?, decided_at = ? WHERE version_id = ?")
                .params(intent.decision().name(), cut(intent.description(), 1024), cut(intent.decidedBy(), 256), now,
                        intent.versionId()).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO modelgov.registry_intent (version_id, decision, description, decided_by,"
                            + " decided_at) VALUES (?, ?, ?, ?, ?)")
                    .params(intent.versionId(), intent.decision().name(), cut(intent.description(), 1024),
                            cut(intent.decidedBy(), 256), now).update();
        }
    }

    @Override
    public Optional<Intent> find(String versionId) {
        return jdbc.sql("SELECT version_id, decision, description, decided_by FROM modelgov.registry_intent"
                        + " WHERE version_id = ?").param(versionId)
                .query((rs, n) -> new Intent(rs.getString(1), RegistryIntents.Decision.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getString(4))).optional();
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
