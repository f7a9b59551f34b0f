package org.modelgov.aws.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.modelgov.support.ScratchPostgres;
import org.modelgov.support.SimulatedClock;

/**
 * A password rotation as Secrets Manager does it, on a real database with a throwaway login: the pool connects with
 * the secret's password; after the database and the secret change, the next new connection is refused once, the
 * secret is re-read and the connection made, while open pooled connections keep working; re-reads are rate-limited;
 * no password reaches a log line. On H2 always, and on PostgreSQL when the run has it, its role may create roles
 * and checks that login's password (the throwaway role {@code modelgov_abdeploy_rotation} is dropped afterwards).
 */
class SecretCredentialsDataSourceTest {

    private static final Duration MIN_REFRESH = Duration.ofSeconds(30);

    /** A database server on which the test may create a login and change its password. */
    interface Server extends AutoCloseable {
        String url();

        String user();

        void setPassword(String password);

        @Override
        void close();
    }

    /** The secret as Secrets Manager would answer it now, with a count of reads. */
    static final class Secret implements Supplier<DatabaseSecret> {
        private volatile DatabaseSecret value;
        final AtomicInteger reads = new AtomicInteger();

        Secret(String user, String password) {
            value = new DatabaseSecret(user, password, null, null, null, null);
        }

        void rotateTo(String password) {
            value = new DatabaseSecret(value.username(), password, null, null, null, null);
        }

        @Override
        public DatabaseSecret get() {
            reads.incrementAndGet();
            return value;
        }
    }

    static Stream<String> servers() {
        return Stream.of("H2", "PostgreSQL");
    }

    private static Server server(String kind, String password) {
        return kind.equals("H2") ? new H2(password) : Postgres.create(password);
    }

    private static String password(String name) {
        return "pw-" + name + "-" + UUID.randomUUID();
    }

