package org.modelgov.aws.sagemaker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.modelgov.incident.local.ContainmentTable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** A fresh in-memory H2 database with schema {@code modelgov} and the {@code containment} table exactly as V6 creates it. */
final class ContainmentDatabase {

    final DriverManagerDataSource dataSource =
            new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    final JdbcClient jdbc = JdbcClient.create(dataSource);
    final DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
    final ContainmentTable table = new ContainmentTable(jdbc, Clock.systemUTC());

    ContainmentDatabase() {
        jdbc.sql("CREATE SCHEMA modelgov").update();
        jdbc.sql(containmentDdl().replace("CREATE TABLE containment", "CREATE TABLE modelgov.containment")).update();
    }

    List<Map<String, Object>> rows() {
        return jdbc.sql("SELECT * FROM modelgov.containment ORDER BY applied_at").query().listOfRows();
    }

    private static String containmentDdl() {
        try {
            String v6 = Files.readString(Path.of("src/main/resources/db/migration/V6__incidents.sql"));
            Matcher m = Pattern.compile("CREATE TABLE containment \\(.*?\\n\\);", Pattern.DOTALL).matcher(v6);
            if (!m.find()) {
                throw new IllegalStateException("no containment table in V6__incidents.sql");
            }
            return m.group().replaceAll(";$", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
