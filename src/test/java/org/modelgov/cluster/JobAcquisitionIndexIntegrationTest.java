package org.modelgov.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.modelgov.support.ModelGovIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** On PostgreSQL the job executor's acquisition query has its index, usable by that query, and made again if gone. */
@ModelGovIntegrationTest
class JobAcquisitionIndexIntegrationTest {

    /** The shape of Camunda's acquisition query (AcquirableJobEntity, selectNextJobsToExecute) on PostgreSQL. */
    private static final String ACQUISITION = "SELECT RES.ID_ FROM ACT_RU_JOB RES WHERE RES.RETRIES_ > 0"
            + " AND (RES.DUEDATE_ IS NULL OR RES.DUEDATE_ <= now()) AND (RES.LOCK_OWNER_ IS NULL"
            + " OR RES.LOCK_EXP_TIME_ < now()) AND RES.SUSPENSION_STATE_ = 1 LIMIT 8";

    @Autowired
    private ProcessEngine engine;

    @Autowired
    private JobAcquisitionIndex index;

    @Test
    void theAcquisitionQueryUsesItsIndexAndAMissingIndexIsMadeAgainAtStart() throws SQLException {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assumeTrue("postgres".equals(configuration.getDatabaseType()), "PostgreSQL only (H2 runs one node)");
        DataSource dataSource = configuration.getDataSource();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            assertThat(validity(statement)).as("created at start-up and valid").isEqualTo("t");

            statement.execute("DROP INDEX " + JobAcquisitionIndex.NAME);
            assertThat(validity(statement)).isNull();
            index.postProcessEngineBuild(engine);
            assertThat(validity(statement)).as("made again").isEqualTo("t");
            index.postProcessEngineBuild(engine);
            assertThat(validity(statement)).as("a second start leaves it as it is").isEqualTo("t");

            // the partial index's predicate must follow from the query's, or the planner can never use it
            connection.setAutoCommit(false);
            statement.execute("SET LOCAL enable_seqscan = off");
            List<String> plan = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("EXPLAIN " + ACQUISITION)) {
                while (rows.next()) {
                    plan.add(rows.getString(1));
                }
            }
            connection.rollback();
            connection.setAutoCommit(true);
            assertThat(String.join("\n", plan)).contains(JobAcquisitionIndex.NAME);
        }
    }

    private static String validity(Statement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery("SELECT i.indisvalid FROM pg_index i JOIN pg_class c"
                + " ON c.oid = i.indexrelid WHERE c.relname = '" + JobAcquisitionIndex.NAME + "'"
                + " AND pg_table_is_visible(c.oid)")) {
            return row.next() ? row.getString(1) : null;
        }
    }
}