    private static int selectOne(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); var rs = s.executeQuery("SELECT 1")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void aRotatedPasswordIsReReadOnTheFirstRefusedLoginWhileOpenConnectionsKeepWorking(String kind) throws Exception {
        String a = password("A");
        String b = password("B");
        String c = password("C");
        SimulatedClock clock = new SimulatedClock(Instant.parse("2026-12-02T12:00:00Z"));
        try (CapturedLogs logs = new CapturedLogs(); Server db = server(kind, a)) {
            Secret secret = new Secret(db.user(), a);
            SecretCredentialsDataSource credentials =
                    new SecretCredentialsDataSource(secret, "modelgov/db", db.url(), clock, MIN_REFRESH);
            assertThat(secret.reads).as("read once at start-up").hasValue(1);

            try (HikariDataSource pool = SecretCredentialsDataSource.pool(credentials)) {
                pool.setMaximumPoolSize(3);
                pool.setMinimumIdle(0);
                pool.setConnectionTimeout(5000);
                try (Connection open = pool.getConnection()) {
                    assertThat(selectOne(open)).isEqualTo(1);

                    db.setPassword(b);          // the rotation: first the database, then the secret's AWSCURRENT
                    secret.rotateTo(b);
                    clock.advance(Duration.ofMinutes(5));

                    try (Connection fresh = pool.getConnection()) {
                        assertThat(selectOne(fresh)).as("a new connection with the new password").isEqualTo(1);
                    }
                    assertThat(secret.reads).as("re-read once, on the refused login").hasValue(2);
                    assertThat(selectOne(open)).as("the connection opened before the rotation still works").isEqualTo(1);
                }

                // a second rotation soon after: the refusal stands until the interval has passed
                db.setPassword(c);
                secret.rotateTo(c);
                clock.advance(Duration.ofSeconds(10));
                assertThatThrownBy(credentials::getConnection).isInstanceOfSatisfying(SQLException.class,
                        e -> assertThat(SecretCredentialsDataSource.LOGIN_REFUSED).contains(e.getSQLState()));
                assertThat(secret.reads).as("not re-read within " + MIN_REFRESH).hasValue(2);

                clock.advance(MIN_REFRESH);
                try (Connection later = credentials.getConnection()) {
                    assertThat(selectOne(later)).isEqualTo(1);
                }
                assertThat(secret.reads).hasValue(3);
            }
            assertThat(logs.text()).contains("re-read secret modelgov/db").contains("at most once per");
            logs.assertNoneContains(a, b, c);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void aSecretThatStillHasTheOldPasswordIsReadOnceAndTheRefusalStands(String kind) {
        String a = password("A");
        SimulatedClock clock = new SimulatedClock(Instant.parse("2026-12-02T12:00:00Z"));
        try (CapturedLogs logs = new CapturedLogs(); Server db = server(kind, a)) {
            Secret secret = new Secret(db.user(), a);
            SecretCredentialsDataSource credentials =
                    new SecretCredentialsDataSource(secret, "modelgov/db", db.url(), clock, MIN_REFRESH);
            String b = password("B");
            db.setPassword(b); // rotated in the database, AWSCURRENT not yet moved
            clock.advance(Duration.ofMinutes(1));

            assertThatThrownBy(credentials::getConnection).isInstanceOf(SQLException.class);
            assertThat(secret.reads).hasValue(2);
            logs.assertNoneContains(a, b);
        }
    }

    @Test
    void aFailureThatIsNoRefusedLoginDoesNotReReadTheSecret() {
        Secret secret = new Secret("sa", "");
        SimulatedClock clock = new SimulatedClock(Instant.parse("2026-12-02T12:00:00Z"));
        SecretCredentialsDataSource credentials = new SecretCredentialsDataSource(secret, "modelgov/db",
                "jdbc:h2:mem:absent-" + UUID.randomUUID() + ";IFEXISTS=TRUE", clock, MIN_REFRESH);
        clock.advance(Duration.ofMinutes(1));

        assertThatThrownBy(credentials::getConnection).isInstanceOf(SQLException.class);
        assertThat(secret.reads).hasValue(1);
    }

    @Test
    void aPoolUserAndPasswordAreRefusedAndToStringNamesOnlyTheSecret() {
        String a = password("A");
        try (H2 db = new H2(a)) {
            Secret secret = new Secret(db.user(), a);
            SecretCredentialsDataSource credentials = new SecretCredentialsDataSource(secret, "modelgov/db", db.url(),
                    new SimulatedClock(Instant.EPOCH), MIN_REFRESH);

            assertThatThrownBy(() -> credentials.getConnection("sa", "x")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("come from secret modelgov/db");
            assertThat(credentials.toString()).isEqualTo("SecretCredentialsDataSource[secret=modelgov/db]");
        }
    }

    @Test
    void theUrlComesFromTheSecretsHostAndKeepsTheConfiguredParameters() {
        Secret secret = new Secret("u", "p");
        SecretCredentialsDataSource credentials = new SecretCredentialsDataSource(secret, "s",
                "jdbc:postgresql://localhost:5432/modelgov?sslmode=verify-full&ApplicationName=modelgov",
                new SimulatedClock(Instant.EPOCH), MIN_REFRESH);

        assertThat(credentials.urlFor(new DatabaseSecret("u", "p", "postgres", "db.example.com", 6432, "governance")))
                .isEqualTo("jdbc:postgresql://db.example.com:6432/governance?sslmode=verify-full&ApplicationName=modelgov");
        assertThat(credentials.urlFor(new DatabaseSecret("u", "p", null, "db.example.com", null, null)))
                .isEqualTo("jdbc:postgresql://db.example.com:5432/modelgov?sslmode=verify-full&ApplicationName=modelgov");
        assertThat(credentials.urlFor(new DatabaseSecret("u", "p", null, null, null, null)))
                .startsWith("jdbc:postgresql://localhost:5432/modelgov");
        assertThatThrownBy(() -> credentials.urlFor(new DatabaseSecret("u", "p", "mysql", "db", 3306, "x")))
                .hasMessageContaining("engine mysql");
    }

    /** An in-memory H2 database with a login {@code app}; {@code sa} changes its password. */
    static final class H2 implements Server {
        private final String url = "jdbc:h2:mem:secret-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        private final Connection admin;

        H2(String password) {
            try {
                admin = DriverManager.getConnection(url, "sa", "");
                execute("CREATE USER app PASSWORD '" + password + "' ADMIN"); // Hikari's connection set-up runs SET
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        private void execute(String sql) throws SQLException {
            try (Statement s = admin.createStatement()) {
                s.execute(sql);
            }
        }

        @Override
        public String url() {
            return url;
        }

        @Override
        public String user() {
            return "APP";
        }

        @Override
        public void setPassword(String password) {
            try {
                execute("ALTER USER app SET PASSWORD '" + password + "'");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            try {
                execute("SHUTDOWN");
                admin.close();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * The run's PostgreSQL (MODELGOV_DB_URL) with a throwaway login {@value #USER}, created and changed by the run's
     * role, which needs CREATEROLE; and the server must check that login's password (pg_hba.conf: e.g. {@code host all
     * modelgov_abdeploy_rotation 127.0.0.1/32 scram-sha-256} before a {@code trust} line). Otherwise the PostgreSQL
     * case is skipped, saying why.
     */
    static final class Postgres implements Server {
        static final String USER = "modelgov_abdeploy_rotation";
        private final String url = System.getenv("MODELGOV_DB_URL");

        static Postgres create(String password) {
            Assumptions.assumeTrue(ScratchPostgres.available(), "no PostgreSQL in this run (MODELGOV_DB_URL)");
            Postgres db = new Postgres();
            try {
                db.execute("DROP ROLE IF EXISTS " + USER); // left over by an interrupted run
                db.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + password + "'");
            } catch (SQLException e) {
                Assumptions.assumeTrue(!"42501".equals(e.getSQLState()),
                        "the run's PostgreSQL role may not create roles (CREATEROLE): " + e.getMessage());
                throw new IllegalStateException(e);
            }
            try (Connection wrong = DriverManager.getConnection(db.url, USER, password + "-wrong")) {
                db.close();
                Assumptions.abort("PostgreSQL lets " + USER + " in without checking its password (pg_hba.conf trust)");
            } catch (SQLException expected) {
                // the password is checked: a rotation can be shown
            }
            return db;
        }

        private void execute(String sql) throws SQLException {
            try (Connection admin = DriverManager.getConnection(url, ScratchPostgres.user(), ScratchPostgres.password());
                 Statement s = admin.createStatement()) {
                s.execute(sql);
            }
        }

        @Override
        public String url() {
            return url;
        }

        @Override
        public String user() {
            return USER;
        }

        @Override
        public void setPassword(String password) {
            try {
                execute("ALTER ROLE " + USER + " PASSWORD '" + password + "'");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            try {
                execute("DROP ROLE IF EXISTS " + USER);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
