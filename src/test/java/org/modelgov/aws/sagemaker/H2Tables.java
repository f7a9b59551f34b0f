package org.modelgov.aws.sagemaker;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** An in-memory H2 database with ModelGov's tables as the migration creates them (without foreign keys). */
final class H2Tables implements AutoCloseable {

    private final SingleConnectionDataSource dataSource = new SingleConnectionDataSource(
            "jdbc:h2:mem:" + UUID.randomUUID(), "sa", "", true);
    final JdbcClient jdbc = JdbcClient.create(dataSource);

    H2Tables(String... tables) {
        jdbc.sql("CREATE SCHEMA modelgov").update();
        // the card's tables live in two migrations: V5 (model_card) and V18 (model_card_revision)
        String migration = read("/db/migration/V5__governance_lifecycle.sql")
                + read("/db/migration/V18__model_card_revisions.sql");
        for (String table : tables) {
            Matcher create = Pattern.compile("CREATE TABLE " + table + " \\(.*?\\n\\);", Pattern.DOTALL)
                    .matcher(migration);
            if (!create.find()) {
                throw new IllegalArgumentException("no table " + table + " in V5 or V18");
            }
            jdbc.sql(create.group().replace("CREATE TABLE ", "CREATE TABLE modelgov.")
                    .replaceAll(" REFERENCES \\w+ \\(\\w+\\)", "")).update();
        }
    }

    private static String read(String resource) {
        try (InputStream in = H2Tables.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        dataSource.destroy();
    }
}
