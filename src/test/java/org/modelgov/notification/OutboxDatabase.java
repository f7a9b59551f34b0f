package org.modelgov.notification;

import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A fresh database with ModelGov's migrations for the outbox tests: in-memory H2, or, when
 * {@code -Dmodelgov.outbox-test-db-url=jdbc:postgresql://...} names a scratch PostgreSQL database (user and password
 * modelgov), that database, cleaned first. Never point it at a database whose data matters.
 */
final class OutboxDatabase {

    private OutboxDatabase() {
    }

    static DataSource fresh() {
        String url = System.getProperty("modelgov.outbox-test-db-url");
        if (url == null || url.isBlank()) {
            DataSource h2 = new DriverManagerDataSource(
                    "jdbc:h2:mem:outbox-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
            Flyway.configure().dataSource(h2).schemas("MODELGOV").defaultSchema("MODELGOV")
                    .locations("classpath:db/migration").load().migrate();
            return h2;
        }
        DataSource postgres = new DriverManagerDataSource(url, "modelgov", "modelgov");
        Flyway flyway = Flyway.configure().dataSource(postgres).schemas("modelgov").defaultSchema("modelgov")
                .locations("classpath:db/migration").cleanDisabled(false).load();
        flyway.clean();
        flyway.migrate();
        return postgres;
    }
}
