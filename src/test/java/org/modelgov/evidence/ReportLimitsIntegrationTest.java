package org.modelgov.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.modelgov.evidence.ReportApiIntegrationTest.BIAS_CONFIG;
import static org.modelgov.evidence.ReportApiIntegrationTest.BIAS_CSV;
import static org.modelgov.evidence.ReportApiIntegrationTest.CURRENT_CSV;
import static org.modelgov.evidence.ReportApiIntegrationTest.REFERENCE_CSV;
import static org.modelgov.evidence.ReportApiIntegrationTest.config;
import static org.modelgov.evidence.ReportApiIntegrationTest.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modelgov.support.Api;
import org.modelgov.support.Api.Part;
import org.modelgov.support.ModelGovIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Inputs beyond the data set caps and a full analysis executor, through HTTP: the status, a problem
 * naming the part and row, no file content in the answer, and nothing saved. The shared test context
 * caps files at 1.5 MB; the other caps are the defaults (1 MiB record, 64 KiB field, 2000 columns).
 */
@ModelGovIntegrationTest
class ReportLimitsIntegrationTest {

    private static final String SECRET = "SECRET-LINE-c41d";

    @LocalServerPort
    int port;

    @Autowired
    ReportAnalyses analyses;

    Api validator;

    @BeforeEach
    void user() {
        validator = Api.as(port, "validator", "demo");
    }

    String newestReportId() {
        JsonNode list = validator.get("/api/reports?limit=1").json();
        return list.isEmpty() ? null : list.get(0).path("id").asText();
    }

    static String columns(String prefix, int count) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < count; i++) {
            line.append(i == 0 ? "" : ",").append(prefix).append(i);
        }
        return line.toString();
    }

    @Test
    void aRecordOverOneMebibyteIs400NamingPartAndRowAndNothingIsSaved() {
        String before = newestReportId();
        String longLine = "M,1," + SECRET + "x".repeat(1 << 20);
        Api.Response response = validator.multipart("/api/reports/bias",
                data(BIAS_CSV.replaceFirst("M,0,0\n", longLine + "\n")), config(BIAS_CONFIG));

        assertThat(response.status()).isEqualTo(400);
        JsonNode problem = response.json();
        assertThat(problem.path("part").asText()).isEqualTo("data");
        assertThat(problem.path("row").asLong()).isEqualTo(6);
        assertThat(problem.path("limit").asText()).isEqualTo("RECORD_BYTES");
        assertThat(response.invalidFields()).containsExactly("data");
        assertThat(problem.path("detail").asText())
                .isEqualTo("data: row 6: the record is longer than 1048576 bytes, the limit for one CSV record");
        assertThat(response.body()).doesNotContain(SECRET);
        assertThat(newestReportId()).as("nothing saved").isEqualTo(before);
    }

    @Test
    void aFieldOverTheCapIs400NamingItsColumn() {
        String before = newestReportId();
        Api.Response response = validator.multipart("/api/reports/bias",
                data(BIAS_CSV.replace("F,1,1\n", "F,1," + SECRET + "x".repeat(64 << 10) + "\n")), config(BIAS_CONFIG));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("row").asLong()).isEqualTo(8);
        assertThat(response.json().path("column").asText()).isEqualTo("yhat");
        assertThat(response.body()).doesNotContain(SECRET);
        assertThat(newestReportId()).as("nothing saved").isEqualTo(before);
    }

    @Test
    void tooManyColumnsIs400NamingTheDriftPartAndRow() {
        String before = newestReportId();
        Api.Response wideHeader = validator.multipart("/api/reports/drift",
                Part.file("reference", "r.csv", columns("c", 2001) + "\n" + columns("1", 2001) + "\n"),
                Part.file("current", "c.csv", CURRENT_CSV));
        assertThat(wideHeader.status()).isEqualTo(400);
        assertThat(wideHeader.json().path("part").asText()).isEqualTo("reference");
        assertThat(wideHeader.json().path("row").asLong()).isEqualTo(1);
        assertThat(wideHeader.json().path("limit").asText()).isEqualTo("COLUMNS");

        Api.Response wideRow = validator.multipart("/api/reports/drift",
                Part.file("reference", "r.csv", REFERENCE_CSV),
                Part.file("current", "c.csv", CURRENT_CSV + columns(SECRET, 2001) + "\n"));
        assertThat(wideRow.status()).isEqualTo(400);
        assertThat(wideRow.json().path("part").asText()).isEqualTo("current");
        assertThat(wideRow.json().path("row").asLong()).isEqualTo(8);
        assertThat(wideRow.invalidFields()).containsExactly("current");
        assertThat(wideRow.body()).doesNotContain(SECRET);
        assertThat(newestReportId()).as("nothing saved").isEqualTo(before);
    }

    @Test
    void aFileOverTheTotalSizeCapIs413AndNothingIsSaved() {
        String before = newestReportId();
        StringBuilder csv = new StringBuilder(BIAS_CSV);
        while (csv.length() <= 1536 * 1024) {
            csv.append(BIAS_CSV, BIAS_CSV.indexOf('\n') + 1, BIAS_CSV.length());
        }
        Api.Response response = validator.multipart("/api/reports/bias", data(csv.toString()), config(BIAS_CONFIG));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().path("part").asText()).isEqualTo("data");
        assertThat(response.json().path("limit").asText()).isEqualTo("TOTAL_BYTES");
        assertThat(response.json().path("detail").asText()).contains("larger than 1572864 bytes");
        assertThat(newestReportId()).as("nothing saved").isEqualTo(before);
    }

    @Test
    void aFullExecutorIs503WithRetryAfterAndTheServerStaysUsable() throws Exception {
        String before = newestReportId();
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService callers = Executors.newFixedThreadPool(analyses.capacity());
        List<Future<Object>> blocked = new ArrayList<>();
        try {
            for (int i = 0; i < analyses.capacity(); i++) {
                blocked.add(callers.submit(() -> analyses.run(() -> release.await(30, TimeUnit.SECONDS))));
            }
            awaitFreeSlots(0);

            Api.Response refused = validator.multipart("/api/reports/bias", data(BIAS_CSV), config(BIAS_CONFIG));
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.retryAfter()).isEqualTo("10");
            assertThat(refused.json().path("detail").asText()).isEqualTo(
                    "The server is computing as many reports as it can at once; try again in 10 seconds");
            assertThat(newestReportId()).as("nothing saved").isEqualTo(before);
        } finally {
            release.countDown();
            for (Future<Object> call : blocked) {
                call.get(30, TimeUnit.SECONDS);
            }
            callers.shutdown();
        }
        awaitFreeSlots(analyses.capacity());
        assertThat(validator.multipart("/api/reports/bias", data(BIAS_CSV), config(BIAS_CONFIG)).status())
                .isEqualTo(201);
    }

    private void awaitFreeSlots(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (analyses.freeSlots() != expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(analyses.freeSlots()).isEqualTo(expected);
    }
}
