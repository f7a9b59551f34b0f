package org.modelgov.incident.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.modelgov.incident.DeploymentControl;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Local mode: an endpoint's traffic weights live in a table. An endpoint never configured serves all
 * traffic from its {@code primary} variant and keeps a {@code fallback} variant at weight 0, the shape a
 * break-glass-ready SageMaker endpoint has.
 */
@Component
@ConditionalOnProperty(name = "modelgov.integration", havingValue = "local", matchIfMissing = true)
class JdbcDeploymentControl implements DeploymentControl {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcDeploymentControl(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Map<String, Double> weights(String endpointName) {
        Map<String, Double> weights = new TreeMap<>();
        jdbc.sql("SELECT variant_name, weight FROM modelgov.endpoint_traffic WHERE endpoint_name = ?")
                .param(endpointName).query(rs -> {
                    weights.put(rs.getString("variant_name"), rs.getDouble("weight"));
                });
        if (weights.isEmpty()) {
            weights.put("primary", 1.0);
            weights.put(FALLBACK_VARIANT, 0.0);
        }
        return weights;
    }

    @Override
    public Containment breakGlass(String endpointName, String incidentId, String actor, String reason, boolean dryRun) {
        Optional<Containment> active = active(endpointName);
        if (active.isPresent() && !dryRun) {
            return active.get(); // already contained: a retried job changes nothing
        }
        Map<String, Double> previous = weights(endpointName);
        Map<String, Double> applied = new TreeMap<>();
        previous.keySet().forEach(variant -> applied.put(variant, 0.0));
        applied.put(FALLBACK_VARIANT, 1.0);
        Containment containment = new Containment(UUID.randomUUID().toString(), endpointName, previous, applied, dryRun);
        jdbc.sql("INSERT INTO modelgov.containment (id, endpoint_name, incident_id, previous_weights, applied_weights,"
                        + " dry_run, applied_by, reason, applied_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(containment.id(), endpointName, incidentId, json(previous), json(applied), dryRun, actor,
                        reason, clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC))
                .update();
        if (!dryRun) {
            write(endpointName, applied);
        }
        return containment;
    }

    @Override
    public Optional<Containment> restore(String endpointName, String actor) {
        Optional<Containment> active = active(endpointName);
        active.ifPresent(c -> {
            write(endpointName, c.previousWeights());
            jdbc.sql("UPDATE modelgov.containment SET undone_at = ? WHERE id = ?")
                    .params(clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC), c.id()).update();
        });
        return active;
    }

    @Override
    public Optional<Containment> active(String endpointName) {
        return jdbc.sql("SELECT id, previous_weights, applied_weights FROM modelgov.containment WHERE endpoint_name = ?"
                        + " AND dry_run = FALSE AND undone_at IS NULL ORDER BY applied_at DESC")
                .param(endpointName)
                .query((rs, row) -> new Containment(rs.getString("id"), endpointName, read(rs.getString("previous_weights")),
                        read(rs.getString("applied_weights")), false))
                .list().stream().findFirst();
    }

    private void write(String endpointName, Map<String, Double> weights) {
        jdbc.sql("DELETE FROM modelgov.endpoint_traffic WHERE endpoint_name = ?").param(endpointName).update();
        weights.forEach((variant, weight) -> jdbc.sql("INSERT INTO modelgov.endpoint_traffic (endpoint_name,"
                + " variant_name, weight) VALUES (?, ?, ?)").params(endpointName, variant, weight).update());
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
