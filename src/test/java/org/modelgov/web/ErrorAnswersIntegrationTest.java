package org.modelgov.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modelgov.common.InternalErrors;
import org.modelgov.support.Api;
import org.modelgov.support.ModelGovIntegrationTest;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 11, clean errors in ModelGov's own API and pages: text with control characters or lone surrogates is a
 * 400 naming the field and nothing is saved; a failure of ModelGov's own (here: its database table gone) is a 500
 * with "internal error" and a correlation id that is in the log, and no SQL or class name.
 */
@ModelGovIntegrationTest
class ErrorAnswersIntegrationTest {

    /** Escapes as a JSON client sends them; the server sees the characters themselves. */
    private static final String NUL = "\\u0000";
    private static final String BELL = "\\u0007";
    private static final String LONE_SURROGATE = "\\ud800";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private Api owner;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void setUp() {
        owner = Api.as(port, "owner", "demo");
        log.start();
        internalErrorsLogger().addAppender(log);
    }

    @AfterEach
    void tearDown() {
        internalErrorsLogger().detachAppender(log);
    }

    @Test
    void controlCharactersAndLoneSurrogatesInANewModelAre400NamingTheFieldAndNothingIsSaved() {
        assertRefused(register("Card" + NUL + "fraud", "Flags payments"), "name",
                "must not contain the control character U+0000 (at character 5)");
        assertRefused(register("Card fraud", "Flags" + BELL + " payments"), "purpose",
                "must not contain the control character U+0007 (at character 6)");
        assertRefused(register("Card " + LONE_SURROGATE + "fraud", "Flags payments"), "name",
                "must not contain a lone UTF-16 surrogate (U+D800 at character 6)");
        assertRefused(register("Card\\r fraud", "Flags payments"), "name",
                "must not contain the control character U+000D (at character 5); of those only tab and newline");
        assertThat(modelsNamedLike("Card%fraud")).as("nothing saved").isZero();

        Api.Response multiLine = register("Card fraud", "Flags payments\\r\\n\\tfor review");
        assertThat(multiLine.status()).as(multiLine.body()).isEqualTo(201);
        assertThat(multiLine.json().path("purpose").asText()).isEqualTo("Flags payments\r\n\tfor review");
    }

    @Test
    void controlCharactersAndLoneSurrogatesInAPatchAre400AndTheModelStaysAsItWas() {
        Api.Response created = register("Churn", "Retention");
        assertThat(created.status()).isEqualTo(201);
        String path = created.location();

        assertRefused(owner.patch(path, "{\"name\": \"Churn" + NUL + "\"}"), "name",
                "must not contain the control character U+0000");
        assertRefused(owner.patch(path, "{\"purpose\": \"" + LONE_SURROGATE + "\"}"), "purpose",
                "must not contain a lone UTF-16 surrogate");
        assertRefused(owner.patch(path, "{\"intendedUse\": \"x" + BELL + "\"}"), "intendedUse",
                "must not contain the control character U+0007");
        assertThat(owner.get(path).body()).isEqualTo(created.body());
    }

    @Test
    void aDatabaseFailureIsA500WithACorrelationIdThatIsInTheLogAndNoSql() {
        Api.Response created = register("Churn", "Retention");
        jdbc.sql("ALTER TABLE modelgov.model RENAME TO model_away").update();
        Api.Response failed;
        String page;
        try {
            failed = owner.get(created.location());
            page = pageAs("owner", "/models/" + created.json().path("id").asText());
        } finally {
            jdbc.sql("ALTER TABLE modelgov.model_away RENAME TO model").update();
        }

        assertThat(failed.status()).isEqualTo(500);
        String id = failed.json().path("correlationId").asText();
        assertThat(failed.json().path("detail").asText()).isEqualTo("internal error (correlation id " + id + ")");
        assertLeaksNothing(failed.body());
        assertLogged(id);

        Matcher shown = Pattern.compile("internal error \\(correlation id ([0-9a-f-]{36})\\)").matcher(page);
        assertThat(shown.find()).as(page).isTrue();
        assertThat(page).contains("500 Internal Server Error");
        assertLeaksNothing(page);
        assertLogged(shown.group(1));
        assertThat(owner.get(created.location()).status()).as("ModelGov works again").isEqualTo(200);
    }

    private Api.Response register(String name, String purpose) {
        String id = "TXT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        return owner.post("/api/models", "{\"id\": \"" + id + "\", \"name\": \"" + name + "\", \"purpose\": \""
                + purpose + "\"}");
    }

    private int modelsNamedLike(String pattern) {
        return jdbc.sql("SELECT COUNT(*) FROM modelgov.model WHERE name LIKE ?").param(pattern)
                .query(Integer.class).single();
    }

    private static void assertRefused(Api.Response response, String field, String message) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.invalidFields()).containsExactly(field);
        assertThat(response.json().path("errors").get(0).path("message").asText()).contains(message);
    }

    private static void assertLeaksNothing(String body) {
        assertThat(body).doesNotContainIgnoringCase("select").doesNotContainIgnoringCase("sql")
                .doesNotContain("MODEL_AWAY").doesNotContain("org.").doesNotContain("Exception")
                .doesNotContain("\tat ");
    }

    private void assertLogged(String correlationId) {
        assertThat(log.list).filteredOn(e -> e.getFormattedMessage().contains(correlationId))
                .singleElement()
                .satisfies(e -> assertThat(e.getLevel().toString()).isEqualTo("ERROR"))
                .satisfies(e -> assertThat(e.getThrowableProxy()).as("the exception is logged").isNotNull());
    }

    private static Logger internalErrorsLogger() {
        return (Logger) LoggerFactory.getLogger(InternalErrors.class);
    }

    /** A page as a browser gets it: log in with the form (and its CSRF token), then GET. */
    private String pageAs(String user, String path) {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String login = get(browser, "/login").body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
        assertThat(csrf.find()).as(login).isTrue();
        String form = "username=" + user + "&password=demo&_csrf=" + URLEncoder.encode(csrf.group(1),
                StandardCharsets.UTF_8);
        send(browser, HttpRequest.newBuilder(url("/login")).header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build());
        HttpResponse<String> page = get(browser, path);
        assertThat(page.statusCode()).isEqualTo(500);
        return page.body();
    }

    private HttpResponse<String> get(HttpClient browser, String path) {
        return send(browser, HttpRequest.newBuilder(url(path)).header("Accept", "text/html").GET().build());
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
