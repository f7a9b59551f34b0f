package org.modelgov.aws.secrets;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.LoggerFactory;

/**
 * Opens each new database connection with the credentials of a Secrets Manager secret, and re-reads the secret when
 * the database refuses them (after a rotation changed the password): PostgreSQL's SQLState 28P01 (wrong password)
 * or 28000 (no such login; H2's wrong user or password). Then it tries once more with what the secret says now.
 * Re-reads are rate-limited ({@code minRefreshInterval}, e.g. 30 s), so a wrong secret cannot make every
 * connection attempt call AWS.
 *
 * <p>Hikari pools the connections ({@link #pool}): it calls {@link #getConnection()} for every new one, so open
 * pooled connections keep working through a rotation and only new ones use the new password. Why a DataSource
 * under Hikari rather than {@code HikariConfig.setCredentials}: Hikari opens connections on its own threads and
 * only logs a refused login, so nothing in Hikari could re-read the secret and retry that same connection.
 *
 * <p>When the secret names a {@code host}, the PostgreSQL URL is built from it (host, port, dbname), keeping the
 * configured URL's parameters (e.g. {@code sslmode}); otherwise the configured URL is used as it is.
 */
public final class SecretCredentialsDataSource implements DataSource {

    /** SQLStates of a refused login: invalid_password (PostgreSQL), invalid_authorization_specification (both). */
    static final Set<String> LOGIN_REFUSED = Set.of("28P01", "28000");
    private static final Pattern POSTGRES_URL = Pattern.compile("jdbc:postgresql://[^/?]*(?:/([^?]*))?(\\?.*)?");
    private static final org.slf4j.Logger log = LoggerFactory.getLogger(SecretCredentialsDataSource.class);

    private final Supplier<DatabaseSecret> secret;
    private final String secretId;
    private final String configuredUrl;
    private final Clock clock;
    private final Duration minRefreshInterval;
    private volatile DatabaseSecret current;
    private Instant lastRead;
    private volatile int loginTimeoutSeconds;
    private PrintWriter logWriter;

    /** Reads the secret now: a secret that cannot be read stops the start-up, with a message naming only the secret. */
    public SecretCredentialsDataSource(Supplier<DatabaseSecret> secret, String secretId, String configuredUrl,
                                       Clock clock, Duration minRefreshInterval) {
        this.secret = secret;
        this.secretId = secretId;
        this.configuredUrl = configuredUrl;
        this.clock = clock;
        this.minRefreshInterval = minRefreshInterval;
        this.current = secret.get();
        this.lastRead = clock.instant();
        log.info("Database credentials come from Secrets Manager secret {} (user {}, {})", secretId,
                current.username(), current.host() == null ? "the configured URL" : "host " + current.host());
    }

    /** The connection pool over this DataSource: Hikari with no credentials of its own. */
    public static HikariDataSource pool(SecretCredentialsDataSource credentials) {
        HikariDataSource pool = new HikariDataSource();
        pool.setDataSource(credentials);
        return pool;
    }

    @Override
    public Connection getConnection() throws SQLException {
        DatabaseSecret used = current;
        try {
            return connect(used);
        } catch (SQLException refused) {
            if (!LOGIN_REFUSED.contains(refused.getSQLState())) {
                throw refused;
            }
            DatabaseSecret fresh = reReadAfterRefusal(used, refused);
            if (fresh == null || fresh.sameLogin(used)) {
                throw refused;
            }
            return connect(fresh);
        }
    }

    /**
     * The secret as it is now, read again unless another thread already did since {@code refusedSecret} was used, or
     * the last read is more recent than the minimum interval (then null: the refusal stands).
     */
    private synchronized DatabaseSecret reReadAfterRefusal(DatabaseSecret refusedSecret, SQLException refused)
            throws SQLException {
        if (current != refusedSecret) {
            return current;
        }
        Instant now = clock.instant();
        if (now.isBefore(lastRead.plus(minRefreshInterval))) {
            log.warn("Database refused the login of {} ({}); secret {} was read at {}, and is re-read at most once per"
                    + " {}", refusedSecret.username(), refused.getSQLState(), secretId, lastRead, minRefreshInterval);
            return null;
        }
        lastRead = now;
        try {
            current = secret.get();
        } catch (RuntimeException e) {
            SQLException failed = new SQLException("Database refused the login of " + refusedSecret.username()
                    + " and re-reading secret " + secretId + " failed: " + e.getMessage(), refused.getSQLState(), e);
            failed.addSuppressed(refused);
            throw failed;
        }
        log.info("Database refused the login of {} ({}): re-read secret {} (user {}{})", refusedSecret.username(),
                refused.getSQLState(), secretId, current.username(),
                current.sameLogin(refusedSecret) ? ", unchanged" : ", new credentials");
        return current;
    }

    private Connection connect(DatabaseSecret login) throws SQLException {
        String url = urlFor(login);
        Properties properties = new Properties();
        properties.setProperty("user", login.username());
        properties.setProperty("password", login.password());
        if (loginTimeoutSeconds > 0 && url.startsWith("jdbc:postgresql:")) {
            properties.setProperty("loginTimeout", Integer.toString(loginTimeoutSeconds));
        }
        Driver driver = DriverManager.getDriver(url);
        Connection connection = driver.connect(url, properties);
        if (connection == null) {
            throw new SQLException("No JDBC driver accepts the database URL of secret " + secretId, "08001");
        }
        return connection;
    }

    /** The URL this login connects to: from the secret's host, or the configured one. */
    String urlFor(DatabaseSecret login) {
        if (login.host() == null) {
            return configuredUrl;
        }
        if (login.engine() != null && !login.engine().toLowerCase(java.util.Locale.ROOT).contains("postgres")) {
            throw new IllegalStateException("Secret " + secretId + " is for engine " + login.engine()
                    + "; ModelGov runs on PostgreSQL (or H2 without a host in the secret)");
        }
        Matcher configured = configuredUrl == null ? null : POSTGRES_URL.matcher(configuredUrl);
        boolean postgres = configured != null && configured.matches();
        String database = login.dbname() != null ? login.dbname()
                : postgres && configured.group(1) != null && !configured.group(1).isEmpty() ? configured.group(1)
                : "modelgov";
        String parameters = postgres && configured.group(2) != null ? configured.group(2) : "";
        return "jdbc:postgresql://" + login.host() + ":" + (login.port() == null ? 5432 : login.port()) + "/"
                + database + parameters;
    }

    /** Hikari opens connections with the secret's credentials only; a user and password of its own are refused. */
    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("The database credentials come from secret " + secretId
                + "; do not configure a user or password for the pool");
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeoutSeconds = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeoutSeconds;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("not a wrapper of " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }

    @Override
    public String toString() {
        return "SecretCredentialsDataSource[secret=" + secretId + "]";
    }
}
