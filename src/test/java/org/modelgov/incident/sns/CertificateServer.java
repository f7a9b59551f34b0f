package org.modelgov.incident.sns;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves PEM certificates over plain HTTP on localhost and counts how often each is fetched. Its
 * {@link #fetcher()} stands in for SNS's host: a declared https://sns...amazonaws.com/x.pem URL is fetched from
 * this server's /x.pem with the real {@link HttpCertificateFetcher}.
 */
final class CertificateServer implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

    CertificateServer(Map<String, String> pemByPath) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        pemByPath.forEach((path, pem) -> {
            hits.put(path, new AtomicInteger());
            server.createContext(path, exchange -> {
                hits.get(path).incrementAndGet();
                byte[] body = pem.getBytes(StandardCharsets.US_ASCII);
                exchange.getResponseHeaders().add("Content-Type", "application/x-pem-file");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
        });
        server.start();
    }

    CertificateFetcher fetcher() {
        HttpCertificateFetcher http = new HttpCertificateFetcher();
        return declared -> http.fetch(URI.create("http://127.0.0.1:" + server.getAddress().getPort()
                + declared.getPath()));
    }

    int hits(String path) {
        return hits.get(path).get();
    }

    int totalHits() {
        return hits.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
