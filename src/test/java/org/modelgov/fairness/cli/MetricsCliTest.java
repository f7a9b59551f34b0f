package org.modelgov.fairness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsCliTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return MetricsCli.run(args, out, new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String file(String name, String content) throws IOException {
        Path path = dir.resolve(name);
        Files.writeString(path, content);
        return path.toString();
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void biasPrintsTheAnalysisJson() throws IOException {
        String data = file("d.csv", "sex,y\nF,1\nM,0\nM,1\n");
        String config = file("c.json", "{\"label\": \"y\", \"label_values_or_threshold\": [1], "
                + "\"facet\": [{\"name_or_index\": \"sex\", \"value_or_threshold\": [\"F\"]}], "
                + "\"methods\": {\"pre_training_bias\": {\"methods\": [\"CI\"]}}}");
        assertThat(run("bias", "--data", data, "--config", config)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"pre_training_bias_metrics\"", "\"name\" : \"CI\"");
        assertThat(stderr()).isEmpty();
    }

    @Test
    void badInputGivesOneLineAndExitCodeTwo() throws IOException {
        String data = file("d.csv", "sex,y\nF,1\nM,0,9\n");
        String config = file("c.json", "{\"label\": \"y\", \"label_values_or_threshold\": [1], "
                + "\"facet\": [{\"name_or_index\": \"sex\", \"value_or_threshold\": [\"F\"]}]}");
        assertThat(run("bias", "--data", data, "--config", config)).isEqualTo(MetricsCli.EXIT_BAD_INPUT);
        assertThat(stderr()).isEqualTo("modelgov-metrics: row 3: 3 fields but the header has 2 columns" + System.lineSeparator());
    }

    @Test
    void csvCapsComeFromTheServersEnvironmentVariables() throws IOException {
        String data = file("d.csv", "sex,y\nF,1\nM,SECRET-0123456789\n");
        String config = file("c.json", "{\"label\": \"y\", \"label_values_or_threshold\": [1], "
                + "\"facet\": [{\"name_or_index\": \"sex\", \"value_or_threshold\": [\"F\"]}]}");
        int status = MetricsCli.run(new String[] {"bias", "--data", data, "--config", config},
                java.util.Map.of("MODELGOV_DATASETS_LIMITS_MAX_FIELD_SIZE", "10B"), out,
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(MetricsCli.EXIT_BAD_INPUT);
        assertThat(stderr()).isEqualTo("modelgov-metrics: row 3, column 'y': the field is longer than 10 bytes,"
                + " the limit for one CSV field" + System.lineSeparator());
        assertThat(MetricsCli.limits(java.util.Map.of("MODELGOV_DATASETS_LIMITS_MAX_RECORD_SIZE", "4MB",
                "MODELGOV_DATASETS_LIMITS_MAX_TOTAL_SIZE", "2GB")))
                .isEqualTo(new org.modelgov.fairness.data.CsvLimits(4 << 20, 64 << 10, 2000, 2L << 30));
    }

    @Test
    void missingFileIsBadInput() {
        assertThat(run("bias", "--data", dir.resolve("none.csv").toString(), "--config", "x.json")).isEqualTo(MetricsCli.EXIT_BAD_INPUT);
        assertThat(stderr()).startsWith("modelgov-metrics: no such file: ").doesNotContain("Exception").hasLineCount(1);
    }

    @Test
    void emptyDataFileIsBadInput() throws IOException {
        String data = file("d.csv", "");
        String config = file("c.json", "{\"label\": \"y\", \"facet\": [{\"name_or_index\": \"sex\"}]}");
        assertThat(run("bias", "--data", data, "--config", config)).isEqualTo(MetricsCli.EXIT_BAD_INPUT);
        assertThat(stderr()).hasLineCount(1).contains("the CSV file is empty");
    }

    @Test
    void usageErrorsShowTheUsage() {
        assertThat(run("bias", "--data")).isEqualTo(MetricsCli.EXIT_USAGE);
        assertThat(run("frobnicate")).isEqualTo(MetricsCli.EXIT_USAGE);
        assertThat(run()).isEqualTo(MetricsCli.EXIT_USAGE);
        assertThat(stderr()).contains("usage: modelgov-metrics bias --data FILE --config FILE");
    }

    @Test
    void driftAndPerformanceCommandsWork() throws IOException {
        String reference = file("r.csv", "x,c\n1,a\n2,b\n3,a\n");
        String current = file("cur.csv", "x,c\n2,a\n3,a\n4,b\n");
        assertThat(run("drift", "--reference", reference, "--current", current)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"psi\"", "\"ks\"", "\"js\"");
        out.reset();
        String data = file("p.csv", "y,p\n1,1\n0,0\n");
        String config = file("pc.json", "{\"label\": \"y\", \"label_values_or_threshold\": [1], \"predicted_label\": \"p\"}");
        assertThat(run("performance", "--data", data, "--config", config)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"accuracy\" : 1.0");
    }
}
