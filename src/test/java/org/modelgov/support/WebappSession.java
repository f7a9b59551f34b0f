package org.modelgov.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A logged-in browser session without a browser: ModelGov's login form, then the Camunda webapps' own API
 * ({@code /camunda/api/engine/engine/default/...}) with the session cookie and Camunda's CSRF token, exactly the
 * calls Tasklist and Cockpit make.
 */
public final class WebappSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final int port;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private String xsrf;

    private WebappSession(int port) {
        this.port = port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    public static WebappSession logIn(int port, String user, String password) {
        WebappSession session = new WebappSession(port);
        String loginPage = session.send(HttpRequest.newBuilder(session.uri("/login")).GET()).body();
        Matcher csrf = CSRF.matcher(loginPage);
        String form = "username=" + enc(user) + "&password=" + enc(password) + (csrf.find() ? "&_csrf="
                + enc(csrf.group(1)) : "");
        session.send(HttpRequest.newBuilder(session.uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        // opening Tasklist sets Camunda's CSRF cookie, as in a browser
        session.send(HttpRequest.newBuilder(session.uri("/camunda/app/tasklist/default/")).GET());
        session.xsrf = session.cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).findFirst().orElse(null);
        return session;
    }

    /** One of ModelGov's own pages as HTML, e.g. {@code page("/notifications")}. */
    public String page(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET()).body();
    }

    /** A call to the webapps' engine API, e.g. {@code api("POST", "/task/1/submit-form", json)}. */
    public Api.Response api(String method, String enginePath, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/camunda/api/engine/engine/default" + enginePath))
                .header("Accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (xsrf != null) {
            request.header("X-XSRF-TOKEN", xsrf);
        }
        HttpResponse<String> response = send(request);
        return new Api.Response(response.statusCode(), response.body(), null, null, null);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
