package org.modelgov.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ZIP writer digests what it streams, refuses a path twice; names built from ids stay one safe segment. */
class ExportZipTest {

    @Test
    void eachEntrysSizeAndSha256AreThoseOfItsBytes() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ExportZip zip = new ExportZip(out, Instant.parse("2026-12-02T08:00:00Z"))) {
            zip.add("a.txt", "hello");
            zip.add("dir/b.bin", o -> {
                o.write(1);
                o.write(new byte[] {2, 3, 4}, 1, 2);
                o.close(); // a careless writer must not close the ZIP
            });
            zip.add("c.json", "{}".getBytes(StandardCharsets.UTF_8));
            assertThat(zip.entries()).extracting(ExportZip.Entry::path).containsExactly("a.txt", "dir/b.bin", "c.json");
            assertThat(zip.entries().get(0).size()).isEqualTo(5);
            assertThat(zip.entries().get(0).sha256())
                    .isEqualTo("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
            assertThat(zip.entries().get(1).size()).isEqualTo(3);
            assertThat(zip.entries().get(1).sha256()).isEqualTo(OfflineVerifier.sha256(new byte[] {1, 3, 4}));
        }
        Map<String, byte[]> files = OfflineVerifier.unzip(out.toByteArray());
        assertThat(files.keySet()).containsExactly("a.txt", "dir/b.bin", "c.json");
        assertThat(files.get("dir/b.bin")).containsExactly(1, 3, 4);
    }

    @Test
    void aPathIsWrittenOnce() throws IOException {
        try (ExportZip zip = new ExportZip(new ByteArrayOutputStream(), Instant.EPOCH)) {
            zip.add("x.json", "1");
            assertThatThrownBy(() -> zip.add("x.json", "2")).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("x.json");
        }
    }

    @Test
    void thePartsFilesAreAddedUnderTheirPathsButNeverOverTheExportsOwn() throws IOException {
        AuditorExportPart cards = modelId -> List.of(
                new ExportFile("model-cards/" + modelId + "-v1.pdf", "application/pdf", new byte[] {37, 80}),
                new ExportFile("model-cards/" + modelId + "-v1.json", "application/json", "{}".getBytes()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ExportZip zip = new ExportZip(out, Instant.EPOCH)) {
            AuditorExports.writeParts(List.of(cards), "CREDIT-1", zip);
            assertThat(zip.entries()).extracting(ExportZip.Entry::path)
                    .containsExactly("model-cards/CREDIT-1-v1.pdf", "model-cards/CREDIT-1-v1.json");
            assertThat(zip.entries().get(0).sha256()).isEqualTo(OfflineVerifier.sha256(new byte[] {37, 80}));
        }
        for (String own : List.of("manifest.json", "README.md", "verify.py", "audit/events.jsonl",
                "evidence/BIAS-x.json", "decisions/decisions.json")) {
            AuditorExportPart rogue = modelId -> List.of(new ExportFile(own, "text/plain", new byte[0]));
            try (ExportZip zip = new ExportZip(new ByteArrayOutputStream(), Instant.EPOCH)) {
                assertThatThrownBy(() -> AuditorExports.writeParts(List.of(rogue), "CREDIT-1", zip))
                        .as(own).isInstanceOf(IllegalStateException.class).hasMessageContaining(own);
            }
        }
    }

    @Test
    void idsBecomeOneSafeSegment() {
        assertThat(ExportNames.segment("CREDIT-1")).isEqualTo("CREDIT-1");
        assertThat(ExportNames.segment("3f0c8a52-9a1e-4c1b-8f0e-0a1b2c3d4e5f"))
                .isEqualTo("3f0c8a52-9a1e-4c1b-8f0e-0a1b2c3d4e5f");
        assertThat(ExportNames.segment("../../etc/passwd")).isEqualTo("_.._etc_passwd");
        assertThat(ExportNames.segment("..")).isEqualTo("_");
        assertThat(ExportNames.segment("a/b\\c:d e")).isEqualTo("a_b_c_d_e");
        assertThat(ExportNames.segment(null)).isEqualTo("_");
        assertThat(ExportNames.segment("x".repeat(300))).hasSize(100);
    }
}
