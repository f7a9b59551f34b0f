package org.modelgov.benchmark;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A cheap profile of where the database's time goes: every 200 ms, what the active backends of the benchmark's
 * database are waiting on (pg_stat_activity), summed over the run. "CPU" is an active backend with no wait event.
 */
final class PgWaitProfile implements AutoCloseable {

    private static final String SAMPLE = "SELECT coalesce(wait_event_type, 'CPU'), coalesce(wait_event, '-'), count(*)"
            + " FROM pg_stat_activity WHERE state = 'active' AND datname = current_database()"
            + " AND pid <> pg_backend_pid() GROUP BY 1, 2";

    private final Map<String, Long> backends = new TreeMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread sampler;
    private long samples;

    PgWaitProfile(BenchCluster cluster) {
        Connection connection = cluster.connect();
        sampler = new Thread(() -> sample(connection), "pg-wait-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sample(Connection connection) {
        try (connection; Statement statement = connection.createStatement()) {
            while (running.get()) {
                try (ResultSet rows = statement.executeQuery(SAMPLE)) {
                    synchronized (backends) {
                        samples++;
                        while (rows.next()) {
                            backends.merge(rows.getString(1) + " / " + rows.getString(2), rows.getLong(3), Long::sum);
                        }
                    }
                }
                Thread.sleep(200);
            }
        } catch (SQLException e) {
            System.err.println("pg_stat_activity sampling stopped: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Markdown table: wait event, average active backends waiting on it, share of all active backend samples. */
    String markdown(String title) {
        synchronized (backends) {
            long total = backends.values().stream().mapToLong(Long::longValue).sum();
            StringBuilder out = new StringBuilder("### " + title + "\n\n" + samples
                    + " samples of pg_stat_activity, every 200 ms (active backends of this database).\n\n"
                    + "| wait event type / event | mean active backends | share |\n|---|---|---|\n");
            backends.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(e -> out.append(String.format("| %s | %.2f | %.0f%% |%n", e.getKey(),
                            samples == 0 ? 0 : (double) e.getValue() / samples, 100.0 * e.getValue() / Math.max(1, total))));
            return out.append('\n').toString();
        }
    }

    @Override
    public void close() {
        running.set(false);
        try {
            sampler.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
