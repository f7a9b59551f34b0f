package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Audit event ids ({@code audit_event.seq}) come from a sequence, so a writer appends without a lock (V14). The
 * sequence starts after the largest id already stored, which SQL cannot say the same way on H2 and PostgreSQL
 * (PostgreSQL wants a constant in START WITH), hence Java: read the largest id, then create the sequence with
 * that number. The column default names the sequence, so inserts stay plain SQL on both databases. Unqualified
 * names: Flyway runs this in the configured schema.
 */
public class V15__Audit_event_ids_from_a_sequence extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        try (Statement sql = connection.createStatement()) {
            long start;
            try (ResultSet max = sql.executeQuery("SELECT COALESCE(MAX(seq), 0) + 1 FROM audit_event")) {
                max.next();
                start = max.getLong(1);
            }
            sql.execute("CREATE SEQUENCE audit_event_seq START WITH " + start);
            if (postgres) {
                sql.execute("ALTER TABLE audit_event ALTER COLUMN seq SET DEFAULT nextval('audit_event_seq')");
                sql.execute("ALTER SEQUENCE audit_event_seq OWNED BY audit_event.seq");
            } else {
                sql.execute("ALTER TABLE audit_event ALTER COLUMN seq SET DEFAULT NEXT VALUE FOR audit_event_seq");
            }
        }
    }
}
