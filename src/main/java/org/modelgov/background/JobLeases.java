package org.modelgov.background;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One lease per background job in {@code background_job_lease}, shared by every node on the database. Time is
 * cut into periods aligned on the epoch ([k·p, (k+1)·p) by the database's clock, so nodes need not agree on
 * theirs); the node whose conditional UPDATE takes the lease for the current period runs the job, the others
 * find it taken until the period ends. While a run lasts the lease is held one period longer, so a run that
 * overruns its period is not started again beside itself; a node that dies mid-run leaves the job to the
 * others after that.
 */
public class JobLeases {

    /** A lease taken: the job {@code name} may run in the period that ends at {@code periodEnd}. */
    public record Lease(String name, Instant periodEnd) {
    }

    private final JdbcClient jdbc;
    private final String node;

    public JobLeases(JdbcClient jdbc) {
        this.jdbc = jdbc;
        // host and pid, and a random part for several nodes in one JVM (tests)
        this.node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Who this node is in {@code held_by}. */
    public String node() {
        return node;
    }

    /** Takes the lease of {@code name} for the current period, unless a node already took it. */
    public Optional<Lease> take(String name, Duration period) {
        OffsetDateTime now = jdbc.sql("SELECT CURRENT_TIMESTAMP").query(OffsetDateTime.class).single();
        long p = period.toMillis();
        Instant periodEnd = Instant.ofEpochMilli(Math.floorDiv(now.toInstant().toEpochMilli(), p) * p + p);
        OffsetDateTime heldUntil = utc(periodEnd.plus(period));
        int taken = jdbc.sql("UPDATE modelgov.background_job_lease SET lease_until = ?, held_by = ?, taken_at = ?"
                        + " WHERE name = ? AND lease_until <= ?")
                .params(heldUntil, node, now, name, now).update();
        if (taken == 0 && !exists(name)) {
            try {
                taken = jdbc.sql("INSERT INTO modelgov.background_job_lease (name, lease_until, held_by, taken_at)"
                        + " VALUES (?, ?, ?, ?)").params(name, heldUntil, node, now).update();
            } catch (DuplicateKeyException e) {
                return Optional.empty(); // another node ran the job first
            }
        }
        return taken == 1 ? Optional.of(new Lease(name, periodEnd)) : Optional.empty();
    }

    /** The run is over: the lease stays taken only until its period ends. */
    public void release(Lease lease) {
        jdbc.sql("UPDATE modelgov.background_job_lease SET lease_until = ? WHERE name = ? AND held_by = ?")
                .params(utc(lease.periodEnd()), lease.name(), node).update();
    }

    private boolean exists(String name) {
        return jdbc.sql("SELECT COUNT(*) FROM modelgov.background_job_lease WHERE name = ?").param(name)
                .query(Integer.class).single() > 0;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
