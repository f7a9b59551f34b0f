package org.modelgov.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.modelgov.support.Api;
import org.modelgov.support.ModelGovIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The model filter (reassessments' forModel, GET /api/audit?modelId=) is equality on the event's model: a '_' or
 * '%' in a model id is not a wildcard that reaches another model's events.
 */
@ModelGovIntegrationTest
class AuditModelFilterIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    AuditTrail trail;
    @Autowired
    AuditLog log;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void wildcardCharactersInAModelIdMatchOnlyThemselves() {
        String r = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
        String underscore = "W" + r + "_1";
        String percent = "P" + r + "%";
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            for (String model : List.of(underscore, "W" + r + "X1", percent, "P" + r + "AB")) {
                trail.record("owner", "MODEL_REGISTERED", "MODEL", model, Map.of());
                trail.record("owner", "MODEL_VERSION_REGISTERED", "MODEL_VERSION", model + ":1", Map.of());
                trail.record("responder", "INCIDENT_OPENED", "INCIDENT", model + ":INC-1", Map.of());
            }
        });

        assertThat(log.forModel(underscore)).extracting(AuditEvent::entityId)
                .containsExactly(underscore, underscore + ":1", underscore + ":INC-1");
        assertThat(log.forModel(percent)).extracting(AuditEvent::entityId)
                .containsExactly(percent, percent + ":1", percent + ":INC-1");

        Api compliance = Api.as(port, "compliance", "demo");
        assertThat(entityIds(compliance.get("/api/audit?order=oldest&modelId=" + encode(underscore)).json()))
                .containsExactly(underscore, underscore + ":1", underscore + ":INC-1");
        assertThat(entityIds(compliance.get("/api/audit?order=oldest&modelId=" + encode(percent)).json()))
                .containsExactly(percent, percent + ":1", percent + ":INC-1");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static List<String> entityIds(JsonNode events) {
        List<String> ids = new ArrayList<>();
        events.forEach(e -> ids.add(e.path("entityId").asText()));
        return ids;
    }
}
