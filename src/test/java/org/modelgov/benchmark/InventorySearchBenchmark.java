package org.modelgov.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.modelgov.support.Api;
import org.modelgov.support.ModelGovIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Load driver for the inventory search at 100,000 models: seeds the table, then times each kind of
 * query through the real HTTP API and writes percentiles to target/bench/inventory-search.md.
 * Not part of the normal test run (it seeds 100,000 rows): {@code bin/bench-inventory} runs it,
 * on H2 or, with the PostgreSQL variables set, on PostgreSQL.
 */
@ModelGovIntegrationTest
@EnabledIfSystemProperty(named = "modelgov.benchmarks", matches = "true")
class InventorySearchBenchmark {

    private static final int MODELS = 100_000;
    private static final int WARMUP = 20;
    private static final int MEASURED = 200;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void searchAt100kModels() throws IOException {
        seed();
        Api api = Api.as(port, "compliance", "demo");
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("first page, default sort", "/api/models");
        queries.put("riskTier=HIGH", "/api/models?riskTier=HIGH");
        queries.put("status=IN_PRODUCTION&riskTier=HIGH", "/api/models?status=IN_PRODUCTION&riskTier=HIGH");
        queries.put("owner=user-42", "/api/models?owner=user-42");
        queries.put("q=fraud (free text)", "/api/models?q=fraud");
        queries.put("sort=updatedAt,desc page 50", "/api/models?sort=updatedAt,desc&page=50");
        queries.put("deep page 4000", "/api/models?page=4000&size=20");

        StringBuilder report = new StringBuilder("# Inventory search at " + MODELS + " models\n\n"
                + "Database: " + jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName())
                + "; " + MEASURED + " requests per query after " + WARMUP + " warm-up, through HTTP on loopback.\n\n"
                + "| query | p50 ms | p95 ms | max ms |\n|---|---|---|---|\n");
        for (var query : queries.entrySet()) {
            for (int i = 0; i < WARMUP; i++) {
                assertThat(api.get(query.getValue()).status()).isEqualTo(200);
            }
            double[] millis = new double[MEASURED];
            for (int i = 0; i < MEASURED; i++) {
                long start = System.nanoTime();
                Api.Response response = api.get(query.getValue());
                millis[i] = (System.nanoTime() - start) / 1e6;
                assertThat(response.status()).isEqualTo(200);
            }
            Arrays.sort(millis);
            report.append(String.format("| %s | %.1f | %.1f | %.1f |%n", query.getKey(), millis[MEASURED / 2],
                    millis[(int) (MEASURED * 0.95)], millis[MEASURED - 1]));
        }
        Path out = Path.of("target/bench/inventory-search.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
    }

    private void seed() {
        Integer existing = jdbc.queryForObject("SELECT COUNT(*) FROM modelgov.model WHERE id LIKE 'BENCH-%'", Integer.class);
        if (existing != null && existing >= MODELS) {
            return;
        }
        String[] tiers = {"UNASSESSED", "LOW", "MEDIUM", "HIGH"};
        String[] statuses = {"PROPOSED", "IN_REVIEW", "APPROVED", "IN_PRODUCTION", "RETIRED"};
        String[] words = {"churn", "fraud", "credit", "pricing", "triage", "forecast", "ranking", "screening"};
        Random random = new Random(42);
        Instant now = Instant.now();
        List<Object[]> batch = new ArrayList<>();
        for (int i = 0; i < MODELS; i++) {
            String word = words[random.nextInt(words.length)];
            String id = String.format("BENCH-%06d", i);
            String name = word + " model " + i;
            String purpose = "Benchmark " + word + " purpose " + i;
            Timestamp updated = Timestamp.from(now.minusSeconds(random.nextInt(10_000_000)));
            batch.add(new Object[] {id, name, purpose, tiers[random.nextInt(tiers.length)],
                    "user-" + random.nextInt(500), "team-" + random.nextInt(50),
                    statuses[random.nextInt(statuses.length)],
                    (id + "\n" + name + "\n" + purpose).toLowerCase(), "bench", updated, updated});
            if (batch.size() == 5_000) {
                insert(batch);
                batch.clear();
            }
        }
        insert(batch);
        // measure the steady state: statistics and visibility map as autovacuum would leave them
        String database = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
        jdbc.execute("PostgreSQL".equals(database) ? "VACUUM ANALYZE modelgov.model" : "ANALYZE TABLE modelgov.model");
    }

    private void insert(List<Object[]> rows) {
        jdbc.batchUpdate("INSERT INTO modelgov.model (id, name, purpose, risk_tier, owner, owner_team, status,"
                + " search_text, created_by, created_at, updated_at, row_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                rows);
    }
}
