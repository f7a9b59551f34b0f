package org.modelgov.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses task and filter queries that carry a JUEL expression ({@code ${...}} or {@code #{...}})
 * before the engine sees them: Camunda 7.24.0 evaluates such expressions from a task query's
 * {@code orQueries} (CVE-2026-109432, no community patch). Applies to the engine REST API and to
 * the webapps' internal copy of it ({@code /camunda/api/engine/...}).
 *
 * <p>It checks the percent-decoded query string and every JSON string and field name of the body
 * after JSON unescaping (so {@code "\u0024{"} is caught), nested {@code orQueries} included. Stored
 * filters that Camunda itself created with {@code ${currentUser()}} keep working: listing a filter
 * sends no expression.
 */
public class ExpressionInjectionGuard extends OncePerRequestFilter {

    static final String REFUSAL = "Expressions (${...} or #{...}) are not allowed in task or filter queries"
            + " (CVE-2026-109432); send literal values instead";
    private static final int MAX_BODY_BYTES = 1024 * 1024;

    private final ObjectMapper json;

    public ExpressionInjectionGuard(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!isTaskOrFilterQuery(request.getRequestURI())) {
            chain.doFilter(request, response);
            return;
        }
        if (containsExpression(decode(request.getQueryString()))) {
            refuse(response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            ProblemResponses.write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "Payload Too Large",
                    "A task or filter query body may be at most 1 MiB");
            return;
        }
        if (bodyContainsExpression(body)) {
            refuse(response);
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    /** Task queries ({@code .../task}, {@code .../task/count}, history too) and anything about filters. */
    static boolean isTaskOrFilterQuery(String uri) {
        if (uri == null) {
            return false;
        }
        List<String> segments = java.util.Arrays.stream(uri.toLowerCase(Locale.ROOT).split("/"))
                .map(s -> s.contains(";") ? s.substring(0, s.indexOf(';')) : s)
                .filter(s -> !s.isEmpty())
                .toList();
        if (segments.contains("filter")) {
            return true;
        }
        int n = segments.size();
        return n >= 1 && segments.get(n - 1).equals("task")
                || n >= 2 && segments.get(n - 2).equals("task") && segments.get(n - 1).equals("count");
    }

    static boolean containsExpression(String text) {
        return text != null && (text.contains("${") || text.contains("#{"));
    }

    private boolean bodyContainsExpression(byte[] body) {
        if (body.length == 0) {
            return false;
        }
        String raw = new String(body, StandardCharsets.UTF_8);
        if (containsExpression(raw)) {
            return true;
        }
        try {
            return containsExpression(json.readTree(body));
        } catch (JsonProcessingException notJson) {
            return false; // the engine refuses a malformed body itself; the raw text was checked above
        } catch (IOException e) {
            return true;
        }
    }

    private static boolean containsExpression(JsonNode node) {
        if (node == null) {
            return false;
        }
        if (node.isTextual()) {
            return containsExpression(node.textValue());
        }
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (containsExpression(field.getKey()) || containsExpression(field.getValue())) {
                    return true;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                if (containsExpression(element)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String decode(String queryString) {
        if (queryString == null) {
            return null;
        }
        try {
            return URLDecoder.decode(queryString, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformedEscape) {
            return queryString;
        }
    }

    private static void refuse(HttpServletResponse response) throws IOException {
        // the engine REST API's own error shape, so clients handle it like any other invalid request
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"InvalidRequestException\",\"message\":"
                + ProblemResponses.quote(REFUSAL) + "}");
    }

    /** The request with its body already read, so the engine can read it again. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding() == null ? StandardCharsets.UTF_8.name() : getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(), java.nio.charset.Charset.forName(encoding)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
