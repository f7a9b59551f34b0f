package org.modelgov.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Nodes sharing one PostgreSQL start one at a time. The first node to start creates Camunda's tables, runs the
 * migrations and seeds groups, authorizations, filters and demo data; a node starting at the same moment waits for
 * it and then finds everything in place. Without this, two nodes on a fresh database both try to create Camunda's
 * tables (one dies on a duplicate table), and two seeders both insert the same authorization (duplicate key).
 *
 * <p>The lock is a PostgreSQL session-level advisory lock held on one connection from the first start-up step
 * that needs it until the node is ready (or its start failed): a node killed while it holds the lock loses its
 * session, and with it the lock, so the next node goes on. H2 is embedded in one process: nothing to lock.
 */
public final class StartupLock {

    private static final Logger log = LoggerFactory.getLogger(StartupLock.class);
    /** Any fixed 64-bit key; Flyway's own advisory locks use keys derived from its table name, not this one. */
    static final long KEY = 0x4d6f64656c476f76L; // "ModelGov"

    private final DataSource dataSource;
    private Connection session;
    private boolean over;

    public StartupLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Takes the lock for this node's start-up, waiting for a node that holds it; later calls do nothing. */
    public synchronized void acquire(String step) {
        if (session != null || over) {
            return;
        }
        try {
            Connection connection = dataSource.getConnection();
            if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                connection.close();
                over = true;
                return;
            }
            connection.setAutoCommit(true);
            long waitStarted = System.nanoTime();
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_advisory_lock(" + KEY + ")");
            }
            session = connection;
            long waitedMillis = (System.nanoTime() - waitStarted) / 1_000_000;
            log.info("Start-up lock taken before the {}{}", step,
                    waitedMillis > 500 ? " (waited " + waitedMillis + " ms for another node's start-up)" : "");
        } catch (SQLException e) {
            throw new IllegalStateException("could not take the cluster's start-up lock: " + e.getMessage(), e);
        }
    }

    /** The node's start-up is over (ready or failed): the next node may start. */
    public synchronized void release() {
        over = true;
        if (session == null) {
            return;
        }
        try (Connection connection = session; Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_advisory_unlock(" + KEY + ")");
            log.info("Start-up lock released");
        } catch (SQLException e) {
            // closing the session releases the lock anyway
            log.warn("Releasing the start-up lock failed ({}); closing its connection releases it", e.getMessage());
        } finally {
            session = null;
        }
    }

    synchronized boolean held() {
        return session != null;
    }
}
