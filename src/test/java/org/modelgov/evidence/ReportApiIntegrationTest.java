package org.modelgov.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modelgov.support.Api;
import org.modelgov.support.Api.Part;
import org.modelgov.support.ModelGovIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@ModelGovIntegrationTest
class ReportApiIntegrationTest {

    /**
     * Facet d = F (4 rows), a = M (6 rows); label y, prediction yhat, positive = 1.
     * <pre>
     *  M: y = 1 1 1 0 0 0   yhat = 1 1 1 1 0 0   q_a = 3/6, q̂_a = 4/6
     *  F: y = 1 0 0 0       yhat = 1 0 0 0       q_d = 1/4, q̂_d = 1/4
     *  CI   = (n_a - n_d) / n = (6 - 4) / 10      = 0.2
     *  DPL  = q_a - q_d       = 3/6 - 1/4         = 0.25
     *  DPPL = q̂_a - q̂_d       = 4/6 - 1/4         = 5/12 ≈ 0.416667
     *  DI   = q̂_d / q̂_a       = (1/4) / (4/6)     = 0.375  (fails the four-fifths rule)
     * </pre>
     */
    static final String BIAS_CSV = """
            sex,y,yhat
            M,1,1
            M,1,1
            M,1,1
            M,0,1
            M,0,0
            M,0,0
            F,1,1
            F,0,0
            F,0,0
            F,0,0
            """;
    static final String BIAS_CONFIG = """
            {"label": "y", "label_values_or_threshold": [1], "predicted_label": "yhat",
             "facet": [{"name_or_index": "sex", "value_or_threshold": ["F"]}],
             "methods": {"pre_training_bias": {"methods": ["CI", "DPL"]},
                         "post_training_bias": {"methods": ["DPPL", "DI"]}}}""";

    /** TP, FN, FP, TN, TP, TN: accuracy 4/6. */
    static final String PERFORMANCE_CSV = "y,pred,score,sex\n1,1,0.9,M\n1,0,0.4,M\n0,1,0.6,F\n0,0,0.2,F\n1,1,0.8,F\n"
            + "0,0,0.4,M\n";
    static final String PERFORMANCE_CONFIG = """
            {"label": "y", "label_values_or_threshold": [1], "predicted_label": "pred", "score": "score",
             "facet": [{"name_or_index": "sex", "value_or_threshold": ["F"]}]}""";

    static final String REFERENCE_CSV = "x,colour\n1,red\n2,red\n3,blue\n4,blue\n5,red\n6,red\n7,blue\n8,blue\n9,red\n"
            + "10,blue\n";
    /** Every current x lies above the reference's largest: KS = 1. */
    static final String CURRENT_CSV = "x,colour\n11,red\n12,red\n13,red\n14,red\n15,red\n16,green\n";

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    Api validator;
    Api owner;

    @BeforeEach
    void users() {
        validator = Api.as(port, "validator", "demo");
        owner = Api.as(port, "owner", "demo");
    }

    static Part data(String csv) {
        return Part.file("data", "data.csv", csv);
    }

    static Part config(String json) {
        return Part.file("config", "analysis_config.json", json);
    }

    static double metric(JsonNode stage, String name) {
        for (JsonNode m : stage.path("facets").path("sex").get(0).path("metrics")) {
            if (m.path("name").asText().equals(name)) {
                return m.path("value").asDouble();
            }
        }
        throw new AssertionError("no metric " + name + " in " + stage);
    }

