package org.modelgov.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A small HTTP client for tests: call ModelGov as a user (or nobody) and read the JSON answer. */
public final class Api {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int port;
    private final String authorization;

    private Api(int port, String authorization) {
        this.port = port;
        this.authorization = authorization;
    }

    public static Api as(int port, String user, String password) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new Api(port, "Basic " + token);
    }

    public static Api anonymous(int port) {
        return new Api(port, null);
    }

    public Response get(String path) {
        return send("GET", path, null, null);
    }

    /** A GET asking for another format than JSON (e.g. Prometheus's text format). */
    public Response get(String path, String accept) {
        return sendBody("GET", path, HttpRequest.BodyPublishers.noBody(), null, accept);
    }

    public Response post(String path, String json) {
        return send("POST", path, json, "application/json");
    }

    public Response patch(String path, String json) {
        return send("PATCH", path, json, "application/json");
    }

    public Response send(String method, String path, String body, String contentType) {
        return sendBody(method, path, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body), contentType);
    }

    /** POSTs multipart/form-data: files ({@link Part#file}) and plain fields ({@link Part#field}). */
    public Response multipart(String path, Part... parts) {
        String boundary = "----modelgov-test-" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (Part part : parts) {
            StringBuilder head = new StringBuilder("--").append(boundary).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"").append(part.name()).append('"');
            if (part.filename() != null) {
                head.append("; filename=\"").append(part.filename()).append("\"\r\n")
                        .append("Content-Type: application/octet-stream");
            }
            head.append("\r\n\r\n");
            body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
            body.writeBytes(part.content());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return sendBody("POST", path, HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()),
                "multipart/form-data; boundary=" + boundary);
    }

    /** One multipart part: a file when {@code filename} is set, else a plain form field. */
    public record Part(String name, String filename, byte[] content) {

        public static Part file(String name, String filename, String content) {
            return new Part(name, filename, content.getBytes(StandardCharsets.UTF_8));
        }

        public static Part file(String name, String filename, byte[] content) {
            return new Part(name, filename, content);
        }

        public static Part field(String name, String value) {
            return new Part(name, null, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private Response sendBody(String method, String path, HttpRequest.BodyPublisher body, String contentType) {
        return sendBody(method, path, body, contentType, "application/json");
    }

    private Response sendBody(String method, String path, HttpRequest.BodyPublisher body, String contentType,
                              String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        request.header("Accept", accept);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers().firstValue("Location")
                    .orElse(null), response.headers().firstValue("WWW-Authenticate").orElse(null),
                    response.headers().firstValue("Retry-After").orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Status, raw body and a few headers of one answer. */
    public record Response(int status, String body, String location, String wwwAuthenticate, String retryAfter) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        /** The field names listed in a 400 problem's {@code errors}. */
        public java.util.List<String> invalidFields() {
            java.util.List<String> fields = new java.util.ArrayList<>();
            json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
            return fields;
        }
    }
}
