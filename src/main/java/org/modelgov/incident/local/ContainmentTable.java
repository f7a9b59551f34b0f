package org.modelgov.incident.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.modelgov.incident.DeploymentControl.Containment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code containment} table: every break-glass with the weights it replaced, in both integration modes, so
 * that it can be undone exactly and a retried containment changes nothing.
 */
@Component
public class ContainmentTable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient jdbc;
    private final Clock clock;

    public ContainmentTable(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(Containment containment, String incidentId, String actor, String reason) {
        jdbc.sql("INSERT INTO modelgov.containment (id, endpoint_name, incident_id, previous_weights, applied_weights,"
                        + " dry_run, applied_by, reason, applied_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(containment.id(), containment.endpointName(), incidentId, json(containment.previousWeights()),
                        json(containment.appliedWeights()), containment.dryRun(), actor, reason, now())
                .update();
    }

    public void markUndone(String containmentId) {
        jdbc.sql("UPDATE modelgov.containment SET undone_at = ? WHERE id = ?").params(now(), containmentId).update();
    }

    /** The latest containment of the endpoint that was really applied (not a dry run) and not undone yet. */
    public Optional<Containment> active(String endpointName) {
        return jdbc.sql("SELECT id, previous_weights, applied_weights FROM modelgov.containment WHERE endpoint_name = ?"
                        + " AND dry_run = FALSE AND undone_at IS NULL ORDER BY applied_at DESC")
                .param(endpointName)
                .query((rs, row) -> new Containment(rs.getString("id"), endpointName, read(rs.getString("previous_weights")),
                        read(rs.getString("applied_weights")), false))
                .list().stream().findFirst();
    }

    private OffsetDateTime now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    private static String json(Map<String, Double> weights) {
        try {
            return JSON.writeValueAsString(weights);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Double> read(String json) {
        try {
            return new LinkedHashMap<>(JSON.readValue(json, new TypeReference<TreeMap<String, Double>>() { }));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable weights " + json, e);
        }
    }
}
