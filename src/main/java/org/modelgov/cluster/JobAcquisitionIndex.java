package org.modelgov.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, an index for the job executor's acquisition query, which Camunda's schema lacks: without it every
 * acquisition (one per few jobs, on every node) scans the whole job table, including every waiting timer — 10,000
 * reassessments each holding an overdue timer made PostgreSQL the bottleneck of a burst of due review timers. The
 * partial index holds only jobs that can run (retries left, active) by due date, so the query's "due date is null or
 * has passed" is two index lookups. Made once, after the engine has created its schema, under the start-up lock.
 * Not CONCURRENTLY: that waits for every transaction in the database holding a snapshot, including another node's
 * statement waiting for the start-up lock this node holds, a deadlock PostgreSQL cannot see. A plain build blocks
 * job writes of nodes already running while it builds (the first start of this version on an existing database;
 * well under a second for a job table of 100,000 rows) and is transactional, so no half-built index is left; an
 * invalid one (e.g. from a manual concurrent build) is made again.
 */
@Component
class JobAcquisitionIndex extends AbstractProcessEnginePlugin {

    static final String NAME = "modelgov_job_acquirable";
    private static final Logger LOG = LoggerFactory.getLogger(JobAcquisitionIndex.class);

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        if ("postgres".equals(configuration.getDatabaseType())) {
            ensure(configuration.getDataSource(), configuration.getDatabaseTablePrefix() + "ACT_RU_JOB");
        }
    }

    private static void ensure(DataSource dataSource, String jobTable) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            Boolean valid = validity(connection);
            if (Boolean.TRUE.equals(valid)) {
                return;
            }
            if (valid != null) {
                LOG.warn("index {} is invalid (a concurrent build that did not finish); building it again", NAME);
                statement.execute("DROP INDEX IF EXISTS " + NAME);
            }
            statement.execute("CREATE INDEX IF NOT EXISTS " + NAME + " ON " + jobTable
                    + " (DUEDATE_) WHERE RETRIES_ > 0 AND SUSPENSION_STATE_ = 1");
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            LOG.info("index {} on {} created for the job executor's acquisition", NAME, jobTable);
        } catch (SQLException e) {
            // the engine works without it, only slower with many waiting timers: say so and go on
            LOG.warn("could not create index {} on {}: {}", NAME, jobTable, e.getMessage());
        }
    }

    /** true: exists and usable; false: exists but invalid; null: absent. */
    private static Boolean validity(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT i.indisvalid FROM pg_index i"
                + " JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = ? AND pg_table_is_visible(c.oid)")) {
            query.setString(1, NAME);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getBoolean(1) : null;
            }
        }
    }
}