    static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    String registerModelWithVersion() {
        String id = "EVID-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        assertThat(owner.post("/api/models", """
                {"id": "%s", "name": "Evidence fixture", "purpose": "Target of evidence report tests"}""".formatted(id))
                .status()).isEqualTo(201);
        assertThat(owner.post("/api/models/" + id + "/versions", "{\"label\": \"v1\"}").status()).isEqualTo(201);
        return id;
    }

    String newestReportId() {
        JsonNode list = validator.get("/api/reports?limit=1").json();
        return list.isEmpty() ? null : list.get(0).path("id").asText();
    }

    @Test
    void biasReportIsComputedWithClarifyDefinitionsStoredAndReadBack() throws Exception {
        Api.Response created = validator.multipart("/api/reports/bias", data(BIAS_CSV), config(BIAS_CONFIG));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode body = created.json();
        String id = body.path("id").asText();
        assertThat(created.location()).isEqualTo("/api/reports/" + id);
        assertThat(body.path("kind").asText()).isEqualTo("BIAS");
        assertThat(body.path("createdBy").asText()).isEqualTo("validator");
        assertThat(body.path("createdAt").asText()).isNotBlank();
        assertThat(body.path("modelId").isNull()).isTrue();
        assertThat(body.path("modelVersionId").isNull()).isTrue();

        JsonNode pre = body.path("report").path("pre_training_bias_metrics");
        JsonNode post = body.path("report").path("post_training_bias_metrics");
        assertThat(pre.path("label").asText()).isEqualTo("y");
        assertThat(metric(pre, "CI")).isCloseTo(0.2, within(1e-12));
        assertThat(metric(pre, "DPL")).isCloseTo(0.25, within(1e-12));
        assertThat(metric(post, "DPPL")).isCloseTo(5.0 / 12, within(1e-12));
        assertThat(metric(post, "DI")).isCloseTo(0.375, within(1e-12));

        // the inputs' hashes let an auditor check the files later
        assertThat(body.path("inputs")).hasSize(2);
        assertThat(body.path("inputs").get(0).path("part").asText()).isEqualTo("config");
        assertThat(body.path("inputs").get(0).path("sha256").asText()).isEqualTo(sha256(BIAS_CONFIG));
        JsonNode dataInput = body.path("inputs").get(1);
        assertThat(dataInput.path("part").asText()).isEqualTo("data");
        assertThat(dataInput.path("filename").asText()).isEqualTo("data.csv");
        assertThat(dataInput.path("bytes").asLong()).isEqualTo(BIAS_CSV.getBytes(StandardCharsets.UTF_8).length);
        assertThat(dataInput.path("sha256").asText()).isEqualTo(sha256(BIAS_CSV));
        assertThat(body.path("config")).isEqualTo(JSON.readTree(BIAS_CONFIG));
        assertThat(body.path("reportSha256").asText()).hasSize(64);

        Api.Response read = Api.as(port, "compliance", "demo").get("/api/reports/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(body);
    }

    @Test
    void theConfigMayBeAPlainFormField() {
        Api.Response created = Api.as(port, "ethics", "demo").multipart("/api/reports/bias", data(BIAS_CSV),
                Part.field("config", BIAS_CONFIG));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(metric(created.json().path("report").path("post_training_bias_metrics"), "DI"))
                .isCloseTo(0.375, within(1e-12));
        assertThat(created.json().path("inputs").get(0).path("filename").isNull()).isTrue();
    }

    @Test
    void performanceReportIsComputed() {
        Api.Response created = validator.multipart("/api/reports/performance", data(PERFORMANCE_CSV),
                config(PERFORMANCE_CONFIG));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode overall = created.json().path("report").path("overall");
        assertThat(created.json().path("kind").asText()).isEqualTo("PERFORMANCE");
        assertThat(overall.path("rows").asInt()).isEqualTo(6);
        assertThat(overall.path("accuracy").asDouble()).isCloseTo(4.0 / 6, within(1e-12));
        // positives 0.9, 0.4, 0.8 vs negatives 0.6, 0.2, 0.4: 7.5 of 9 pairs ordered right
        assertThat(overall.path("auc_roc").asDouble()).isCloseTo(7.5 / 9, within(1e-12));
    }

    @Test
    void driftReportRunsOnDefaultsOrAConfig() throws Exception {
        Api.Response created = validator.multipart("/api/reports/drift",
                Part.file("reference", "reference.csv", REFERENCE_CSV), Part.file("current", "current.csv", CURRENT_CSV));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode body = created.json();
        assertThat(body.path("kind").asText()).isEqualTo("DRIFT");
        assertThat(body.path("config").isNull()).as("no config: the defaults").isTrue();
        assertThat(body.path("report").path("reference_rows").asInt()).isEqualTo(10);
        assertThat(body.path("report").path("current_rows").asInt()).isEqualTo(6);
        JsonNode x = body.path("report").path("features").get(0);
        assertThat(x.path("name").asText()).isEqualTo("x");
        assertThat(x.path("type").asText()).isEqualTo("numeric");
        assertThat(x.path("ks").asDouble()).isEqualTo(1.0);
        assertThat(body.path("report").path("features").get(1).path("type").asText()).isEqualTo("categorical");
        assertThat(body.path("inputs")).extracting(i -> i.path("part").asText())
                .containsExactly("reference", "current");
        assertThat(body.path("inputs").get(1).path("sha256").asText()).isEqualTo(sha256(CURRENT_CSV));

        Api.Response onlyColour = validator.multipart("/api/reports/drift",
                Part.file("reference", "reference.csv", REFERENCE_CSV), Part.file("current", "current.csv", CURRENT_CSV),
                Part.field("config", "{\"features\": [\"colour\"]}"));
        assertThat(onlyColour.status()).as(onlyColour.body()).isEqualTo(201);
        assertThat(onlyColour.json().path("report").path("features")).hasSize(1);
        assertThat(onlyColour.json().path("config").path("features").get(0).asText()).isEqualTo("colour");
    }

    @Test
    void reportsLinkToAModelVersionAreListedNewestFirstAndAudited() {
        String modelId = registerModelWithVersion();
        Api.Response bias = validator.multipart("/api/reports/bias", data(BIAS_CSV), config(BIAS_CONFIG),
                Part.field("modelId", modelId), Part.field("modelVersion", "1"));
        assertThat(bias.status()).as(bias.body()).isEqualTo(201);
        assertThat(bias.json().path("modelId").asText()).isEqualTo(modelId);
        assertThat(bias.json().path("modelVersionId").asText()).isEqualTo(modelId + ":1");
        Api.Response drift = validator.multipart("/api/reports/drift", Part.field("modelId", modelId),
                Part.file("reference", "r.csv", REFERENCE_CSV), Part.file("current", "c.csv", CURRENT_CSV));
        assertThat(drift.status()).as(drift.body()).isEqualTo(201);
        assertThat(drift.json().path("modelVersionId").isNull()).isTrue();

        Api.Response list = Api.as(port, "business", "demo").get("/api/reports?modelId=" + modelId);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json()).extracting(r -> r.path("id").asText())
                .containsExactly(drift.json().path("id").asText(), bias.json().path("id").asText());
        assertThat(list.json().get(0).has("report")).as("metadata only").isFalse();
        assertThat(list.json().get(1).path("reportSha256").asText()).isEqualTo(bias.json().path("reportSha256").asText());
        assertThat(validator.get("/api/reports?modelId=" + modelId + "&kind=drift").json()).hasSize(1);

        List<JsonNode> events = new ArrayList<>();
        validator.get("/api/audit?modelId=" + modelId + "&order=oldest").json().forEach(e -> {
            if (e.path("action").asText().equals("EVIDENCE_REPORT_CREATED")) {
                events.add(e);
            }
        });
        assertThat(events).hasSize(2);
        assertThat(events.get(0).path("entityType").asText()).isEqualTo("EVIDENCE_REPORT");
        assertThat(events.get(0).path("entityId").asText()).isEqualTo(modelId);
        assertThat(events.get(0).path("actor").asText()).isEqualTo("validator");
        assertThat(events.get(0).path("details").asText()).contains(bias.json().path("id").asText())
                .contains(bias.json().path("reportSha256").asText());
        assertThat(validator.get("/api/audit/verification").json().path("intact").asBoolean()).isTrue();
    }

    @Test
    void anUnlinkedReportIsAuditedUnderItsOwnId() {
        Api.Response created = validator.multipart("/api/reports/performance", data(PERFORMANCE_CSV),
                config(PERFORMANCE_CONFIG));
        String id = created.json().path("id").asText();
        JsonNode latest = validator.get("/api/audit?limit=20").json();
        assertThat(latest).anySatisfy(e -> {
            assertThat(e.path("action").asText()).isEqualTo("EVIDENCE_REPORT_CREATED");
            assertThat(e.path("entityId").asText()).isEqualTo(id);
        });
    }

    @Test
    void aLargeReportIsStoredWhole() {
        // one-vs-all on a facet with 400 values: one result per value, several hundred KB of JSON
        StringBuilder csv = new StringBuilder("group,y,yhat\n");
        for (int i = 0; i < 4000; i++) {
            csv.append("g").append(i % 400).append(',').append(i % 3 == 0 ? 1 : 0).append(',')
                    .append(i % 5 == 0 ? 1 : 0).append('\n');
        }
        String config = """
                {"label": "y", "label_values_or_threshold": [1], "predicted_label": "yhat",
                 "facet": [{"name_or_index": "group"}],
                 "methods": {"pre_training_bias": {"methods": ["CI", "DPL", "KL", "JS", "LP", "TVD", "KS"]},
                             "post_training_bias": {"methods": ["DPPL", "DI", "DCA", "DCR", "RD", "SD", "DAR",
                                                                "DRR", "AD", "TE"]}}}""";
        Api.Response created = validator.multipart("/api/reports/bias", data(csv.toString()), config(config));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("report").toString().length()).isGreaterThan(300_000);

        Api.Response read = validator.get(created.location());
        assertThat(read.json().path("report")).isEqualTo(created.json().path("report"));
        assertThat(read.json().path("report").path("post_training_bias_metrics").path("facets").path("group"))
                .hasSize(400);
    }

    @Test
    void missingAndUnknownPartsAreNamed() {
        String before = newestReportId();
        Api.Response nothing = validator.multipart("/api/reports/bias", Part.field("modelVersion", "x"));
        assertThat(nothing.status()).isEqualTo(400);
        assertThat(nothing.invalidFields()).containsExactlyInAnyOrder("data", "config", "modelVersion");
        assertThat(nothing.json().path("errors").get(0).path("message").asText()).contains("multipart");

        Api.Response unknown = validator.multipart("/api/reports/drift", Part.file("reference", "r.csv", REFERENCE_CSV),
                Part.file("curent", "c.csv", CURRENT_CSV));
        assertThat(unknown.invalidFields()).containsExactlyInAnyOrder("current", "curent");

        Api.Response twice = validator.multipart("/api/reports/bias", data(BIAS_CSV), data(BIAS_CSV),
                config(BIAS_CONFIG));
        assertThat(twice.invalidFields()).containsExactly("data");
        assertThat(newestReportId()).as("nothing saved").isEqualTo(before);
    }

    @Test
    void anAbComparisonIsProducedByTheLifecycleAndNeverUploaded() {
        String before = newestReportId();
        for (String path : new String[] {"/api/reports/ab-comparison", "/api/reports/ab_comparison"}) {
            Api.Response refused = validator.multipart(path, data(BIAS_CSV), config(BIAS_CONFIG));
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.invalidFields()).containsExactly("kind");
            assertThat(refused.json().path("errors").get(0).path("message").asText())
                    .contains("produced by the lifecycle's A/B stage");
        }
        assertThat(newestReportId()).as("nothing saved").isEqualTo(before);
        assertThat(validator.get("/api/reports?kind=ab_comparison").status()).isEqualTo(200);
    }

    @Test
    void emptyFilesAre400() {
        Api.Response emptyData = validator.multipart("/api/reports/bias", data(""), config(BIAS_CONFIG));
        assertThat(emptyData.status()).isEqualTo(400);
        assertThat(emptyData.invalidFields()).containsExactly("data");
        assertThat(emptyData.json().path("errors").get(0).path("message").asText()).isEqualTo("is empty");

        Api.Response headerOnly = validator.multipart("/api/reports/bias", data("sex,y,yhat\n"), config(BIAS_CONFIG));
        assertThat(headerOnly.status()).isEqualTo(400);
        assertThat(headerOnly.invalidFields()).containsExactly("data");

        Api.Response emptyCurrent = validator.multipart("/api/reports/drift",
                Part.file("reference", "r.csv", REFERENCE_CSV), Part.file("current", "c.csv", ""));
        assertThat(emptyCurrent.invalidFields()).containsExactly("current");
    }

    @Test
    void malformedConfigIs400NamingTheConfig() {
        for (String bad : new String[] {"{\"label\": ", "not json", "{\"label\": \"y\"} trailing", "[1, 2]", "   "}) {
            Api.Response response = validator.multipart("/api/reports/bias", data(BIAS_CSV), config(bad));
            assertThat(response.status()).as(bad).isEqualTo(400);
            assertThat(response.invalidFields()).as(bad).containsExactly("config");
        }
        Api.Response response = validator.multipart("/api/reports/bias", data(BIAS_CSV), config("{\"label\": "));
        assertThat(response.json().path("errors").get(0).path("message").asText()).contains("not valid JSON")
                .contains("line 1");

        Api.Response huge = validator.multipart("/api/reports/bias", data(BIAS_CSV),
                config("{\"label\": \"" + "y".repeat(1 << 20) + "\"}"));
        assertThat(huge.invalidFields()).containsExactly("config");
        assertThat(huge.json().path("errors").get(0).path("message").asText()).contains("larger than 1024 KB");

        Api.Response unknownMetric = validator.multipart("/api/reports/bias", data(BIAS_CSV),
                config(BIAS_CONFIG.replace("\"DI\"", "\"DIX\"")));
        assertThat(unknownMetric.invalidFields()).containsExactly("config");
        assertThat(unknownMetric.json().path("errors").get(0).path("message").asText()).contains("DIX");

        Api.Response driftConfig = validator.multipart("/api/reports/drift",
                Part.file("reference", "r.csv", REFERENCE_CSV), Part.file("current", "c.csv", CURRENT_CSV),
                Part.field("config", "{\"features\": 3}"));
        assertThat(driftConfig.invalidFields()).containsExactly("config");
    }

    @Test
    void badDataIs400NamingRowAndColumn() {
        Api.Response nonNumber = validator.multipart("/api/reports/performance",
                data(PERFORMANCE_CSV.replace("0.6", "high")), config(PERFORMANCE_CONFIG));
        assertThat(nonNumber.status()).isEqualTo(400);
        assertThat(nonNumber.invalidFields()).containsExactly("data");
        assertThat(nonNumber.json().path("errors").get(0).path("message").asText()).contains("row 4")
                .contains("column 'score'");

        Api.Response ragged = validator.multipart("/api/reports/bias", data(BIAS_CSV.replace("F,1,1", "F,1")),
                config(BIAS_CONFIG));
        assertThat(ragged.invalidFields()).containsExactly("data");
        assertThat(ragged.json().path("errors").get(0).path("message").asText()).contains("row 8");

        Api.Response missingColumn = validator.multipart("/api/reports/bias",
                data(BIAS_CSV.replace("sex,y,yhat", "gender,y,yhat")), config(BIAS_CONFIG));
        assertThat(missingColumn.status()).isEqualTo(400);
        assertThat(missingColumn.json().path("errors").get(0).path("message").asText()).contains("sex");

        Api.Response missingInCurrent = validator.multipart("/api/reports/drift",
                Part.file("reference", "r.csv", REFERENCE_CSV),
                Part.file("current", "c.csv", CURRENT_CSV.replace("colour", "color")));
        assertThat(missingInCurrent.invalidFields()).containsExactly("current");
        assertThat(missingInCurrent.json().path("errors").get(0).path("message").asText()).contains("row 1")
                .contains("colour");
    }

    @Test
    void unknownModelOrVersionIs400AndNothingIsSaved() {
        String before = newestReportId();
        Api.Response unknownModel = validator.multipart("/api/reports/bias", data(BIAS_CSV), config(BIAS_CONFIG),
                Part.field("modelId", "NO-SUCH-MODEL"));
        assertThat(unknownModel.status()).isEqualTo(400);
        assertThat(unknownModel.invalidFields()).containsExactly("modelId");
        assertThat(unknownModel.json().path("errors").get(0).path("message").asText()).contains("NO-SUCH-MODEL");

        String modelId = registerModelWithVersion();
        Api.Response unknownVersion = validator.multipart("/api/reports/bias", data(BIAS_CSV), config(BIAS_CONFIG),
                Part.field("modelId", modelId), Part.field("modelVersion", "7"));
        assertThat(unknownVersion.invalidFields()).containsExactly("modelVersion");
        Api.Response versionWithoutModel = validator.multipart("/api/reports/bias", data(BIAS_CSV),
                config(BIAS_CONFIG), Part.field("modelVersion", "1"));
        assertThat(versionWithoutModel.invalidFields()).containsExactly("modelVersion");
        Api.Response notANumber = validator.multipart("/api/reports/bias", data(BIAS_CSV), config(BIAS_CONFIG),
                Part.field("modelId", modelId), Part.field("modelVersion", "v1"));
        assertThat(notANumber.invalidFields()).containsExactly("modelVersion");

        assertThat(newestReportId()).as("nothing saved").isEqualTo(before);
        assertThat(validator.get("/api/reports?modelId=" + modelId).json()).isEmpty();
    }

    @Test
    void uploadsOverTheLimitAre413() {
        // the tests run with a 2 MB per-file limit (ModelGovIntegrationTest)
        byte[] big = new byte[2 * 1024 * 1024 + 10];
        java.util.Arrays.fill(big, (byte) '1');
        Api.Response response = validator.multipart("/api/reports/bias", Part.file("data", "big.csv", big),
                config(BIAS_CONFIG));
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().path("detail").asText()).contains("too large").contains("2 MB");
    }

    @Test
    void aBodyThatIsNotMultipartIs415() {
        Api.Response response = validator.post("/api/reports/bias", BIAS_CONFIG);
        assertThat(response.status()).isEqualTo(415);
        assertThat(response.json().path("detail").asText()).contains("multipart/form-data");
    }

    @Test
    void anonymousIs401() {
        assertThat(Api.anonymous(port).get("/api/reports").status()).isEqualTo(401);
        assertThat(Api.anonymous(port).multipart("/api/reports/bias", data(BIAS_CSV), config(BIAS_CONFIG)).status())
                .isEqualTo(401);
    }

    @Test
    void onlyReviewingRolesCreateReports() {
        Api.Response business = Api.as(port, "business", "demo").multipart("/api/reports/bias", data(BIAS_CSV),
                config(BIAS_CONFIG));
        assertThat(business.status()).isEqualTo(403);
        assertThat(business.json().path("detail").asText()).contains("evidence reports");
        assertThat(Api.as(port, "compliance", "demo").multipart("/api/reports/drift",
                Part.file("reference", "r.csv", REFERENCE_CSV), Part.file("current", "c.csv", CURRENT_CSV)).status())
                .isEqualTo(403);
        for (String user : new String[] {"risk", "admin"}) {
            assertThat(Api.as(port, user, "demo").multipart("/api/reports/bias", data(BIAS_CSV), config(BIAS_CONFIG))
                    .status()).as(user).isEqualTo(201);
        }
    }

    @Test
    void unknownReportIs404AndBadListParametersAre400() {
        assertThat(validator.get("/api/reports/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(validator.get("/api/reports?kind=fairness").invalidFields()).containsExactly("kind");
        assertThat(validator.get("/api/reports?limit=0").invalidFields()).containsExactly("limit");
        assertThat(validator.get("/api/reports?limit=ten").invalidFields()).containsExactly("limit");
    }
}
