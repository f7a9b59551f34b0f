package org.modelgov.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh, empty PostgreSQL database on the server the test run uses (MODELGOV_DB_URL), for tests and benchmarks
 * that start ModelGov nodes on a database nobody has created tables in yet. The test role needs CREATEDB
 * (.ci/run grants it).
 */
public final class ScratchPostgres implements AutoCloseable {

    private final String adminUrl;
    private final String name;

    private ScratchPostgres(String adminUrl, String name) {
        this.adminUrl = adminUrl;
        this.name = name;
    }

    /** Whether this run has a PostgreSQL server (MODELGOV_DB_URL names one). */
    public static boolean available() {
        String url = System.getenv("MODELGOV_DB_URL");
        return url != null && url.startsWith("jdbc:postgresql:");
    }

    public static ScratchPostgres create(String prefix) {
        String url = System.getenv("MODELGOV_DB_URL");
        String name = prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
        ScratchPostgres db = new ScratchPostgres(url, name);
        db.execute("CREATE DATABASE " + name);
        return db;
    }

    public String jdbcUrl() {
        return adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + name;
    }

    public static String user() {
        return System.getenv("MODELGOV_DB_USER");
    }

    public static String password() {
        return System.getenv("MODELGOV_DB_PASSWORD");
    }

    @Override
    public void close() {
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private void execute(String sql) {
        try (Connection c = DriverManager.getConnection(adminUrl, user(), password());
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed (does the role have CREATEDB?): " + e.getMessage(), e);
        }
    }
}
