package org.modelgov.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modelgov.support.Api;
import org.modelgov.support.ModelGovIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** GET /api/audit filters and pages; /api/audit/export streams CSV and JSON; bad input is a 400 naming the field. */
@ModelGovIntegrationTest
class AuditApiIntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    AuditTrail trail;
    @Autowired
    PlatformTransactionManager transactionManager;

    Api owner;
    Api compliance;
    String modelId;

    @BeforeEach
    void threeEventsOfOneModel() {
        owner = Api.as(port, "owner", "demo");
        compliance = Api.as(port, "compliance", "demo");
        modelId = "AUDIT-Q-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        assertThat(owner.post("/api/models", "{\"id\": \"" + modelId + "\", \"name\": \"Audit probe\","
                + " \"purpose\": \"Proves the audit filters\"}").status()).isEqualTo(201);
        assertThat(owner.patch("/api/models/" + modelId, "{\"purpose\": \"Proves the audit filters, again\"}")
                .status()).isEqualTo(200);
        assertThat(owner.post("/api/models/" + modelId + "/versions", "{\"label\": \"1.0.0\"}").status())
                .isEqualTo(201);
    }

    @Test
    void filtersByModelUserActionAndDayNewestFirst() {
        JsonNode all = compliance.get("/api/audit?modelId=" + modelId).json();
        assertThat(actions(all)).containsExactly("MODEL_VERSION_REGISTERED", "MODEL_CHANGED", "MODEL_REGISTERED");
        assertThat(all.get(0).path("entityId").asText()).isEqualTo(modelId + ":1");

        assertThat(actions(compliance.get("/api/audit?modelId=" + modelId + "&action=model_changed").json()))
                .containsExactly("MODEL_CHANGED");
        assertThat(compliance.get("/api/audit?modelId=" + modelId + "&user=owner").json()).hasSize(3);
        assertThat(compliance.get("/api/audit?modelId=" + modelId + "&user=validator").json()).isEmpty();

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(compliance.get("/api/audit?modelId=" + modelId + "&from=" + today + "&to=" + today).json())
                .as("both days are included").hasSize(3);
        assertThat(compliance.get("/api/audit?modelId=" + modelId + "&to=" + today.minusDays(1)).json()).isEmpty();
        assertThat(compliance.get("/api/audit?modelId=" + modelId + "&from=" + today.plusDays(1)).json()).isEmpty();
        // a model id is not a prefix of another model's id: "X" does not match "X-2"
        assertThat(compliance.get("/api/audit?modelId=" + modelId.substring(0, modelId.length() - 1)).json())
                .isEmpty();
    }

    @Test
    void pagesCarryTheTotalCount() throws Exception {
        HttpResponse<String> first = get("/api/audit?modelId=" + modelId + "&size=2&page=0");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("X-Total-Count")).hasValue("3");
        assertThat(actions(JSON.readTree(first.body()))).containsExactly("MODEL_VERSION_REGISTERED", "MODEL_CHANGED");
        HttpResponse<String> second = get("/api/audit?modelId=" + modelId + "&size=2&page=1");
        assertThat(actions(JSON.readTree(second.body()))).containsExactly("MODEL_REGISTERED");
        assertThat(second.headers().firstValue("X-Page")).hasValue("1");
        assertThat(actions(compliance.get("/api/audit?modelId=" + modelId + "&order=oldest&size=1").json()))
                .containsExactly("MODEL_REGISTERED");
    }

    @Test
    void badFiltersAreA400NamingEachField() {
        assertThat(compliance.get("/api/audit?from=2026-13-01").status()).isEqualTo(400);
        assertThat(compliance.get("/api/audit?from=2026-13-01&to=yesterday&size=0").invalidFields())
                .containsExactlyInAnyOrder("from", "to", "size");
        assertThat(compliance.get("/api/audit?size=501").invalidFields()).containsExactly("size");
        assertThat(compliance.get("/api/audit?page=-1").invalidFields()).containsExactly("page");
        assertThat(compliance.get("/api/audit?from=2026-02-02&to=2026-02-01").invalidFields()).containsExactly("from");
        assertThat(compliance.get("/api/audit?order=sideways").invalidFields()).containsExactly("order");
        Api.Response xml = compliance.get("/api/audit/export?format=xml");
        assertThat(xml.status()).isEqualTo(400);
        assertThat(xml.invalidFields()).containsExactly("format");
        assertThat(compliance.get("/api/audit/export?format=csv&from=01/02/2026").invalidFields())
                .containsExactly("from");
        assertThat(Api.anonymous(port).get("/api/audit/export").status()).isEqualTo(401);
    }

    @Test
    void theCsvExportQuotesAndDefusesFormulas() throws Exception {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("note", "said \"hi\", then left\nfor good");
        new TransactionTemplate(transactionManager).executeWithoutResult(tx -> trail.record("=HYPERLINK(\"http://evil\")", "PROBE_RECORDED", "MODEL",
                modelId, details));

        HttpResponse<String> csv = get("/api/audit/export?format=csv&modelId=" + modelId);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
                .matches("attachment; filename=\"audit-trail-\\d{8}T\\d{6}Z\\.csv\"");
        String body = csv.body();
        assertThat(body).startsWith(AuditExport.CSV_HEADER + "\r\n");
        List<List<String>> rows = parseCsv(body);
        assertThat(rows).hasSize(5).as("header and four events");
        List<String> probe = rows.get(1);
        assertThat(probe.get(2)).as("a formula is prefixed with a quote").isEqualTo("'=HYPERLINK(\"http://evil\")");
        assertThat(probe.get(3)).isEqualTo("PROBE_RECORDED");
        assertThat(JSON.readTree(probe.get(6)).path("note").asText()).isEqualTo("said \"hi\", then left\nfor good");
        assertThat(body).contains("\"'=HYPERLINK(\"\"http://evil\"\")\"");
        assertThat(rows.get(4).get(3)).isEqualTo("MODEL_REGISTERED");

        assertThat(AuditExport.csvCell("-2+3")).isEqualTo("'-2+3");
        assertThat(AuditExport.csvCell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(AuditExport.csvCell("+1")).isEqualTo("'+1");
        assertThat(AuditExport.csvCell("plain")).isEqualTo("plain");
        assertThat(AuditExport.csvCell("a,b")).isEqualTo("\"a,b\"");
    }

    @Test
    void theJsonExportHasEveryMatchingEventWithItsHash() throws Exception {
        HttpResponse<String> json = get("/api/audit/export?format=json&modelId=" + modelId + "&action=MODEL_CHANGED");
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.headers().firstValue("Content-Disposition").orElseThrow()).contains(".json");
        JsonNode events = JSON.readTree(json.body());
        assertThat(actions(events)).containsExactly("MODEL_CHANGED");
        assertThat(events.get(0).path("hash").asText()).hasSize(64);
        assertThat(events.get(0).path("chainSeq").isIntegralNumber()).as("sealed before the export").isTrue();
        assertThat(events.get(0).path("occurredAt").asText()).endsWith("Z");

        HttpResponse<String> everything = get("/api/audit/export?format=json&modelId=" + modelId);
        assertThat(JSON.readTree(everything.body())).hasSize(3);
        assertThat(compliance.get("/api/audit/verification").json().path("intact").asBoolean()).isTrue();
    }

    private HttpResponse<String> get(String path) throws Exception {
        String token = Base64.getEncoder().encodeToString("compliance:demo".getBytes(StandardCharsets.UTF_8));
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> actions(JsonNode events) {
        List<String> actions = new java.util.ArrayList<>();
        events.forEach(e -> actions.add(e.path("action").asText()));
        return actions;
    }

    /** A small RFC 4180 reader, so the test checks quoting independently of the writer. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new java.util.ArrayList<>();
        List<String> row = new java.util.ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new java.util.ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        return rows;
    }
}
