package org.modelgov.evidence.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modelgov.support.Api;
import org.modelgov.support.Api.Part;
import org.modelgov.support.ModelGovIntegrationTest;
import org.modelgov.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The API's reads accept the pages' login (a report page links to its JSON), its writes never do, and nothing
 * opens without a login or beyond what a role may do.
 */
@ModelGovIntegrationTest
class ReportSessionAccessIntegrationTest {

    static final String BIAS_CSV = "sex,y,yhat\nM,1,1\nM,1,1\nM,0,1\nM,0,0\nF,1,1\nF,0,0\nF,0,0\n";
    static final String BIAS_CONFIG = """
            {"label": "y", "label_values_or_threshold": [1], "predicted_label": "yhat",
             "facet": [{"name_or_index": "sex", "value_or_threshold": ["F"]}],
             "methods": {"post_training_bias": {"methods": ["DPPL", "DI"]}}}""";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;

    String reportId;

    @BeforeEach
    void aStoredReport() {
        Api.Response created = Api.as(port, "validator", "demo").multipart("/api/reports/bias",
                Part.file("data", "data.csv", BIAS_CSV), Part.file("config", "config.json", BIAS_CONFIG));
        assertThat(created.status()).isEqualTo(201);
        reportId = created.json().path("id").asText();
    }

    @Test
    void theApiReadsAReportWithThePagesLoginAndRefusesItWithout() {
        Session session = Session.logIn(port, "compliance", "demo");
        HttpResponse<String> json = session.send("GET", "/api/reports/" + reportId, null, null);
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("json"));
        assertThat(json.body()).contains("\"id\":\"" + reportId + "\"").contains("post_training_bias_metrics");
        // the API does not hand out sessions of its own
        assertThat(json.headers().allValues("Set-Cookie")).isEmpty();

        Api.Response anonymous = Api.anonymous(port).get("/api/reports/" + reportId);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.body()).doesNotContain("post_training_bias_metrics");

        session.send("POST", "/logout", "_csrf=" + session.csrf("/reports/" + reportId), null);
        assertThat(session.send("GET", "/api/reports/" + reportId, null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void writesDoNotTakeThePagesLoginSoAForgedFormCannotActWithACookie() {
        Session session = Session.logIn(port, "validator", "demo");
        String boundary = "----probe";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"d.csv\"\r\n\r\n"
                + BIAS_CSV + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"config\"; "
                + "filename=\"c.json\"\r\n\r\n" + BIAS_CONFIG + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> post = session.send("POST", "/api/reports/bias", body,
                "multipart/form-data; boundary=" + boundary);
        // the validator may create reports with HTTP Basic, but a cookie alone is no login for a write
        assertThat(post.statusCode()).isEqualTo(401);
        assertThat(session.send("PATCH", "/api/models/CUST-CHURN-001", "{\"name\": \"renamed\"}",
                "application/json").statusCode()).isEqualTo(401);
        assertThat(session.send("DELETE", "/api/reports/" + reportId, null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void aRoleKeepsItsLimitsWithTheSession() {
        String business = TestUsers.ensure(identity, "evidence-page-business", "business-owners");
        Session session = Session.logIn(port, business, TestUsers.PASSWORD);
        // reading evidence is for everyone logged in, as on the API
        assertThat(session.send("GET", "/reports/" + reportId, null, null).statusCode()).isEqualTo(200);
        assertThat(session.send("GET", "/api/reports/" + reportId, null, null).statusCode()).isEqualTo(200);
        // registering a model is not for business owners, on the pages or the API
        assertThat(session.send("GET", "/models/new", null, null).statusCode()).isEqualTo(403);
        assertThat(Api.as(port, business, TestUsers.PASSWORD).multipart("/api/reports/bias",
                Part.file("data", "data.csv", BIAS_CSV), Part.file("config", "config.json", BIAS_CONFIG)).status())
                .isEqualTo(403);
    }

    @Test
    void pagesOfWhatDoesNotExistAnswer404PagesNotStackTraces() {
        Session session = Session.logIn(port, "compliance", "demo");
        for (String path : new String[] {"/reports/00000000-0000-0000-0000-000000000000", "/reports/not%20an%20id",
                "/incidents/INC-20000101-NOPE", "/models/NO-SUCH-MODEL/versions/1/explainability",
                "/models/CUST-CHURN-001/versions/0/explainability", "/models/CUST-CHURN-001/versions/x/explainability",
                "/models/CUST-CHURN-001/versions/999/explainability"}) {
            HttpResponse<String> answer = session.send("GET", path, null, null);
            assertThat(answer.statusCode()).as(path).isEqualTo(404);
            assertThat(answer.body()).as(path).contains("404").doesNotContain("Exception").doesNotContain("at org.");
        }
        Api.Response api = Api.as(port, "compliance", "demo").get("/api/reports/00000000-0000-0000-0000-000000000000");
        assertThat(api.status()).isEqualTo(404);
    }

    /** A browser's login on the pages' form: cookies kept, redirects not followed (their status is checked). */
    static final class Session {
        private final int port;
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

        private Session(int port) {
            this.port = port;
        }

        static Session logIn(int port, String user, String password) {
            Session session = new Session(port);
            String form = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + session.csrf("/login");
            HttpResponse<String> login = session.send("POST", "/login", form, null);
            assertThat(login.statusCode()).isEqualTo(302);
            assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
            return session;
        }

        String csrf(String pagePath) {
            Matcher m = CSRF.matcher(send("GET", pagePath, null, null).body());
            assertThat(m.find()).as("a CSRF token on " + pagePath).isTrue();
            return enc(m.group(1));
        }

        HttpResponse<String> send(String method, String path, String body, String contentType) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(Duration.ofSeconds(30)).method(method, body == null
                            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                request.header("Content-Type", contentType == null ? "application/x-www-form-urlencoded" : contentType);
            }
            try {
                return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private static String enc(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
